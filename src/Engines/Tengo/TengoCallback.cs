using LlmSpell.Engines.Tengo.Language;
using LlmSpell.Running.Bridge;

namespace LlmSpell.Engines.Tengo;

/// <summary>A Tengo function (script or builtin) handed to the host.</summary>
/// <remarks>Each call runs on a fiber, which may wait for the host without holding up the others.</remarks>
internal sealed class TengoCallback(TengoSandbox sandbox, TengoObject function) : ScriptCallback<TengoSandbox, TengoObject>(sandbox, function);
