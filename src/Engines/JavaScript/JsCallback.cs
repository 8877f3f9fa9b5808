using Jint.Native;
using LlmSpell.Values;

namespace LlmSpell.Engines.JavaScript;

/// <summary>A JavaScript function handed to the host; calls are marshalled to the sandbox thread.</summary>
internal sealed class JsCallback(JavaScriptSandbox sandbox, JsValue function) : SpellCallback
{
    internal JavaScriptSandbox Sandbox { get; } = sandbox;

    internal JsValue Function { get; } = function;

    public override ValueTask<SpellValue> InvokeAsync(IReadOnlyList<SpellValue> arguments, CancellationToken cancellationToken = default) =>
        new(Sandbox.Context.Dispatcher.InvokeAsync(() => Sandbox.CallFunction(Function, arguments)));
}
