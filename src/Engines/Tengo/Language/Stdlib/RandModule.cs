namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>rand: Go's math/rand. The module functions share the run's source; rand(seed) makes an independent one.</summary>
internal static class RandModule
{
    public static TengoMap Create() =>
        Functions(new ModuleBuilder("rand"), vm => vm.Random)
            .Function("seed", (vm, a) => { Arguments.Count(a, 1); vm.Random = new Random(unchecked((int)Arguments.Int(a, 0) ^ (int)(Arguments.Int(a, 0) >> 32))); return TengoUndefined.Instance; })
            .Function("rand", (vm, a) =>
            {
                Arguments.Count(a, 1);
                var seed = Arguments.Int(a, 0);
                var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
                return Functions(new ModuleBuilder("rand"), _ => random)
                    .Function("seed", (_, b) => { Arguments.Count(b, 1); random = new Random(unchecked((int)Arguments.Int(b, 0))); return TengoUndefined.Instance; })
                    .Build();
            })
            .Build();

    private static ModuleBuilder Functions(ModuleBuilder builder, Func<TengoVm, Random> source) => builder
        .Function("int", (vm, a) => { Arguments.Count(a, 0); return TengoInt.From(source(vm).NextInt64(long.MaxValue)); })
        .Function("float", (vm, a) => { Arguments.Count(a, 0); return new TengoFloat(source(vm).NextDouble()); })
        .Function("intn", (vm, a) =>
        {
            Arguments.Count(a, 1);
            var n = Arguments.Int(a, 0);
            return n <= 0 ? throw new TengoRuntimeException("invalid argument to intn: must be > 0") : TengoInt.From(source(vm).NextInt64(n));
        })
        .Function("exp_float", (vm, a) => { Arguments.Count(a, 0); return new TengoFloat(-Math.Log(1 - source(vm).NextDouble())); })
        .Function("norm_float", (vm, a) =>
        {
            Arguments.Count(a, 0);
            var random = source(vm);
            // Box–Muller: two uniforms give one standard normal.
            return new TengoFloat(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        })
        .Function("perm", (vm, a) =>
        {
            Arguments.Count(a, 1);
            var n = Arguments.Int(a, 0);
            if (n < 0) throw new TengoRuntimeException("invalid argument to perm: must be >= 0");
            vm.ReserveIntArray(n, "rand.perm");
            var items = Enumerable.Range(0, (int)n).ToArray();
            source(vm).Shuffle(items);
            return TengoVm.AdoptArray(items.Select(i => (TengoObject)TengoInt.From(i)).ToList());
        })
        .Function("read", (vm, a) =>
        {
            Arguments.Count(a, 1);
            if (a[0] is not TengoBytes bytes) throw Arguments.InvalidType(0, "bytes", a[0]);
            source(vm).NextBytes(bytes.Value);
            return TengoInt.From(bytes.Value.Length);
        });
}
