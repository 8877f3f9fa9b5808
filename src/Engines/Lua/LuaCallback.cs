using LlmSpell.Running.Bridge;

namespace LlmSpell.Engines.Lua;

/// <summary>A Lua function handed to the host, kept in the registry under its reference (<see cref="ScriptCallback{TSandbox, TFunction}.Function"/>).</summary>
/// <remarks>Each call runs on a fiber, which may wait for the host without holding up the others.</remarks>
internal sealed class LuaCallback(LuaSandbox sandbox, int reference) : ScriptCallback<LuaSandbox, int>(sandbox, reference);
