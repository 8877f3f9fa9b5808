using System.Text;

namespace LlmSpell.Values;

/// <summary>
/// About how many bytes a value takes as JSON, counted without building the JSON and without
/// recursion, and given up as soon as it passes a cap: enough to refuse a value that is too big
/// before anything allocates it all.
/// </summary>
public static class SpellValueSize
{
    /// <summary>Whether <paramref name="value"/> takes more than <paramref name="limit"/> bytes as JSON.</summary>
    public static bool Exceeds(SpellValue value, long limit) => AtMost(value, limit + 1) > limit;

    /// <returns>The size, or some number above <paramref name="cap"/> once it is clear the size is.</returns>
    public static long AtMost(SpellValue value, long cap)
    {
        ArgumentNullException.ThrowIfNull(value);
        long size = 0;
        var pending = new Stack<SpellValue>();
        pending.Push(value);
        while (pending.TryPop(out var current))
        {
            switch (current)
            {
                case SpellString s:
                    size += Encoding.UTF8.GetByteCount(s.Value) + 2;
                    break;
                case SpellBytes b:
                    size += (b.Value.Length + 2) / 3 * 4 + 2;
                    break;
                case SpellList list:
                    size += 2 + list.Count;
                    foreach (var item in list)
                    {
                        pending.Push(item);
                    }
                    break;
                case SpellMap map:
                    size += 2 + map.Count;
                    foreach (var (key, item) in map)
                    {
                        size += Encoding.UTF8.GetByteCount(key) + 3;
                        pending.Push(item);
                    }
                    break;
                default:
                    size += 8;
                    break;
            }
            if (size > cap)
            {
                return size;
            }
        }
        return size;
    }
}
