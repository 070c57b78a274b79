using System.Xml;
using CsvHelper;
using Kam.Cli.Data;
using Kam.Cli.IO.Excel;
using Kam.Cli.Terminal;
using Kam.Core;

namespace Kam.Cli.IO.Csv;

/// <summary>Reads a CSV input file against a <see cref="CsvSchema"/>: header row required, typed cells, one error model.</summary>
/// <remarks>
/// <para>
/// Parsing is CsvHelper's (RFC 4180 quoting, <c>#</c> comment lines, blank lines skipped, values trimmed). Every
/// problem — a missing or unreadable file, a file that is not text, a missing or duplicated column, a malformed
/// quote, an empty or invalid cell — becomes a <see cref="KamValidationError"/> whose path is
/// <c>file:line:column</c> (1-based; <c>file:line</c> when no column applies, <c>file</c> for the whole file), and
/// one <see cref="KamValidationException"/> carries them all after the read. Reading stops after
/// <see cref="MaxErrors"/> problems.
/// </para>
/// <para>The reader returns the records only when the whole file is valid: a caller never sees a partial file.</para>
/// <para>
/// A path naming a workbook (<c>file.xlsx</c> for its first sheet, <c>file.xlsx#Sheet</c> for another; see
/// <see cref="WorkbookPath"/>) is read from that worksheet instead, streamed by <see cref="SheetReader"/>, into the same
/// header resolution, the same <see cref="CsvRow"/> getters and the same visitors: every check is the CSV file's, and
/// problems are located <c>file.xlsx!Sheet:row:D</c> (Excel's row number and column letter).
/// </para>
/// </remarks>
internal static class CsvFile
{
    /// <summary>The number of problems after which reading stops.</summary>
    public const int MaxErrors = 20;

    /// <summary>Reads and maps every data row of a file.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="path">The file path, shown in error messages as given.</param>
    /// <param name="schema">The expected columns.</param>
    /// <param name="map">Maps a row to a record, reading cells through the row's typed getters.</param>
    /// <param name="progress">Receives progress (bytes read), or <see langword="null"/>.</param>
    /// <returns>The records, in file order; at least one.</returns>
    /// <param name="lines">Receives the number of line feeds of the file before the first row (see <see cref="Visit(string, CsvSchema, Action{CsvRow}, IProgress{ProgressUpdate}?, Action{long}?)"/>), or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The file is missing, unreadable or invalid.</exception>
    public static IReadOnlyList<T> Read<T>(string path, CsvSchema schema, Func<CsvRow, T> map, IProgress<ProgressUpdate>? progress = null, Action<long>? lines = null)
    {
        var records = new List<T>();
        Visit(path, schema, row => records.Add(map(row)), progress, count =>
        {
            records.EnsureCapacity((int)Math.Min(count + 1, Array.MaxLength / 2)); // the rows are at most the lines
            lines?.Invoke(count);
        });
        return records;
    }

    /// <summary>Reads every data row of a file, handing each to <paramref name="visit"/> (which keeps what it needs, e.g. in columns).</summary>
    /// <param name="path">The file path, shown in error messages as given.</param>
    /// <param name="schema">The expected columns.</param>
    /// <param name="visit">Reads a row's cells through its typed getters. What it keeps of a row with a problem is never used: the read throws.</param>
    /// <param name="progress">Receives progress (bytes read), or <see langword="null"/>.</param>
    /// <param name="lines">Receives the number of line feeds of the file (at least its rows less one) before the first row, to size what the visitor keeps; or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The file is missing, unreadable or invalid.</exception>
    public static void Visit(string path, CsvSchema schema, Action<CsvRow> visit, IProgress<ProgressUpdate>? progress = null, Action<long>? lines = null)
    {
        if (WorkbookPath.TrySplit(path, out var workbook, out var sheet))
        {
            VisitSheet(workbook, sheet, schema, visit, progress, lines);
            return;
        }

        if (Directory.Exists(path))
        {
            throw new KamValidationException(path, KamErrorCodes.InvalidFormat, path, $"is a folder, not a {schema.FileName} file.");
        }

        if (!File.Exists(path))
        {
            throw new KamValidationException(path, KamErrorCodes.Unknown, path, $"file not found (expected {schema.FileName}: {schema.Description.TrimEnd('.')}).");
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KamValidationException(path, KamErrorCodes.InvalidState, path, $"cannot be read: {ex.Message}");
        }

        using (stream)
        {
            var lineFeeds = Utf8Check.Verify(stream, path);
            lines?.Invoke(lineFeeds);
            var length = stream.Length;
            var activity = "reading " + Path.GetFileName(path);

            // The parser reads the file's UTF-8 bytes itself (checked above; a byte-order mark is skipped): no UTF-16 copy of the text.
            using var reader = CsvReader.Create(stream, Options(), leaveOpen: true);
            Visit(reader, path, schema, visit, progress is null ? null : () => progress.Report(new ProgressUpdate(activity, stream.Position, length)));
        }
    }

