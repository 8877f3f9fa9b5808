using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Conformance;

/// <summary>
/// One case: a folder holding one spell per engine (<c>case.lua</c>, <c>case.js</c>, …) and
/// <c>expect.json</c>, which says what every engine must produce:
/// <code>
/// { "input": {…}, "limits": { "timeout_ms", "max_instructions", "max_memory_mb", "max_recursion", "max_output_bytes" },
///   "result": …, "error": { "code", "line", "message" }, "output": ["line", …], "logs": ["Level: message", …] }
/// </code>
/// "result" and "error" exclude each other; a case with neither expects null. "message" is a fragment.
/// </summary>
public sealed record ConformanceCase(string Name, string Folder, SpellMap Expect)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "cases");

    public static IEnumerable<ConformanceCase> All() =>
        Directory.EnumerateDirectories(Root)
            .Order(StringComparer.Ordinal)
            .Select(folder => new ConformanceCase(Path.GetFileName(folder), folder, (SpellMap)SpellJson.Parse(File.ReadAllText(Path.Combine(folder, "expect.json")))));

    public SpellMap Input => Expect.Get("input") as SpellMap ?? SpellMap.Empty;

    public SandboxLimits Limits
    {
        get
        {
            var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(20) };
            if (Expect.Get("limits") is not SpellMap map)
            {
                return limits;
            }

            long Get(string key, long fallback) => map.Get(key) is SpellInt i ? i.Value : fallback;
            return limits with
            {
                Timeout = TimeSpan.FromMilliseconds(Get("timeout_ms", (long)limits.Timeout.TotalMilliseconds)),
                MaxInstructions = Get("max_instructions", limits.MaxInstructions),
                MaxMemoryBytes = Get("max_memory_mb", limits.MaxMemoryBytes / (1024 * 1024)) * 1024 * 1024,
                MaxRecursionDepth = (int)Get("max_recursion", limits.MaxRecursionDepth),
                MaxOutputBytes = Get("max_output_bytes", limits.MaxOutputBytes),
            };
        }
    }

    public string SpellPath(ISpellEngine engine) => Path.Combine(Folder, "case" + engine.FileExtensions[0]);

    public override string ToString() => Name;
}
