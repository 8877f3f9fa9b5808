using LlmSpell.Cli;

return await LlmSpellCommandLine.InvokeAsync(args, CliConsole.System).ConfigureAwait(false);
