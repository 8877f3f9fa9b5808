namespace LlmSpell.Errors;

/// <summary>
/// Thrown by Core services and engines to report a <see cref="SpellError"/>. Engines turn it into the
/// language's own error at the bridge, so scripts can catch it.
/// </summary>
public sealed class SpellException : Exception
{
    public SpellException(SpellError error, Exception? innerException = null)
        : base(error.Message, innerException)
    {
        Error = error;
    }

    public SpellException(string code, string message, Exception? innerException = null)
        : this(new SpellError(code, message), innerException)
    {
    }

    public SpellError Error { get; }

    public string Code => Error.Code;

    public SpellException WithLocation(SpellLocation? location) =>
        location is null || Error.Location is not null ? this : new SpellException(Error with { Location = location }, InnerException);
}
