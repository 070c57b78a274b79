using Microsoft.Win32.SafeHandles;

namespace Kam.Cli.IO.Csv;

/// <summary>
/// One part of a file read side by side with the others (<see cref="CsvFile"/>): the file's header lines, then the
/// bytes of its part of the file, read at their offsets so that the parts share one handle.
/// </summary>
internal sealed class FilePart : Stream
{
    private readonly SafeFileHandle _file;
    private readonly byte[] _header;
    private readonly long _end;
    private long _at; // the next byte of the part in the file
    private long _read;

    /// <summary>Creates a part.</summary>
    /// <param name="file">The file, open for reading (shared by the parts; never moved).</param>
    /// <param name="header">The bytes read before the part: the file's header lines, or none for the first part.</param>
    /// <param name="start">The offset of the part's first byte in the file.</param>
    /// <param name="end">The offset just after its last byte.</param>
    public FilePart(SafeFileHandle file, byte[] header, long start, long end)
    {
        _file = file;
        _header = header;
        _at = start;
        _end = end;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>Gets the number of bytes read so far (header lines included); safe to read from another thread.</summary>
    public override long Position
    {
        get => Volatile.Read(ref _read);
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = 0;
        if (_read < _header.Length)
        {
            read = Math.Min(buffer.Length, _header.Length - (int)_read);
            _header.AsSpan((int)_read, read).CopyTo(buffer);
        }
        else if (_at < _end)
        {
            read = RandomAccess.Read(_file, buffer[..(int)Math.Min(buffer.Length, _end - _at)], _at);
            _at += read;
        }

        Volatile.Write(ref _read, _read + read);
        return read;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
