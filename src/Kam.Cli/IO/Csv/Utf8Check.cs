using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using Kam.Core;

namespace Kam.Cli.IO.Csv;

/// <summary>
/// Refuses an input file that is not UTF-8 text before it is parsed, naming the encoding it looks like, the line of the
/// first bad byte and how to convert it: read as UTF-8, a Windows-1252 or GB18030 file would otherwise turn every
/// accented or Chinese character into U+FFFD without a word.
/// </summary>
/// <remarks>
/// A UTF-8 byte-order mark is accepted. UTF-16 is recognized by its byte-order mark or, without one, by the zero bytes
/// of its ASCII characters; bytes 0x80–0xFF that do not form UTF-8 are reported as GB18030 when they come in the pairs
/// of that encoding, otherwise as Windows-1252 (Latin-1).
/// </remarks>
internal static class Utf8Check
{
    private const int ChunkSize = 1 << 16;

    /// <summary>Checks that a stream holds UTF-8 text, then rewinds it to its start.</summary>
    /// <param name="stream">The file's stream, at its start; seekable.</param>
    /// <param name="path">The file as the user gave it (named in the message).</param>
    /// <returns>The number of line feeds in the file (at least the number of its rows less one; readers size their columns by it).</returns>
    /// <exception cref="KamValidationException">The bytes are not UTF-8 (path <c>file:line</c>, value the first bad bytes in hex).</exception>
    public static long Verify(Stream stream, string path) => Verify(stream, path, 1).LineFeeds;

    /// <summary>
    /// Checks that a stream holds UTF-8 text, then rewinds it to its start; also finds where the file can be cut into
    /// <paramref name="parts"/> parts of about equal size at line ends, for a reader that parses the parts side by side.
    /// </summary>
    /// <param name="stream">The file's stream, at its start; seekable.</param>
    /// <param name="path">The file as the user gave it (named in the message).</param>
    /// <param name="parts">The number of parts wanted (1: no cut).</param>
    /// <returns>The number of line feeds and the cuts: none when <paramref name="parts"/> is 1, or when the file has a carriage return that does not end a line (a line end its line feeds do not count).</returns>
    /// <exception cref="KamValidationException">The bytes are not UTF-8 (path <c>file:line</c>, value the first bad bytes in hex).</exception>
    public static Utf8Scan Verify(Stream stream, string path, int parts)
    {
        long lineFeeds = 0;
        var fileLength = stream.Length;
        var cuts = new List<LineCut>(Math.Max(parts - 1, 0));
        var bareReturn = false;
        var pendingReturn = false; // the last byte read was a carriage return
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        try
        {
            long offset = 0; // of bytes[0] in the file
            var carried = 0;
            var first = true;
            while (true)
            {
                var read = stream.Read(bytes, carried, ChunkSize);
                var length = carried + read;
                var fresh = bytes.AsSpan(carried, read);
                if (parts > 1)
                {
                    FindCuts(fresh, offset + carried, lineFeeds, fileLength, parts, cuts);
                    bareReturn |= BareReturns(fresh, ref pendingReturn, final: read == 0);
                }

                lineFeeds += fresh.Count((byte)'\n');
                var final = read == 0;
                if (first)
                {
                    first = false;
                    if (Utf16(bytes.AsSpan(0, length)) is { } utf16)
                    {
                        throw Refuse(path, 1, utf16, length >= 2 ? $"0x{bytes[0]:X2} 0x{bytes[1]:X2}" : null);
                    }
                }

                // A chunk of ASCII (most of a CSV file) is UTF-8 as it is; only the others are decoded.
                int consumed;
                var status = OperationStatus.Done;
                if (System.Text.Ascii.IsValid(bytes.AsSpan(0, length)))
                {
                    consumed = length;
                }
                else
                {
                    status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                }

                if (status == OperationStatus.InvalidData)
                {
                    stream.Position = 0;
                    var line = LineOf(stream, offset + consumed);
                    var bad = bytes.AsSpan(consumed, Math.Min(4, length - consumed));
                    throw Refuse(path, line, Guess(bytes.AsSpan(0, length)), string.Join(' ', bad.ToArray().Select(b => $"0x{b:X2}")));
                }

                if (final)
                {
                    break;
                }

                carried = length - consumed; // an incomplete sequence at the end of the chunk (at most 3 bytes)
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
                offset += consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
            stream.Position = 0;
        }

        return new Utf8Scan(lineFeeds, bareReturn ? [] : cuts);
    }

    // The cut after the first line feed at or after each j/parts of the file (j = 1..parts-1), in the chunk of fresh
    // bytes starting at file offset start; lineFeeds is the count before the chunk. A cut is never at the file's end,
    // and never twice at one place.
    private static void FindCuts(ReadOnlySpan<byte> fresh, long start, long lineFeeds, long fileLength, int parts, List<LineCut> cuts)
    {
        while (cuts.Count < parts - 1)
        {
            var target = fileLength * (cuts.Count + 1) / parts;
            var from = Math.Max(target, cuts.Count > 0 ? cuts[^1].Offset : 0) - start;
            if (from >= fresh.Length)
            {
                return;
            }

            from = Math.Max(from, 0);
            var at = fresh[(int)from..].IndexOf((byte)'\n');
            if (at < 0)
            {
                return;
            }

            var end = (int)from + at + 1; // just after the line feed, in the chunk
            if (start + end >= fileLength)
            {
                return;
            }

            cuts.Add(new LineCut(start + end, lineFeeds + fresh[..end].Count((byte)'\n')));
        }
    }

    // Whether a chunk has a carriage return not followed by a line feed (one at the chunk's end is decided by the next).
    private static bool BareReturns(ReadOnlySpan<byte> fresh, ref bool pending, bool final)
    {
        var bare = pending && (fresh.IsEmpty ? final : fresh[0] != (byte)'\n');
        pending = false;
        var at = 0;
        while (fresh[at..].IndexOf((byte)'\r') is var k && k >= 0)
        {
            var i = at + k;
            if (i + 1 < fresh.Length)
            {
                bare |= fresh[i + 1] != (byte)'\n';
            }
            else
            {
                pending = true;
            }

            at = i + 1;
        }

        return bare;
    }

    /// <summary>Checks that the bytes of a whole file are UTF-8 text.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="path">The file (named in the message).</param>
    /// <exception cref="KamValidationException">The bytes are not UTF-8.</exception>
    public static void Verify(byte[] bytes, string path)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        Verify(stream, path);
    }

