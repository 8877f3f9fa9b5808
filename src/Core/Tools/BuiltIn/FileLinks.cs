using System.Runtime.InteropServices;

namespace LlmSpell.Tools.BuiltIn;

/// <summary>
/// How many names a file has. A hard link inside the workspace to a file outside it is a second
/// name of that outside file, which no path check can see; .NET has no API for the link count, so
/// it is read with Linux's statx(2), whose layout is the same on every architecture.
/// </summary>
internal static partial class FileLinks
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxNlink = 0x4;

    /// <summary>The file's link count, or null where it cannot be read (not Linux, or no statx).</summary>
    public static uint? Count(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var buffer = new StatxBuffer();
        try
        {
            return Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxNlink, ref buffer) == 0 && (buffer.Mask & StatxNlink) != 0 ? buffer.LinkCount : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    // struct statx: __u32 stx_mask; __u32 stx_blksize; __u64 stx_attributes; __u32 stx_nlink; … 256 bytes in all.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(16)]
        public uint LinkCount;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in Core for this one call.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int directory, string path, int flags, uint mask, ref StatxBuffer buffer);
#pragma warning restore SYSLIB1054
}
