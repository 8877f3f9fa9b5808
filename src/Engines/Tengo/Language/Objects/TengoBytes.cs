using System.Text;

namespace LlmSpell.Engines.Tengo.Language;

public sealed class TengoBytes(byte[] value) : TengoObject
{
    public byte[] Value { get; } = value;

    public override string TypeName => "bytes";

    public override bool IsFalsy => Value.Length == 0;

    internal override bool ValueEquals(TengoObject other, int depth) => other is TengoBytes b && b.Value.AsSpan().SequenceEqual(Value);

    internal override TengoObject Copy(int depth) => new TengoBytes((byte[])Value.Clone());

    public override string ToString() => Encoding.UTF8.GetString(Value);

    public override bool CanIterate => true;

    internal override TengoIterator Iterate() => new ByteIterator(Value);

    private sealed class ByteIterator(byte[] bytes) : TengoIterator
    {
        private int _index = -1;

        public override bool Next() => ++_index < bytes.Length;

        public override TengoObject Key => TengoInt.From(_index);

        public override TengoObject Value => TengoInt.From(bytes[_index]);
    }
}
