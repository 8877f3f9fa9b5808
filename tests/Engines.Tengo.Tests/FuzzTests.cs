using System.Text;
using LlmSpell.Engines.Tengo.Language;
using Xunit;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>
/// Property tests of the scanner, parser, compiler and VM on generated input. The property: whatever
/// the text, compiling either succeeds or throws <see cref="TengoCompileException"/>, and running what
/// compiled ends in a value, a <see cref="TengoRuntimeException"/> or a <see cref="TengoLimitException"/>
/// — never another exception, a hang or a crash. Seeds are fixed so a failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Vocabulary =
    [
        "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "&^", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&^=",
        "&&", "||", "++", "--", "==", "<", ">", "=", "!", "!=", "<=", ">=", ":=", "...", "(", "[", "{", ",", ".", ")", "]", "}", ";", ":", "?",
        "break", "continue", "else", "for", "func", "error", "immutable", "if", "return", "export", "true", "false", "in", "undefined", "import",
        "a", "b", "x", "len", "append", "fmt", "input", "_", "é", "1", "0", "0x1F", "0b101", "017", "1.5", "1e3", ".5", "9223372036854775807",
        "\"s\"", "\"\\n\"", "\"\\x41\"", "'c'", "'\\u00e9'", "`raw`", "\n", " ", "\t", "// c\n", "/* c */", "import(\"fmt\")", "import(\"text\")",
        "func(a) { return a }", "[1, 2]", "{k: 1}", "\"", "'", "`", "\\", "@", "#", "$", "\0", "\uD800", "😀",
    ];

    [Fact]
    public void Random_token_soup_compiles_or_fails_cleanly()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 20_000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 40);
            for (var j = 0; j < length; j++)
            {
                builder.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(random.Next(3) == 0 ? " " : "");
            }

            CheckRuns(builder.ToString(), i);
        }
    }

    [Fact]
    public void Random_characters_compile_or_fail_cleanly()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(4) == 0 ? (char)random.Next(0, 0xFFFF) : (char)random.Next(0x20, 0x7F);
            }

            CheckRuns(new string(chars), i);
        }
    }

    [Fact]
    public void Mutated_language_cases_compile_or_fail_cleanly_and_run_within_limits()
    {
        var random = new Random(42);
        var sources = LanguageCase.All().Select(c => c.Source).ToList();
        var iteration = 0;
        foreach (var source in sources)
        {
            for (var m = 0; m < 8; m++)
            {
                CheckRuns(Mutate(source, random), iteration++);
            }
        }

        Assert.True(iteration > 5000, $"only {iteration} mutants");
    }

    internal static string Mutate(string source, Random random)
    {
        var text = new StringBuilder(source);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0 when text.Length > 0:
                    text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                    break;
                case 2 when text.Length > 0:
                    var length = Math.Min(random.Next(1, 20), text.Length - at);
                    text.Insert(random.Next(text.Length), text.ToString(at, length));
                    break;
                default:
                    if (text.Length > 1)
                    {
                        var other = random.Next(text.Length);
                        (text[at], text[other]) = (text[other], text[at]);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static void CheckRuns(string source, int iteration)
    {
        TengoProgram program;
        try
        {
            program = TengoProgram.Compile("fuzz.tengo", source, ["input"], StandardModules.Names);
        }
        catch (TengoCompileException ex)
        {
            Assert.True(ex.Errors.Count > 0 && ex.First.Message.Length > 0, $"#{iteration}: compile error without a message for {Show(source)}");
            return;
        }
        catch (Exception ex)
        {
            Assert.Fail($"#{iteration}: compiling {Show(source)} threw {ex}");
            return;
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var vm = new TengoVm(new TengoRuntimeOptions
        {
            MaxInstructions = 200_000,
            MaxAllocationBytes = 4 * 1024 * 1024,
            MaxFrames = 64,
            MaxStringLength = 1024 * 1024,
            CancellationToken = stop.Token,
        });
        try
        {
            vm.Run(program, [TengoUndefined.Instance]);
        }
        catch (Exception ex) when (ex is TengoRuntimeException or TengoLimitException)
        {
            // Both are outcomes a script may have.
        }
        catch (Exception ex)
        {
            Assert.Fail($"#{iteration}: running {Show(source)} threw {ex}");
        }
    }

    private static string Show(string source) => SpellJsonQuote(source.Length > 400 ? source[..400] + "…" : source);

    private static string SpellJsonQuote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
