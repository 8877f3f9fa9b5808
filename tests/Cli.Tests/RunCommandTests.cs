using System.Text.Json;
using LlmSpell.Testing;
using Xunit;

namespace LlmSpell.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private readonly LlmSpellProcess _llmspell = new();

    [Fact]
    public async Task Hello_in_lua_javascript_and_tengo_print_the_same_thing()
    {
        // Copied into the project folder, so all three are the spell "hello" (see README, "How a spell is named").
        foreach (var extension in new[] { "lua", "js", "tengo" })
        {
            File.Copy(Path.Combine(LlmSpellProcess.Examples, "hello." + extension), Path.Combine(_llmspell.WorkingDirectory, "hello." + extension));
        }

        var lua = await _llmspell.RunAsync("run", "hello.lua", "--input", "name=Ada");
        var js = await _llmspell.RunAsync("run", "hello.js", "--input", "name=Ada");
        var tengo = await _llmspell.RunAsync("run", "hello.tengo", "--input", "name=Ada");

        Assert.True(lua.ExitCode == 0, lua.Error);
        Assert.Equal(0, js.ExitCode);
        Assert.Equal("echo: Say hello to Ada\n{\n  \"greetings\": 1,\n  \"name\": \"Ada\",\n  \"reply\": \"echo: Say hello to Ada\"\n}\n", lua.Out);
        // The second run counts on from the first: both spells share the "hello" state scope.
        Assert.Equal(lua.Out.Replace("\"greetings\": 1", "\"greetings\": 2", StringComparison.Ordinal), js.Out);
        Assert.Equal(0, tengo.ExitCode);
        Assert.Equal(lua.Out.Replace("\"greetings\": 1", "\"greetings\": 3", StringComparison.Ordinal), tengo.Out);
        Assert.Contains("offline 'mock' provider", lua.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_llmspell.WorkingDirectory, ".llmspell", "state", "hello", "greetings.json")));
    }

    [Fact]
    public async Task Json_mode_prints_one_object_with_result_output_events_and_engine()
    {
        var spell = _llmspell.Write("n.lua", "print('side note')\nevents.emit('doubled', { n = input.n })\nreturn { doubled = input.n * 2, tags = input.tags }");
        var (exit, output, _) = await _llmspell.RunAsync("run", spell, "--json", "--input", "n:=21", "--input", "tags:=[\"a\"]");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(42, json.RootElement.GetProperty("result").GetProperty("doubled").GetInt32());
        Assert.Equal("a", json.RootElement.GetProperty("result").GetProperty("tags")[0].GetString());
        Assert.Equal("side note\n", json.RootElement.GetProperty("output").GetString());
        Assert.Equal("lua", json.RootElement.GetProperty("engine").GetString());
        var emitted = Assert.Single(json.RootElement.GetProperty("events").EnumerateArray().ToList());
        Assert.Equal("doubled", emitted.GetProperty("name").GetString());
        Assert.Equal(21, emitted.GetProperty("data").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Input_json_from_stdin_is_overridden_by_input_pairs()
    {
        var spell = _llmspell.Write("echo.js", "return input;");
        var (exit, output, _) = await _llmspell.RunWithInputAsync("{\"a\":1,\"b\":2}", "run", spell, "--input-json", "-", "--input", "b=two");
        Assert.Equal(0, exit);
        Assert.Equal("{\n  \"a\": 1,\n  \"b\": \"two\"\n}\n", output);
    }

    [Fact]
    public async Task A_script_error_exits_1_and_names_file_and_line()
    {
        var spell = _llmspell.Write("broken.lua", "local x = 1\nlocal y = nil\nreturn x + y");
        var (exit, _, error) = await _llmspell.RunAsync("run", spell);
        Assert.Equal(1, exit);
        Assert.Contains("error: broken.lua:3: runtime_error: attempt to perform arithmetic on a nil value (local 'y')", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tengo_runtime_error_names_file_line_and_column_and_verbose_shows_the_trace()
    {
        var spell = _llmspell.Write("broken.tengo", "f := func(x) {\n    return x + \"a\"\n}\nf(1)");

        var (exit, _, error) = await _llmspell.RunAsync("run", spell);
        var verbose = await _llmspell.RunAsync("run", spell, "--verbose");

        Assert.Equal(1, exit);
        Assert.Contains("error: broken.tengo:2:12: runtime_error: invalid operation: int + string", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\tat broken.tengo:4:1", error, StringComparison.Ordinal);
        Assert.Contains("Runtime Error: invalid operation: int + string\n\tat broken.tengo:2:12\n\tat broken.tengo:4:1", verbose.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_exits_1_and_names_file_line_and_column()
    {
        var spell = _llmspell.Write("broken.js", "const a = 1;\nconst = 2;");
        var (exit, _, error) = await _llmspell.RunAsync("run", spell);
        Assert.Equal(1, exit);
        Assert.Contains("error: broken.js:2:7: syntax_error:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("spin.lua", "while true do end")]
    [InlineData("spin.js", "while (true) {}")]
    public async Task A_limit_exits_3(string name, string source)
    {
        var (exit, _, error) = await _llmspell.RunAsync("run", _llmspell.Write(name, source), "--timeout", "0.5");
        Assert.Equal(3, exit);
        Assert.Matches("error: .*(timeout|instruction_limit)", error);
    }

    [Theory]
    [InlineData("tiny.lua", "return 1")]
    [InlineData("tiny.js", "return 1;")]
    public async Task A_deadline_that_passes_while_the_sandbox_is_set_up_is_a_timeout(string name, string source)
    {
        // A cold process spends far more than a millisecond before the spell's first statement.
        var (exit, _, error) = await _llmspell.RunAsync("run", _llmspell.Write(name, source), "--timeout", "0.001");
        Assert.True(exit is 0 or 3, error);
        Assert.DoesNotContain("host_error", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "missing.lua")]
    [InlineData("run", "x.lua", "--engine", "cobol")]
    [InlineData("run", "x.txt")]
    [InlineData("run", "x.lua", "--timeout", "-1")]
    [InlineData("run", "x.lua", "--input", "novalue")]
    [InlineData("run", "x.lua", "--input", "bad:={")]
    [InlineData("run", "x.lua", "--no-such-option")]
    [InlineData("run")]
    [InlineData("frobnicate")]
    [InlineData()]
    public async Task Bad_usage_exits_2_with_a_message(params string[] arguments)
    {
        _llmspell.Write("x.lua", "return 1");
        _llmspell.Write("x.txt", "return 1");
        var (exit, _, error) = await _llmspell.RunAsync(arguments);
        Assert.Equal(2, exit);
        Assert.StartsWith("llmspell: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_option_and_shebang_choose_the_engine()
    {
        var byOption = await _llmspell.RunAsync("run", _llmspell.Write("a.txt", "return 1 + 1;"), "--engine", "javascript");
        var byShebang = await _llmspell.RunAsync("run", _llmspell.Write("b", "#!/usr/bin/env llmspell lua\nreturn 2 ^ 2"));
        Assert.Equal((0, "2\n"), (byOption.ExitCode, byOption.Out));
        Assert.Equal((0, "4\n"), (byShebang.ExitCode, byShebang.Out));
    }

    [Fact]
    public async Task Engines_lists_every_engine()
    {
        var (exit, output, _) = await _llmspell.RunAsync("engines");
        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^lua\s+\.lua\s+Lua 5\.4", output);
        Assert.Matches(@"(?m)^js, javascript\s+\.js\s+JavaScript through Jint", output);
        Assert.Matches(@"(?m)^tengo\s+\.tengo\s+Tengo", output);
    }

    [Fact]
    public async Task Help_names_every_engine()
    {
        var (_, output, _) = await _llmspell.RunAsync("run", "--help");
        Assert.Contains("lua, js, tengo", output, StringComparison.Ordinal);
        Assert.Contains(".tengo", output, StringComparison.Ordinal);
    }

    public void Dispose() => _llmspell.Dispose();

    [Theory]
    [InlineData("1,5")]
    [InlineData("ten")]
    [InlineData("1e400")]
    public async Task A_timeout_that_is_not_a_plain_number_of_seconds_is_a_usage_error(string timeout)
    {
        var spell = _llmspell.Write("t.lua", "return 1");
        var (exit, _, error) = await _llmspell.RunAsync("run", spell, "--timeout", timeout);

        Assert.Equal(2, exit);
        Assert.Contains($"--timeout takes a number of seconds such as 30 or 1.5, not '{timeout}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_work_memory_and_depth_limits_can_be_raised_for_a_compute_heavy_spell()
    {
        // 3,000 nested calls and a 100 MB string: past the defaults (1,000 levels, 64 MiB), allowed when asked.
        var spell = _llmspell.Write("heavy.tengo", "text := import(\"text\")\ndeep := func(n) { if n == 0 { return 0 }; return 1 + deep(n - 1) }\nexport [deep(3000), len(text.repeat(\"x\", 50000000))]");

        var byDefault = await _llmspell.RunAsync("run", spell);
        var deeper = await _llmspell.RunAsync("run", spell, "--max-depth", "5000");
        var allowed = await _llmspell.RunAsync("run", spell, "--max-depth", "5000", "--memory", "256", "--max-instructions", "1_000_000_000");
        var fewerInstructions = await _llmspell.RunAsync("run", spell, "--max-depth", "5000", "--memory", "256", "--max-instructions", "5000");

        Assert.Contains("recursion_limit: stack overflow: the script nested calls deeper than 1000", byDefault.Error, StringComparison.Ordinal);
        Assert.Contains("memory_limit", deeper.Error, StringComparison.Ordinal);
        Assert.True(allowed.ExitCode == 0, allowed.Error);
        Assert.Equal("[\n  3000,\n  50000000\n]\n", allowed.Out);
        Assert.Contains("instruction_limit", fewerInstructions.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-instructions", "1e9", "--max-instructions takes a whole number of instructions from 1,000 to")]
    [InlineData("--max-instructions", "999", "--max-instructions takes a whole number of instructions from 1,000 to")]
    [InlineData("--memory", "0", "--memory takes a whole number of MiB from 1 to 4,096, not '0'")]
    [InlineData("--memory", "1.5", "--memory takes a whole number of MiB from 1 to 4,096, not '1.5'")]
    [InlineData("--max-depth", "-3", "--max-depth takes a whole number of levels from 1 to 100,000, not '-3'")]
    [InlineData("--max-depth", "1000000", "--max-depth takes a whole number of levels from 1 to 100,000, not '1000000'")]
    public async Task A_limit_out_of_range_is_a_usage_error_that_names_the_option(string option, string value, string message)
    {
        var spell = _llmspell.Write("t.tengo", "export 1");
        var (exit, _, error) = await _llmspell.RunAsync("run", spell, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_or_a_fifo_is_refused_at_once_not_read_for_ever()
    {
        var fifo = Path.Combine(_llmspell.WorkingDirectory, "pipe.lua");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var zero = Path.Combine(_llmspell.WorkingDirectory, "zero.lua");
        File.CreateSymbolicLink(zero, "/dev/zero");

        foreach (var path in new[] { "/dev/zero", fifo, zero })
        {
            var (exit, _, error) = await _llmspell.RunAsync("run", path);
            Assert.Equal(2, exit);
            Assert.Contains("not a regular file", error, StringComparison.Ordinal);
        }
    }
}
