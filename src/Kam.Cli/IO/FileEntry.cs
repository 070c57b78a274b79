using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Kam.Cli.IO;

/// <summary>What kind of file-system entry a path names.</summary>
internal enum FileEntryKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A symbolic link (not followed).</summary>
    SymbolicLink,

    /// <summary>A character or block device (<c>/dev/null</c>, <c>/dev/full</c>, a disk).</summary>
    Device,

    /// <summary>A named pipe (FIFO) or a socket.</summary>
    PipeOrSocket,
}

/// <summary>
/// The kind and the identity (device and inode) of a file-system entry, as the operating system reports them: what
/// the output checks need to tell a regular file from a device, a pipe or a link, and to recognize one file under two
/// names (a symbolic link, <c>..</c>, a relative and an absolute path, a hard link).
/// </summary>
/// <remarks>
/// On Linux this asks the kernel (<c>statx</c>, whose layout is the same on every architecture). Elsewhere, or when
/// the call is not available, it falls back to what .NET reports: folders and links are still recognized, devices
/// only under <c>/dev/</c>, and the identity is the full path with the final link resolved.
/// </remarks>
/// <param name="Kind">The kind of entry.</param>
/// <param name="Identity">The device and inode (<c>dev:ino</c>), or the resolved full path when the kernel's answer is not available; <see langword="null"/> when missing.</param>
internal readonly record struct FileEntry(FileEntryKind Kind, string? Identity)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int StatxSize = 256;
    private const int SIfMt = 0xF000;

    private static bool _statxMissing;

    /// <summary>Gets whether <see cref="Identity"/> is the kernel's device and inode (so hard links are recognized).</summary>
    public static bool KnowsInodes => OperatingSystem.IsLinux() && !_statxMissing;

    /// <summary>Describes the entry at <paramref name="path"/> (made a full path as .NET's file APIs do) itself (a symbolic link is reported as a link, not followed).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The entry.</returns>
    public static FileEntry Of(string path) => Stat(path, follow: false);

    /// <summary>Describes the entry <paramref name="path"/> leads to, following symbolic links (a dangling link is <see cref="FileEntryKind.Missing"/>).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The entry.</returns>
    public static FileEntry Resolved(string path) => Stat(path, follow: true);

    private static FileEntry Stat(string path, bool follow)
    {
        try
        {
            // .NET opens and writes files by their full path, with "." and ".." removed from the text before the
            // system sees it (so "link/../x" is "./x", not x beside the link's target): ask about that same path.
            path = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new FileEntry(FileEntryKind.Missing, null);
        }

        if (OperatingSystem.IsLinux() && !_statxMissing)
        {
            var buffer = new byte[StatxSize];
            try
            {
                if (NativeMethods.Statx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, StatxType | StatxIno, buffer) == 0)
                {
                    return FromStatx(buffer);
                }

                return new FileEntry(FileEntryKind.Missing, null);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
            {
                _statxMissing = true;
            }
        }

        return Managed(path, follow);
    }

    private static FileEntry FromStatx(byte[] buffer)
    {
        // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode, u16 pad,
        // u64 ino (offset 32), ..., u32 dev_major (offset 136), u32 dev_minor (offset 140).
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        var ino = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
        var devMajor = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136));
        var devMinor = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
        if (!BitConverter.IsLittleEndian)
        {
            mode = BinaryPrimitives.ReverseEndianness(mode);
            ino = BinaryPrimitives.ReverseEndianness(ino);
            devMajor = BinaryPrimitives.ReverseEndianness(devMajor);
            devMinor = BinaryPrimitives.ReverseEndianness(devMinor);
        }

        var kind = (mode & SIfMt) switch
        {
            0x8000 => FileEntryKind.RegularFile,
            0x4000 => FileEntryKind.Folder,
            0xA000 => FileEntryKind.SymbolicLink,
            0x2000 or 0x6000 => FileEntryKind.Device,
            _ => FileEntryKind.PipeOrSocket,
        };
        return new FileEntry(kind, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{devMajor}:{devMinor}:{ino}"));
    }

    private static FileEntry Managed(string path, bool follow)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return new FileEntry(FileEntryKind.Missing, null);
        }

        var info = new FileInfo(full);
        if (info.LinkTarget is not null)
        {
            if (!follow)
            {
                return new FileEntry(FileEntryKind.SymbolicLink, full);
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !target.Exists ? new FileEntry(FileEntryKind.Missing, null) : Managed(target.FullName, follow: false);
        }

        if (Directory.Exists(full))
        {
            return new FileEntry(FileEntryKind.Folder, full);
        }

        if (!info.Exists)
        {
            return new FileEntry(FileEntryKind.Missing, null);
        }

        var device = !OperatingSystem.IsWindows() && full.StartsWith("/dev/", StringComparison.Ordinal);
        return new FileEntry(device ? FileEntryKind.Device : FileEntryKind.RegularFile, OperatingSystem.IsLinux() ? full : full.ToUpperInvariant());
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
