using LlmSpell.Engines.Tengo.Language;
using Xunit;

namespace LlmSpell.Engines.Tengo.Tests;

/// <summary>The VM's host-facing surface: calls made from outside a running script.</summary>
public sealed class TengoVmTests
{
    [Fact]
    public void ReturnedFrom_names_the_return_of_the_last_script_call_and_nothing_after_a_builtin_call()
    {
        var program = TengoProgram.Compile("vm.tengo", "f := func(x) {\n    return x + 1\n}\nexport f", [], StandardModules.Names);
        var vm = new TengoVm(new TengoRuntimeOptions());
        var f = vm.Run(program, []);

        Assert.Equal(TengoInt.From(2), vm.Call(f, [TengoInt.From(1)]));
        Assert.Equal(new TengoStackFrame("vm.tengo", new SourcePos(2, 5)), vm.ReturnedFrom);

        var parseDuration = ((TengoMap)StandardModules.Builtin("times")!).Entries["parse_duration"];
        Assert.IsType<TengoError>(vm.Call(parseDuration, [new TengoString("not a duration")]));
        Assert.Equal(default, vm.ReturnedFrom);
    }
}
