namespace LlmSpell.Functions.Tests.HttpContract;

/// <summary>One face of the HTTP contract, serving the spells of <c>contract/</c>.</summary>
public interface ISpellServer : IAsyncDisposable
{
    /// <summary>A client whose base address is the server's root.</summary>
    HttpClient Client { get; }
}
