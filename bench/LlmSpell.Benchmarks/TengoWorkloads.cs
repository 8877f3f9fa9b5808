using System.Runtime.CompilerServices;
using LlmSpell.Running;

namespace LlmSpell.Benchmarks;

/// <summary>The scripts in bench/tengo and the budget the Tengo benchmarks run them with.</summary>
internal static class TengoWorkloads
{
    /// <summary>Budgets lifted so the VM, not a limit, is measured (fib(35) runs ~540 M instructions).</summary>
    public static readonly SandboxLimits Unlimited = SandboxLimits.Default with
    {
        Timeout = TimeSpan.FromMinutes(10),
        MaxInstructions = long.MaxValue / 2,
        MaxMemoryBytes = 1L << 30,
    };

    /// <summary>bench/tengo, found from this source file: benchmarks run where they were built.</summary>
    public static string Folder([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "tengo"));
}