    /// <summary>The UTF-16 (or UTF-32) name of a file's start, by byte-order mark or zero bytes, or <see langword="null"/>.</summary>
    private static string? Utf16(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return "UTF-32 LE";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return "UTF-32 BE";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "UTF-16 LE";
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16 BE";
        }

        // Without a mark: ASCII characters in UTF-16 have a zero byte, after them (LE) or before them (BE).
        var sample = start[..(Math.Min(start.Length, 512) & ~1)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenZeros++;
                }
                else
                {
                    oddZeros++;
                }
            }
        }

        var pairs = sample.Length / 2;
        return pairs == 0 ? null
            : oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs ? "UTF-16 LE"
            : evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs ? "UTF-16 BE"
            : null;
    }

    /// <summary>
    /// The legacy encoding invalid UTF-8 most likely is: GB18030 when most high bytes pair up as its double-byte
    /// Chinese characters (both bytes 0xA1–0xFE), otherwise Windows-1252, whose accented letters stand alone.
    /// </summary>
    private static string Guess(ReadOnlySpan<byte> bytes)
    {
        int pairs = 0, singles = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x80)
            {
                continue;
            }

            if (bytes[i] >= 0xA1 && i + 1 < bytes.Length && bytes[i + 1] >= 0xA1)
            {
                pairs++;
                i++;
            }
            else
            {
                singles++;
            }
        }

        return pairs > 0 && pairs >= 2 * singles ? "GB18030" : "WINDOWS-1252";
    }

    private static int LineOf(Stream stream, long position)
    {
        var line = 1;
        var buffer = new byte[ChunkSize];
        long at = 0;
        while (at < position)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, position - at));
            if (read == 0)
            {
                break;
            }

            line += buffer.AsSpan(0, read).Count((byte)'\n');
            at += read;
        }

        return line;
    }

    private static KamValidationException Refuse(string path, int line, string encoding, string? bytes)
    {
        var name = encoding switch
        {
            "WINDOWS-1252" => "Windows-1252 (Latin-1)",
            "GB18030" => "GB18030 (GBK)",
            _ => encoding,
        };
        var from = encoding.Replace(" ", string.Empty, StringComparison.Ordinal);
        var fileName = Path.GetFileName(path);
        var where = encoding.StartsWith("UTF-", StringComparison.Ordinal) ? "its byte-order mark or zero bytes" : $"line {line.ToString(CultureInfo.InvariantCulture)} has bytes that are not UTF-8";
        return new KamValidationException(
            string.Create(CultureInfo.InvariantCulture, $"{path}:{line}"),
            KamErrorCodes.InvalidFormat,
            bytes,
            $"the file is not UTF-8 text: it looks like {name} ({where}). kam reads UTF-8 only (a byte-order mark is fine); convert it, e.g. iconv -f {from} -t UTF-8 {fileName} > utf8-{fileName}, or save it from the spreadsheet as \"CSV UTF-8\".");
    }
}

/// <summary>What <see cref="Utf8Check"/> found besides the text being UTF-8: the line feeds and where the file can be cut.</summary>
/// <param name="LineFeeds">The number of line feeds in the file.</param>
/// <param name="Cuts">The places, in file order, just after a line feed, where the file can be cut into parts; empty when it cannot.</param>
internal sealed record Utf8Scan(long LineFeeds, IReadOnlyList<LineCut> Cuts);

/// <summary>A place to cut a file: just after a line feed.</summary>
/// <param name="Offset">The byte offset of the first byte after the line feed.</param>
/// <param name="LineFeeds">The number of line feeds before the offset (the line there is this plus one).</param>
internal readonly record struct LineCut(long Offset, long LineFeeds);
