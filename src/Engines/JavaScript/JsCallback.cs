using Jint.Native;
using LlmSpell.Running;
using LlmSpell.Values;

namespace LlmSpell.Engines.JavaScript;

/// <summary>A JavaScript function handed to the host.</summary>
internal sealed class JsCallback(JavaScriptSandbox sandbox, JsValue function) : SandboxCallback(sandbox.Context)
{
    internal JavaScriptSandbox Sandbox { get; } = sandbox;

    internal JsValue Function { get; } = function;

    // Jint's event loop does not run re-entrantly: an async callback started from inside a host call
    // would never settle, so calls always go through the sandbox loop.
    protected override bool RunsInline => false;

    protected override SpellValue CallInSandbox(IReadOnlyList<SpellValue> arguments) => Sandbox.CallFunction(Function, arguments);
}
