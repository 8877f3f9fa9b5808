using Jint.Native;
using LlmSpell.Running.Bridge;

namespace LlmSpell.Engines.JavaScript;

/// <summary>A JavaScript function handed to the host.</summary>
internal sealed class JsCallback(JavaScriptSandbox sandbox, JsValue function) : ScriptCallback<JavaScriptSandbox, JsValue>(sandbox, function)
{
    // Jint's event loop does not run re-entrantly: an async callback started from inside a host call
    // would never settle, so calls always go through the sandbox loop.
    protected override bool RunsInline => false;
}
