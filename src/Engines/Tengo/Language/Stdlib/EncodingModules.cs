namespace LlmSpell.Engines.Tengo.Language.Stdlib;

/// <summary>base64 and hex: byte encodings as in Go's encoding packages. Bad input gives an error value.</summary>
internal static class EncodingModules
{
    public static TengoMap Base64() => new ModuleBuilder("base64")
        .Function("encode", (vm, a) => Encode(vm, a, b => Convert.ToBase64String(b)))
        .Function("decode", (vm, a) => Decode(vm, a, s => Convert.FromBase64String(s)))
        .Function("raw_encode", (vm, a) => Encode(vm, a, b => Convert.ToBase64String(b).TrimEnd('=')))
        .Function("raw_decode", (vm, a) => Decode(vm, a, s => Convert.FromBase64String(Repad(s))))
        .Function("url_encode", (vm, a) => Encode(vm, a, b => ToUrl(Convert.ToBase64String(b))))
        .Function("url_decode", (vm, a) => Decode(vm, a, s => Convert.FromBase64String(FromUrl(s))))
        .Function("raw_url_encode", (vm, a) => Encode(vm, a, b => ToUrl(Convert.ToBase64String(b)).TrimEnd('=')))
        .Function("raw_url_decode", (vm, a) => Decode(vm, a, s => Convert.FromBase64String(Repad(FromUrl(s)))))
        .Build();

    public static TengoMap Hex() => new ModuleBuilder("hex")
        .Function("encode", (vm, a) => Encode(vm, a, b => Convert.ToHexString(b).ToLowerInvariant()))
        .Function("decode", (vm, a) => Decode(vm, a, Convert.FromHexString))
        .Build();

    private static string ToUrl(string base64) => base64.Replace('+', '-').Replace('/', '_');

    private static string FromUrl(string text) => text.Replace('-', '+').Replace('_', '/');

    private static string Repad(string text) =>
        text.Contains('=', StringComparison.Ordinal) ? text + "!" : text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');

    private static TengoObject Encode(TengoVm vm, ReadOnlySpan<TengoObject> a, Func<byte[], string> encode)
    {
        Arguments.Count(a, 1);
        var bytes = Arguments.Bytes(a, 0);
        vm.CheckSize(bytes.Length * 2L, "encoded text");
        return vm.NewString(encode(bytes));
    }

    private static TengoObject Decode(TengoVm vm, ReadOnlySpan<TengoObject> a, Func<string, byte[]> decode)
    {
        Arguments.Count(a, 1);
        var text = a[0] is TengoBytes b ? System.Text.Encoding.UTF8.GetString(b.Value) : Arguments.String(a, 0);
        try
        {
            return vm.NewBytes(decode(text));
        }
        catch (FormatException ex)
        {
            return new TengoError(new TengoString("illegal input: " + ex.Message));
        }
    }
}
