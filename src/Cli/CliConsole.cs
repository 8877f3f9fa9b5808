namespace LlmSpell.Cli;

/// <summary>The streams the CLI talks through; tests hand in their own.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliConsole System { get; } = new(Console.In, Console.Out, Console.Error);
}