    /// <summary>Reads and maps every data row of CSV text.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="text">The CSV text.</param>
    /// <param name="displayName">The name shown in error paths (the file name as the user gave it).</param>
    /// <param name="schema">The expected columns.</param>
    /// <param name="map">Maps a row to a record.</param>
    /// <param name="tick">Called every few thousand rows to report progress, or <see langword="null"/>.</param>
    /// <returns>The records, in file order; at least one.</returns>
    /// <exception cref="KamValidationException">The text is invalid.</exception>
    public static IReadOnlyList<T> Read<T>(TextReader text, string displayName, CsvSchema schema, Func<CsvRow, T> map, Action? tick = null)
    {
        var records = new List<T>();
        Visit(text, displayName, schema, row => records.Add(map(row)), tick);
        return records;
    }

    /// <summary>Reads every data row of CSV text, handing each to <paramref name="visit"/>.</summary>
    /// <param name="text">The CSV text.</param>
    /// <param name="displayName">The name shown in error paths (the file name as the user gave it).</param>
    /// <param name="schema">The expected columns.</param>
    /// <param name="visit">Reads a row's cells. What it keeps of a row with a problem is never used: the read throws.</param>
    /// <param name="tick">Called every few thousand rows to report progress, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The text is invalid.</exception>
    public static void Visit(TextReader text, string displayName, CsvSchema schema, Action<CsvRow> visit, Action? tick = null)
    {
        using var reader = CsvReader.Create(text, Options(), leaveOpen: true);
        Visit(reader, displayName, schema, visit, tick);
    }

    // A worksheet's rows, as Visit reads a CSV file's: the first row with a value that does not start with '#' is the
    // header, rows without any value and '#' rows are skipped, every row goes to the visitor through one CsvRow view.
    private static void VisitSheet(string path, string? sheetName, CsvSchema schema, Action<CsvRow> visit, IProgress<ProgressUpdate>? progress, Action<long>? lines)
    {
        using var sheet = SheetReader.Open(path, sheetName, $"the columns of {schema.FileName}");
        var displayName = sheet.DisplayName;
        var errors = new InputErrors();
        try
        {
            var found = false;
            while (sheet.Next())
            {
                if (!IsComment(sheet))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                errors.Add(displayName, KamErrorCodes.Empty, null,
                    $"the sheet is empty: it needs a header row ({string.Join(",", schema.Columns.Select(c => c.Name))}) and data rows.");
                errors.ThrowIfAny();
            }

            var headerRow = sheet.Row;
            var names = new string[sheet.FieldCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = sheet[i].Raw();
            }

            var header = Header.Resolve(displayName, headerRow, names, schema, errors);
            if (errors.Errors.Count > 0)
            {
                sheet.SkipToEnd(); // merged header cells explain missing columns: report them with the rest
                AddMerges(sheet, displayName, errors);
                errors.ThrowIfAny();
            }

            var last = Math.Min(sheet.LastRow, 1 << 20);
            lines?.Invoke(Math.Max(0, last - headerRow));
            var activity = "reading " + Path.GetFileName(path);
            var rows = 0;
            var row = new CsvRow(header, sheet, errors);
            while (sheet.Next())
            {
                if (IsComment(sheet))
                {
                    continue;
                }

                rows++;
                row.MoveTo(sheet.Row);
                visit(row);
                if (errors.Errors.Count >= MaxErrors)
                {
                    errors.Add($"{displayName}:{sheet.Row}", KamErrorCodes.InvalidFormat, null, $"reading stopped after {MaxErrors} problems; fix these and run again.");
                    break;
                }

                if (progress is not null && rows % 4096 == 0)
                {
                    progress.Report(new ProgressUpdate(activity, Math.Min(sheet.Row, last), Math.Max(last, sheet.Row)));
                }
            }

            if (rows == 0)
            {
                errors.Add($"{displayName}:{headerRow}", KamErrorCodes.Empty, null, "the sheet has a header but no data rows.");
            }

            AddMerges(sheet, displayName, errors);
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException)
        {
            errors.Add(displayName, KamErrorCodes.InvalidFormat, null, $"the worksheet cannot be read ({ex.Message.TrimEnd('.')}); save the workbook again from Excel.");
        }

        errors.ThrowIfAny();
        progress?.Report(new ProgressUpdate("reading " + Path.GetFileName(path), 1, 1));
    }

