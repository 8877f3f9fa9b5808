using System.Text;

namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>fmt: print, printf, println, sprintf — output goes where the run's options say.</summary>
internal static class FmtModule
{
    public static TengoMap Create() => new ModuleBuilder("fmt")
        .Function("print", (vm, a) => Write(vm, Join(a, "")))
        .Function("println", (vm, a) => Write(vm, Join(a, "") + "\n"))
        .Function("printf", (vm, a) => a.Length == 0 ? throw Arguments.WrongCount() : Write(vm, TengoFormat.Format(Arguments.String(a, 0), a[1..])))
        .Function("sprintf", (vm, a) => a.Length == 0 ? throw Arguments.WrongCount() : vm.NewString(TengoFormat.Format(Arguments.String(a, 0), a[1..])))
        .Build();

    private static string Join(ReadOnlySpan<TengoObject> args, string separator)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0) builder.Append(separator);
            // As Tengo's getPrintArgs: undefined has no string form and prints as nothing.
            builder.Append(args[i] is TengoUndefined ? "" : Arguments.Text(args[i]));
        }

        return builder.ToString();
    }

    private static TengoObject Write(TengoVm vm, string text)
    {
        vm.Options.Write(text);
        return TengoUndefined.Instance;
    }
}
