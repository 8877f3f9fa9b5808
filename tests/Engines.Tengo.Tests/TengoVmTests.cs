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

    [Fact]
    public void Building_an_array_with_append_is_charged_for_its_growth_not_for_a_copy_per_call()
    {
        const int Count = 20_000;
        var program = TengoProgram.Compile("append.tengo", $"a := []\nfor i := 0; i < {Count}; i++ {{ a = append(a, i) }}\nexport len(a)", [], StandardModules.Names);
        var vm = new TengoVm(new TengoRuntimeOptions { MaxAllocationBytes = 4 * 1024 * 1024 });

        Assert.Equal(Count, Assert.IsType<TengoInt>(vm.Run(program, [])).Value);
        // A copy per call would be charged about 8 * Count^2 / 2 = 1.6 GB; growth by doubling is linear.
        Assert.InRange(vm.BytesAllocated, Count * 8L, Count * 64L);
    }
}