    // A worksheet row that is a comment: its first cell with a value is text starting with '#' (a CSV comment line saved as a workbook).
    private static bool IsComment(SheetReader sheet)
    {
        for (var i = 0; i < sheet.FieldCount; i++)
        {
            if (sheet[i].Kind != SheetCellKind.Empty)
            {
                return sheet[i].Kind == SheetCellKind.Text && sheet[i].Text!.TrimStart().StartsWith('#');
            }
        }

        return false;
    }

    // Merged cells: a table has one value per cell, so each merged range is a problem at its first cell.
    private static void AddMerges(SheetReader sheet, string displayName, InputErrors errors)
    {
        foreach (var range in sheet.MergedRanges)
        {
            var first = range.Split(':')[0];
            var row = SheetReader.RowNumber(first);
            var column = SheetReader.ColumnIndex(first);
            var where = row > 0 && column >= 0 ? CellLocation.Of(displayName, row, column + 1) : displayName;
            errors.Add(where, KamErrorCodes.InvalidFormat, range,
                $"the cells {range} are merged; a table needs one value in each cell (one header per column): unmerge them (Home > Merge & Center > Unmerge Cells) and fill each cell.");
        }
    }

    // The parser's options: RFC 4180 quoting, # comments, blank lines skipped, values trimmed, line numbers kept; a
    // text cell seen before in its column (a currency, a stage, a salesperson) comes back as the same string.
    private static CsvReaderOptions Options() => new()
    {
        HasHeader = true,
        CommentPrefix = '#',
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        PoolStrings = true,
    };

    // Every row goes to the visitor, valid or not: a row with a problem is recorded in the errors, and the read throws
    // at the end when there is any, so nothing the visitor kept of it is ever used.
    // lineOffset: added to the parser's line numbers (a part read after the header lines of its file); returns the
    // resolved header (its column totals).
    private static Header? Visit(CsvReader reader, string displayName, CsvSchema schema, Action<CsvRow> visit, Action? tick, long lineOffset = 0)
    {
        var errors = new InputErrors();
        Header? header = null;
        try
        {
            reader.ReadHeader();
            if (reader.Headers.Count == 0)
            {
                errors.Add(displayName, KamErrorCodes.Empty, null,
                    $"the file is empty: it needs a header row ({string.Join(",", schema.Columns.Select(c => c.Name))}) and data rows.");
                errors.ThrowIfAny();
            }

            var headerLine = checked((int)reader.LineNumber);
            header = Header.Resolve(displayName, headerLine, reader.Headers, schema, errors);
            errors.ThrowIfAny();
            var rows = 0;
            var row = new CsvRow(header, reader, errors); // one view, moved from row to row: the cells are read from the parser's buffer
            while (reader.Read())
            {
                rows++;
                var binary = false;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    binary |= reader.GetSpan(i).Contains((byte)0);
                }

                var line = checked((int)(reader.LineNumber + lineOffset));
                if (binary)
                {
                    errors.Add($"{displayName}:{line}", KamErrorCodes.InvalidFormat, null, $"does not look like a CSV text file (it holds binary data); expected {schema.FileName}.");
                    break;
                }

                row.MoveTo(line);
                visit(row);

                if (errors.Errors.Count >= MaxErrors)
                {
                    errors.Add($"{displayName}:{line}", KamErrorCodes.InvalidFormat, null, $"reading stopped after {MaxErrors} problems; fix these and run again.");
                    break;
                }

                if (tick is not null && rows % 4096 == 0)
                {
                    tick();
                }
            }

            if (rows == 0)
            {
                errors.Add($"{displayName}:{headerLine}", KamErrorCodes.Empty, null, "the file has a header but no data rows.");
            }
        }
        catch (CsvFormatException ex)
        {
            var where = ex.LineNumber > 0 ? $"{displayName}:{ex.LineNumber}" : displayName;
            errors.Add(where, KamErrorCodes.InvalidFormat, null, "malformed CSV (a quote that is not closed or is followed by text); quote fields containing commas or quotes as \"a, b\" and double inner quotes.");
        }

