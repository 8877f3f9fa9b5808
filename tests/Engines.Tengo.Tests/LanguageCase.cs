using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>
/// One language case from <c>cases/*.txt</c>. Two forms:
/// <code>
/// 1 + 2 => 3                       an expression and the Tengo text of its value
/// x := 1; x := 2 !! redeclared     statements and a fragment of the error they raise
///
/// === name                          a program; `export` gives its value
/// ...code...
/// >> printed line                   (any number) what fmt prints, line by line
/// => expected value                 or: !! error fragment @line:col
/// </code>
/// </summary>
public sealed partial record LanguageCase(string Id, string Source, string? Expected, string? Error, int? Line, int? Column, IReadOnlyList<string> Output)
{
    public override string ToString() => Id;

    public static IEnumerable<LanguageCase> All() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "cases"), "*.txt").Order(StringComparer.Ordinal).SelectMany(Read);

    [GeneratedRegex(@"^(?<fragment>.*?)(\s+@(?<line>\d+):(?<column>\d+))?$")]
    private static partial Regex ErrorWithPosition();

    private static IEnumerable<LanguageCase> Read(string path)
    {
        var file = Path.GetFileNameWithoutExtension(path);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                var name = line[4..].Trim();
                var code = new List<string>();
                var output = new List<string>();
                i++;
                while (i < lines.Length && !lines[i].StartsWith("=> ", StringComparison.Ordinal) && !lines[i].StartsWith("!! ", StringComparison.Ordinal) && lines[i] != "=>")
                {
                    if (lines[i].StartsWith(">> ", StringComparison.Ordinal) || lines[i] == ">>")
                    {
                        output.Add(lines[i].Length > 3 ? lines[i][3..] : "");
                    }
                    else
                    {
                        code.Add(lines[i]);
                    }

                    i++;
                }

                if (i >= lines.Length)
                {
                    throw new InvalidDataException($"{path}: case {name} has no expectation");
                }

                yield return Make($"{file}/{name}", string.Join("\n", code), lines[i], output);
                continue;
            }

            var arrow = line.LastIndexOf(" => ", StringComparison.Ordinal);
            var bang = line.LastIndexOf(" !! ", StringComparison.Ordinal);
            if (arrow < 0 && bang < 0)
            {
                throw new InvalidDataException($"{path}:{i + 1}: a one-line case needs ' => ' or ' !! '");
            }

            var id = $"{file}:{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            yield return bang > arrow
                ? Make(id, line[..bang], line[(bang + 1)..], [])
                : Make(id, line.Contains("export ", StringComparison.Ordinal) ? line[..arrow] : "export (" + line[..arrow] + ")", line[(arrow + 1)..], []);
        }
    }

    private static LanguageCase Make(string id, string source, string expectation, IReadOnlyList<string> output)
    {
        if (expectation.StartsWith("=>", StringComparison.Ordinal))
        {
            return new LanguageCase(id, source, expectation[2..].Trim(), null, null, null, output);
        }

        var match = ErrorWithPosition().Match(expectation[3..].Trim());
        int? Number(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : null;
        return new LanguageCase(id, source, null, match.Groups["fragment"].Value, Number("line"), Number("column"), output);
    }
}
