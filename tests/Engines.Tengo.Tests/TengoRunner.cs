using System.Text;
using LlmSpell.Engines.Tengo.Language;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>Compiles and runs a script on a bare VM (no spell API): the language on its own.</summary>
internal static class TengoRunner
{
    public sealed record Outcome(TengoObject? Value, Exception? Error, SourcePos ErrorPos);

    public static TengoRuntimeOptions Options(StringBuilder output) => new()
    {
        MaxInstructions = 50_000_000,
        MaxAllocationBytes = 256L * 1024 * 1024,
        MaxFrames = 500,
        MaxStringLength = 16 * 1024 * 1024,
        Write = text => output.Append(text),
        UtcNow = () => new DateTime(2026, 12, 1, 10, 30, 15, DateTimeKind.Utc),
    };

    public static Outcome Run(string source, StringBuilder output, TengoRuntimeOptions? options = null)
    {
        try
        {
            var program = TengoProgram.Compile("test.tengo", source, ["input"], StandardModules.Names);
            var vm = new TengoVm(options ?? Options(output));
            var value = vm.Run(program, [new TengoString("the input")]);
            return new Outcome(value, null, SourcePos.None);
        }
        catch (TengoCompileException ex)
        {
            return new Outcome(null, new InvalidOperationException(ex.First.Message, ex), ex.First.Pos);
        }
        catch (TengoRuntimeException ex)
        {
            return new Outcome(null, ex, ex.Trace.Count > 0 ? ex.Trace[0].Pos : SourcePos.None);
        }
        catch (TengoLimitException ex)
        {
            return new Outcome(null, ex, SourcePos.None);
        }
    }
}
