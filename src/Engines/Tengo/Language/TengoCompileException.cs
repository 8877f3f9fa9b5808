namespace LlmSpell.Engines.Tengo.Language;

/// <summary>A script that does not scan, parse or compile. <see cref="Errors"/> is never empty.</summary>
public sealed class TengoCompileException : Exception
{
    public TengoCompileException(string file, IReadOnlyList<TengoSyntaxError> errors)
        : base(Describe(file, errors))
    {
        File = file;
        Errors = errors;
    }

    public TengoCompileException()
        : this("", [new TengoSyntaxError(SourcePos.None, "compile error")])
    {
    }

    public TengoCompileException(string message)
        : this("", [new TengoSyntaxError(SourcePos.None, message)])
    {
    }

    public TengoCompileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Errors = [new TengoSyntaxError(SourcePos.None, message)];
    }

    public string File { get; }

    public IReadOnlyList<TengoSyntaxError> Errors { get; }

    public TengoSyntaxError First => Errors[0];

    private static string Describe(string file, IReadOnlyList<TengoSyntaxError> errors) =>
        errors.Count == 0 ? "compile error" : $"{errors[0].Message}\n\tat {file}:{errors[0].Pos}";
}