        errors.ThrowIfAny();
        tick?.Invoke();
        return header;
    }

    /// <summary>The smallest file read in parts side by side (a smaller one takes a fraction of a second in one pass).</summary>
    public const long PartsFrom = 8 << 20;

    /// <summary>
    /// Reads every data row of a file into a state, as <see cref="Visit(string, CsvSchema, Action{CsvRow}, IProgress{ProgressUpdate}?, Action{long}?)"/>
    /// does; a large CSV file on a machine with more than one core is read in parts side by side, each into a state of its own, and the parts are joined.
    /// </summary>
    /// <typeparam name="TState">What the visitor keeps of the rows (e.g. columns).</typeparam>
    /// <param name="path">The file path, shown in error messages as given.</param>
    /// <param name="schema">The expected columns.</param>
    /// <param name="start">Makes an empty state with room for the given number of rows.</param>
    /// <param name="visit">Reads a row's cells into a state. What it keeps of a row with a problem is never used: the read throws.</param>
    /// <param name="join">Joins the states of the parts, in file order, into the first; returns <see langword="false"/> when the parts together break a rule that spans rows (an identifier in two parts, two currencies).</param>
    /// <param name="progress">Receives progress (bytes read), or <see langword="null"/>.</param>
    /// <param name="parts">The number of parts; 0 for the number of processors, at most 4.</param>
    /// <param name="partsFrom">The smallest file, in bytes, read in parts.</param>
    /// <returns>The state of the rows, and the number of parts it was read in (1 for one pass).</returns>
    /// <remarks>
    /// The parts are cut after line feeds (none when a carriage return does not end a line). Each part after the first
    /// is parsed as the file's header lines followed by its own lines, and its rows keep their line numbers in the file.
    /// When any part has a problem (a quoted field cut in two ends its part in an unclosed quote), the parts' amount
    /// totals together pass their bound, or <paramref name="join"/> refuses, the file is read again in one pass: the
    /// problems reported, their order and their cap are always those of one pass.
    /// </remarks>
    /// <exception cref="KamValidationException">The file is missing, unreadable or invalid.</exception>
    public static (TState State, int Parts) Visit<TState>(
        string path, CsvSchema schema, Func<long, TState> start, Action<CsvRow, TState> visit, Func<TState[], bool> join,
        IProgress<ProgressUpdate>? progress = null, int parts = 0, long partsFrom = PartsFrom)
        where TState : class
    {
        parts = parts > 0 ? parts : Math.Min(Environment.ProcessorCount, 4);
        if (parts > 1 && !WorkbookPath.TrySplit(path, out _, out _) && File.Exists(path) && new FileInfo(path).Length >= partsFrom
            && InParts(path, schema, parts, start, visit, join, progress) is { } read)
        {
            return read;
        }

        TState? state = null;
        Visit(path, schema, row => visit(row, state ??= start(0)), progress, lines => state = start(lines));
        return (state ?? start(0), 1);
    }

    // The read in parts, or null when the file is to be read in one pass (which reports whatever stopped this one).
    private static (TState, int)? InParts<TState>(
        string path, CsvSchema schema, int parts, Func<long, TState> start, Action<CsvRow, TState> visit, Func<TState[], bool> join, IProgress<ProgressUpdate>? progress)
        where TState : class
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        using (stream)
        {
            var scan = Utf8Check.Verify(stream, path, parts); // not UTF-8: thrown as by the one pass
            if (scan.Cuts.Count == 0 || HeaderLines(stream, scan.Cuts[0].Offset) is not { } header)
            {
                return null;
            }

            var handle = stream.SafeFileHandle;
            var bounds = new List<LineCut>(scan.Cuts.Count + 2) { new(0, 0) };
            bounds.AddRange(scan.Cuts);
            bounds.Add(new LineCut(stream.Length, scan.LineFeeds));
            var count = bounds.Count - 1;
            var states = new TState[count];
            var headers = new Header?[count];
            var streams = new FilePart[count];
            var failed = 0;
            var activity = "reading " + Path.GetFileName(path);
            var length = stream.Length;
            void Tick()
            {
                long read = 0;
                foreach (var part in streams)
                {
                    read += part?.Position ?? 0;
                }

                progress!.Report(new ProgressUpdate(activity, Math.Min(read, length), length));
            }

            Parallel.For(0, count, k =>
            {
                try
                {
                    var first = k == 0;
                    var part = streams[k] = new FilePart(handle, first ? [] : header.Bytes, bounds[k].Offset, bounds[k + 1].Offset);
                    var state = states[k] = start(first ? scan.LineFeeds : bounds[k + 1].LineFeeds - bounds[k].LineFeeds);
                    using var reader = CsvReader.Create(part, Options(), leaveOpen: true);
                    headers[k] = Visit(reader, path, schema, row => visit(row, state), first && progress is not null ? Tick : null,
                        first ? 0 : bounds[k].LineFeeds - header.Lines);
                }
#pragma warning disable CA1031 // any failure of a part: the one pass reads the file again and reports it
                catch (Exception)
#pragma warning restore CA1031
                {
                    Interlocked.Exchange(ref failed, 1);
                }
            });
            if (failed != 0)
            {
                return null;
            }

            for (var k = 1; k < count; k++)
            {
                if (!headers[0]!.Totals.TryMerge(headers[k]!.Totals))
                {
                    return null;
                }
            }

            return join(states) ? (states[0], count) : null;
        }
    }

    // The bytes of the file up to and including its header row's line feed and their number of line feeds, or null
    // when the header does not end before the first cut (or cannot be read: the one pass reports it).
    private static (byte[] Bytes, long Lines)? HeaderLines(FileStream stream, long firstCut)
    {
        long line;
        try
        {
            using var reader = CsvReader.Create(stream, Options(), leaveOpen: true);
            reader.ReadHeader();
            if (reader.Headers.Count == 0)
            {
                return null;
            }

            line = reader.LineNumber;
        }
        catch (CsvFormatException)
        {
            return null;
        }
        finally
        {
            stream.Position = 0;
        }

        var buffer = new byte[1 << 16];
        long at = 0, lines = 0;
        while (at < firstCut)
        {
            var read = RandomAccess.Read(stream.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, firstCut - at)), at);
            if (read == 0)
            {
                return null;
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n' && ++lines == line)
                {
                    var end = at + i + 1;
                    var bytes = new byte[end];
                    RandomAccess.Read(stream.SafeFileHandle, bytes, 0);
                    return end < firstCut ? (bytes, lines) : null;
                }
            }

            at += read;
        }

        return null;
    }

    /// <summary>The resolved header of a file: where each schema column is.</summary>
    internal sealed class Header
    {
        private readonly Dictionary<CsvColumn, int> _indexes;

        private Header(string displayName, Dictionary<CsvColumn, int> indexes)
        {
            DisplayName = displayName;
            _indexes = indexes;
        }

        /// <summary>Gets the file's display name.</summary>
        public string DisplayName { get; }

        /// <summary>Gets the running totals of the file's amount columns.</summary>
        public ColumnTotals Totals { get; } = new();

        /// <summary>Gets the 0-based index of a column, or <see langword="null"/> when the file does not have it.</summary>
        public int? IndexOf(CsvColumn column) => _indexes.TryGetValue(column, out var index) ? index : null;

        internal static Header Resolve(string displayName, int headerLine, IReadOnlyList<string> names, CsvSchema schema, InputErrors errors)
        {
            var trimmed = names.Select(n => n.Trim()).ToArray();
            for (var i = 0; i < trimmed.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(trimmed[i], trimmed[j], StringComparison.OrdinalIgnoreCase) && trimmed[i].Length > 0)
                    {
                        errors.Add(CellLocation.Of(displayName, headerLine, i + 1), KamErrorCodes.Duplicate, trimmed[i], $"column '{trimmed[i]}' appears twice in the header (also column {CellLocation.Column(displayName, j + 1)}).");
                    }
                }
            }

            var indexes = new Dictionary<CsvColumn, int>();
            foreach (var column in schema.Columns)
            {
                var index = Array.FindIndex(trimmed, n => string.Equals(n, column.Name, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    indexes[column] = index;
                }
                else if (column.Required)
                {
                    errors.Add($"{displayName}:{headerLine}", KamErrorCodes.Required, column.Name,
                        $"the header has no column '{column.Name}' ({column.Description}); a {schema.FileName} file needs the columns {string.Join(", ", schema.Columns.Where(c => c.Required).Select(c => c.Name))}; found: {string.Join(", ", trimmed)}.");
                }
            }

            return new Header(displayName, indexes);
        }
    }
}
