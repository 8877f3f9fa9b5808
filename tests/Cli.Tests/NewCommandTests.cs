using System.Text.Json;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Cli.Tests;

/// <summary><c>llmspell new</c> and <c>llmspell run DIR</c>: a scaffolded spell runs, validates, and takes its manifest's rules.</summary>
public sealed class NewCommandTests : IDisposable
{
    private readonly LlmSpellProcess _llmspell = new();

    [Theory]
    [InlineData("lua", ".lua")]
    [InlineData("js", ".js")]
    [InlineData("tengo", ".tengo")]
    public async Task A_new_spell_runs_from_its_folder_with_its_test_input_and_validates(string language, string extension)
    {
        var made = await _llmspell.RunAsync("new", "facts", "--lang", language);
        Assert.True(made.ExitCode == 0, made.Error);
        foreach (var file in new[] { "facts.spell.json", "facts" + extension, "test-input.json" })
        {
            Assert.True(File.Exists(Path.Combine(_llmspell.WorkingDirectory, "facts", file)), file);
        }

        var run = await _llmspell.RunAsync("run", "facts", "--input-json", Path.Combine("facts", "test-input.json"), "--json");
        var validate = await _llmspell.RunAsync("validate", "facts");

        Assert.True(run.ExitCode == 0, run.Error);
        var result = JsonDocument.Parse(run.Out).RootElement.GetProperty("result");
        Assert.Equal("echo: Give three short facts about tide pools", result.GetProperty("facts").GetString());
        Assert.Equal(0, validate.ExitCode);
    }

    [Fact]
    public async Task New_refuses_a_bad_name_an_unknown_language_and_an_existing_folder_and_changes_nothing()
    {
        var existing = Directory.CreateDirectory(Path.Combine(_llmspell.WorkingDirectory, "taken"));
        File.WriteAllText(Path.Combine(existing.FullName, "notes.txt"), "mine");

        var badName = await _llmspell.RunAsync("new", "Bad Name");
        var badLanguage = await _llmspell.RunAsync("new", "ok", "--lang", "cobol");
        var taken = await _llmspell.RunAsync("new", "taken");

        Assert.Equal((2, 2, 2), (badName.ExitCode, badLanguage.ExitCode, taken.ExitCode));
        Assert.Contains("'Bad Name' is not a spell name", badName.Error, StringComparison.Ordinal);
        Assert.Contains("--lang must be one of lua, js, tengo, not 'cobol'", badLanguage.Error, StringComparison.Ordinal);
        Assert.Contains("already exists", taken.Error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(existing.FullName).Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(_llmspell.WorkingDirectory, "ok")));
    }

    [Fact]
    public async Task Run_of_a_folder_applies_the_manifest_s_schema_and_limits_and_the_flags_override_them()
    {
        await _llmspell.RunAsync("new", "facts", "--lang", "tengo");
        var manifest = Path.Combine(_llmspell.WorkingDirectory, "facts", "facts.spell.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"memory_mb\": 64", "\"memory_mb\": 64, \"instructions\": 1000", StringComparison.Ordinal));
        var script = Path.Combine(_llmspell.WorkingDirectory, "facts", "facts.tengo");
        File.WriteAllText(script, "for i := 0; i < 100000; i++ {}\n" + File.ReadAllText(script));

        var missingInput = await _llmspell.RunAsync("run", "facts");
        var tooFewInstructions = await _llmspell.RunAsync("run", "facts", "--input", "topic=owls");
        var overridden = await _llmspell.RunAsync("run", Path.Combine("facts", "facts.spell.json"), "--input", "topic=owls", "--max-instructions", "1000000");

        Assert.Equal(2, missingInput.ExitCode);
        Assert.Contains("input does not match its schema", missingInput.Error, StringComparison.Ordinal);
        Assert.Contains("instruction_limit", tooFewInstructions.Error, StringComparison.Ordinal);
        Assert.True(overridden.ExitCode == 0, overridden.Error);
    }

    [Fact]
    public async Task Run_of_a_folder_without_one_manifest_says_what_to_do()
    {
        Directory.CreateDirectory(Path.Combine(_llmspell.WorkingDirectory, "empty"));
        await _llmspell.RunAsync("new", "a", "--in", "two");
        await _llmspell.RunAsync("new", "b", "--in", "two");
        File.Move(Path.Combine(_llmspell.WorkingDirectory, "two", "b", "b.spell.json"), Path.Combine(_llmspell.WorkingDirectory, "two", "a", "b.spell.json"));

        var empty = await _llmspell.RunAsync("run", "empty");
        var several = await _llmspell.RunAsync("run", Path.Combine("two", "a"));

        Assert.Equal((2, 2), (empty.ExitCode, several.ExitCode));
        Assert.Contains("holds no spell manifest (*.spell.json)", empty.Error, StringComparison.Ordinal);
        Assert.Contains("holds several spells (a.spell.json, b.spell.json)", several.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _llmspell.Dispose();
}
