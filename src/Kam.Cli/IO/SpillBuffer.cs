using System.Globalization;
using System.Text;

namespace Kam.Cli.IO;

/// <summary>
/// The buffer standard output is written to until the command has succeeded: text stays in memory up to a limit,
/// then spills to a temporary file, so a run writing a million rows holds neither the rows nor the text in memory.
/// </summary>
/// <remarks>
/// Nothing reaches the real standard output before <see cref="CopyTo"/>: an error in the middle of a run leaves
/// standard output empty, as before. The temporary file is deleted on dispose (and by the system on close).
/// </remarks>
internal sealed class SpillBuffer : TextWriter
{
    /// <summary>The number of characters kept in memory before spilling to a temporary file.</summary>
    public const int DefaultMemoryLimit = 4 << 20;

    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly StringBuilder _memory = new();
    private readonly int _memoryLimit;
    private FileStream? _file;
    private StreamWriter? _spill;
    private bool _cannotSpill;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="newLine">The line end of the writer the buffer is copied to.</param>
    /// <param name="memoryLimit">The characters kept in memory before spilling.</param>
    public SpillBuffer(string newLine, int memoryLimit = DefaultMemoryLimit)
        : base(CultureInfo.InvariantCulture)
    {
        NewLine = newLine;
        _memoryLimit = memoryLimit;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => Utf8;

    /// <summary>Gets a value indicating whether the text has spilled to a temporary file.</summary>
    public bool Spilled => _spill is not null;

    /// <inheritdoc/>
    public override void Write(char value)
    {
        if (_spill is not null)
        {
            _spill.Write(value);
            return;
        }

        _memory.Append(value);
        SpillIfFull();
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_spill is not null)
        {
            _spill.Write(buffer);
            return;
        }

        _memory.Append(buffer);
        SpillIfFull();
    }

    /// <inheritdoc/>
    public override void Write(string? value) => Write(value.AsSpan());

    /// <summary>Writes everything buffered to <paramref name="output"/>, in chunks, and flushes it.</summary>
    /// <param name="output">The real standard output.</param>
    public void CopyTo(TextWriter output)
    {
        if (_spill is null)
        {
            foreach (var chunk in _memory.GetChunks())
            {
                output.Write(chunk.Span);
            }
        }
        else
        {
            _spill.Flush();
            _file!.Position = 0;
            using var reader = new StreamReader(_file, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
            var chars = new char[1 << 16];
            int read;
            while ((read = reader.Read(chars, 0, chars.Length)) > 0)
            {
                output.Write(chars, 0, read);
            }
        }

        output.Flush();
    }

    /// <summary>Gets the buffered text (small outputs and tests; a spilled buffer is read back from its file).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (_spill is null)
        {
            return _memory.ToString();
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        CopyTo(text);
        return text.ToString();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _spill?.Dispose();
            _file?.Dispose();
            _spill = null;
            _file = null;
        }

        base.Dispose(disposing);
    }

    private void SpillIfFull()
    {
        if (_memory.Length < _memoryLimit || _cannotSpill)
        {
            return;
        }

        var path = Path.Combine(Path.GetTempPath(), "kam-stdout-" + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _cannotSpill = true; // no writable temporary folder: keep buffering in memory, as before
            return;
        }

        _spill = new StreamWriter(_file, Utf8, 1 << 16, leaveOpen: true);
        foreach (var chunk in _memory.GetChunks())
        {
            _spill.Write(chunk.Span);
        }

        _memory.Clear();
        _memory.Capacity = 0;
    }
}
