using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Kam.Cli.Data;
using Kam.Core;

namespace Kam.Cli.IO.Excel;

/// <summary>Reads the rows of one worksheet of an .xlsx workbook, streamed: one row's cells in memory at a time.</summary>
/// <remarks>
/// <para>
/// The package is opened with the Open XML SDK (DocumentFormat.OpenXml), read-only; the worksheet's XML is read
/// with an <see cref="XmlReader"/> straight from the package's compressed part, so memory stays bounded by the widest
/// row, the shared strings table (the workbook's distinct texts) and the styles, whatever the number of rows.
/// </para>
/// <para>
/// Each cell keeps what the file stores: text (shared, inline or a formula's string result), a number (flagged as a
/// date when its number format shows a date), TRUE/FALSE, an error value (<c>#N/A</c>), or a formula whose value the
/// file does not hold. A formula's saved value is read as the value; kam never evaluates a formula.
/// </para>
/// </remarks>
internal sealed class SheetReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly Stream _stream;
    private readonly XmlReader _xml;
    private readonly string[] _sharedStrings;
    private readonly bool[] _dateStyles;
    private readonly List<SheetCell> _cells = [];
    private readonly List<string> _merges = [];
    private bool _inData;
    private bool _done;

    private SheetReader(string path, string sheet, SpreadsheetDocument document, WorksheetPart part, string[] sharedStrings, bool[] dateStyles, bool date1904)
    {
        Path = path;
        SheetName = sheet;
        DisplayName = CellLocation.SheetName(path, sheet);
        _document = document;
        _sharedStrings = sharedStrings;
        _dateStyles = dateStyles;
        Date1904 = date1904;
        _stream = part.GetStream(FileMode.Open, FileAccess.Read);
        _xml = XmlReader.Create(_stream, Settings);
    }

    /// <summary>Gets the workbook's path as the user gave it.</summary>
    public string Path { get; }

    /// <summary>Gets the worksheet's name.</summary>
    public string SheetName { get; }

    /// <summary>Gets the name error locations show, <c>file.xlsx!Sheet</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets a value indicating whether the workbook counts serial dates from 1904-01-01.</summary>
    public bool Date1904 { get; }

    /// <summary>Gets the last row the sheet declares it uses (its <c>dimension</c>), or 0 when it does not say (known once the first row is read).</summary>
    public int LastRow { get; private set; }

    /// <summary>Gets the 1-based row number of the current row.</summary>
    public int Row { get; private set; }

    /// <summary>Gets the number of cells of the current row (its last non-empty column).</summary>
    public int FieldCount => _cells.Count;

    /// <summary>Gets the merged ranges of the sheet (<c>A1:B1</c>); complete once <see cref="Next"/> has returned <see langword="false"/> or <see cref="SkipToEnd"/> was called.</summary>
    public IReadOnlyList<string> MergedRanges => _merges;

    private static XmlReaderSettings Settings => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = false };

    /// <summary>Gets a cell of the current row.</summary>
    /// <param name="index">The 0-based column.</param>
    /// <returns>The cell; an empty cell past the row's last one.</returns>
    public SheetCell this[int index] => index < _cells.Count ? _cells[index] : default;

    /// <summary>Opens a worksheet of a workbook.</summary>
    /// <param name="path">The workbook's path as the user gave it.</param>
    /// <param name="sheet">The worksheet's name, or <see langword="null"/> for the first sheet.</param>
    /// <param name="expected">What the table is (for messages), e.g. <c>accounts.csv's table</c>.</param>
    /// <returns>The reader, before the first row.</returns>
    /// <exception cref="KamValidationException">The file is missing or not a workbook, or has no such worksheet.</exception>
    public static SheetReader Open(string path, string? sheet, string expected)
    {
        if (Directory.Exists(path))
        {
            throw new KamValidationException(path, KamErrorCodes.InvalidFormat, path, $"is a folder, not a workbook with {expected}.");
        }

        if (!File.Exists(path))
        {
            throw new KamValidationException(path, KamErrorCodes.Unknown, path, $"file not found (expected a workbook with {expected}).");
        }

        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false, new OpenSettings { AutoSave = false });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException or NotSupportedException or ArgumentException)
        {
            throw new KamValidationException(path, KamErrorCodes.InvalidFormat, path, NotAWorkbook(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KamValidationException(path, KamErrorCodes.InvalidState, path, $"cannot be read: {ex.Message}");
        }

        try
        {
            return Open(path, sheet, document);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or KeyNotFoundException or ArgumentException)
        {
            document.Dispose();
            throw new KamValidationException(path, KamErrorCodes.InvalidFormat, path, $"is not a readable Excel workbook: {ex.Message.TrimEnd('.')}.");
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next row that has a value in any cell (rows that are entirely empty are skipped, like blank CSV lines).</summary>
    /// <returns><see langword="false"/> at the end of the sheet's data.</returns>
    /// <exception cref="XmlException">The sheet's XML is malformed.</exception>
    public bool Next()
    {
        while (!_done)
        {
            if (!ReadRow())
            {
                SkipToEnd();
                return false;
            }

            foreach (var cell in _cells)
            {
                if (cell.Kind != SheetCellKind.Empty)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Reads the rest of the sheet's XML for what follows the data (the merged ranges).</summary>
    public void SkipToEnd()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "mergeCell" && _xml.GetAttribute("ref") is { } range)
            {
                _merges.Add(range);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _xml.Dispose();
        _stream.Dispose();
        _document.Dispose();
    }

    /// <summary>Parses a cell reference's column (<c>D12</c> → 3, 0-based); -1 when it has no letters.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The 0-based column.</returns>
    internal static int ColumnIndex(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > 16384)
            {
                return -1;
            }
        }

        return i == 0 ? -1 : column - 1;
    }

    /// <summary>Parses a cell reference's row (<c>D12</c> → 12); 0 when it has none.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The 1-based row.</returns>
    internal static int RowNumber(ReadOnlySpan<char> reference)
    {
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            i++;
        }

        return int.TryParse(reference[i..], NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }

    private static string NotAWorkbook(string path)
    {
        var head = new byte[8];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            read = 0;
        }

        return read >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0
            ? "is not an .xlsx workbook: it is an Excel 97-2003 (.xls) or other OLE file; open it in Excel and save it as \"Excel Workbook (.xlsx)\"."
            : read == 0
                ? "is not an .xlsx workbook: the file is empty."
                : "is not an .xlsx workbook (an Office Open XML zip package); save it from Excel as \"Excel Workbook (.xlsx)\", or give a CSV file.";
    }

    private static SheetReader Open(string path, string? sheet, SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook part");
        var (sheets, date1904) = ReadWorkbook(workbook);
        if (sheets.Count == 0)
        {
            throw new KamValidationException(path, KamErrorCodes.Empty, path, "the workbook has no sheets.");
        }

        var chosen = sheet is null ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s.Name, sheet, StringComparison.Ordinal));
        if (chosen.Name is null && sheet is not null)
        {
            chosen = sheets.FirstOrDefault(s => string.Equals(s.Name, sheet, StringComparison.OrdinalIgnoreCase)); // Excel's sheet names ignore case
        }

        if (chosen.Name is null)
        {
            throw new KamValidationException(CellLocation.SheetName(path, sheet!), KamErrorCodes.Unknown, sheet,
                $"the workbook has no sheet named '{sheet}'; its sheets: {string.Join(", ", sheets.Select(s => "'" + s.Name + "'"))}.");
        }

        if (chosen.RelationshipId is null || workbook.GetPartById(chosen.RelationshipId) is not WorksheetPart part)
        {
            throw new KamValidationException(CellLocation.SheetName(path, chosen.Name), KamErrorCodes.InvalidFormat, chosen.Name,
                "is not a worksheet (a chart or dialog sheet); name the sheet holding the table as file.xlsx#Sheet.");
        }

        var strings = workbook.SharedStringTablePart is { } sst ? ReadSharedStrings(sst) : [];
        var dates = workbook.WorkbookStylesPart is { } styles ? ReadDateStyles(styles) : [];
        return new SheetReader(path, chosen.Name, document, part, strings, dates, date1904);
    }

    private static (List<(string Name, string? RelationshipId)> Sheets, bool Date1904) ReadWorkbook(WorkbookPart workbook)
    {
        var sheets = new List<(string Name, string? RelationshipId)>();
        var date1904 = false;
        using var stream = workbook.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "workbookPr")
            {
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.LocalName == "sheet" && xml.GetAttribute("name") is { } name)
            {
                sheets.Add((name, xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")));
            }
        }

        return (sheets, date1904);
    }

    private static string[] ReadSharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(ReadRichText(xml)); // moves past the element
            }
            else
            {
                xml.Read();
            }
        }

        return [.. strings];
    }

    // The text of an <si> or <is> element (the reader on its start): its <t> and its runs' <t>, without the phonetic
    // runs (<rPh>). Leaves the reader past the element's end.
    private static string ReadRichText(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }

        var depth = xml.Depth;
        string? single = null;
        System.Text.StringBuilder? text = null;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                var part = xml.ReadElementContentAsString();
                if (single is null && text is null)
                {
                    single = part;
                }
                else
                {
                    text ??= new System.Text.StringBuilder(single);
                    text.Append(part);
                }
            }
            else
            {
                xml.Read();
            }
        }

        xml.Read(); // past the end element
        return text?.ToString() ?? single ?? string.Empty;
    }

    // For each cell style (cellXfs, by index), whether its number format shows a date or a time.
    private static bool[] ReadDateStyles(WorkbookStylesPart part)
    {
        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = XmlReader.Create(stream, Settings);
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    custom[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? string.Empty);
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                    styles.Add(custom.TryGetValue(format, out var isDate) ? isDate : IsBuiltInDateFormat(format));
                    break;
            }
        }

        return [.. styles];
    }

    // The built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian date formats).
    private static bool IsBuiltInDateFormat(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>Tells whether a custom number format shows a date or a time: it has d, m, y, h or s outside quotes, escapes and brackets (<c>[h]</c> counts).</summary>
    /// <param name="code">The format code.</param>
    /// <returns><see langword="true"/> for a date or time format.</returns>
    internal static bool IsDateFormat(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    i = code.IndexOf('"', i + 1) is var end and >= 0 ? end : code.Length;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var close = code.IndexOf(']', i + 1);
                    var inside = close > i ? code[(i + 1)..close] : string.Empty;
                    if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                    {
                        return true;
                    }

                    i = close > i ? close : code.Length;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S' or 'e' when c != 'e' || (i + 1 < code.Length && code[i + 1] == 'e'):
                    return true;
            }
        }

        return false;
    }

    // Reads up to the next <row> and its cells; false at the end of sheetData.
    private bool ReadRow()
    {
        _cells.Clear();
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.LocalName == "sheetData")
            {
                return false;
            }

            if (_xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (_xml.LocalName == "dimension" && _xml.GetAttribute("ref") is { } dimension)
            {
                LastRow = RowNumber(dimension.AsSpan(dimension.IndexOf(':') + 1));
                continue;
            }

            if (_xml.LocalName == "sheetData")
            {
                _inData = true;
                if (_xml.IsEmptyElement)
                {
                    return false;
                }

                continue;
            }

            if (_inData && _xml.LocalName == "row")
            {
                Row = int.TryParse(_xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : Row + 1;
                if (!_xml.IsEmptyElement)
                {
                    ReadCells();
                }

                return true;
            }
        }

        return false;
    }

    // The cells of a <row> element (the reader on its start, not empty); leaves the reader on the row's end element.
    private void ReadCells()
    {
        var depth = _xml.Depth;
        _xml.Read();
        while (!_xml.EOF && _xml.Depth > depth)
        {
            if (_xml.NodeType != XmlNodeType.Element || _xml.LocalName != "c")
            {
                _xml.Read();
                continue;
            }

            var reference = _xml.GetAttribute("r");
            var index = reference is null ? _cells.Count : ColumnIndex(reference);
            if (index < 0)
            {
                index = _cells.Count;
            }

            var type = _xml.GetAttribute("t");
            var style = int.TryParse(_xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var cell = ReadCell(type, style); // moves past the cell
            while (_cells.Count <= index)
            {
                _cells.Add(default);
            }

            _cells[index] = cell;
        }
    }

    // One <c> element (the reader on its start): its formula, value and inline string. Leaves the reader past the element.
    private SheetCell ReadCell(string? type, int style)
    {
        string? formula = null;
        string? value = null;
        string? inline = null;
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
        }
        else
        {
            var depth = _xml.Depth;
            _xml.Read();
            while (!_xml.EOF && _xml.Depth > depth)
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    _xml.Read();
                    continue;
                }

                switch (_xml.LocalName)
                {
                    case "f":
                        formula = _xml.ReadElementContentAsString();
                        formula = formula.Length == 0 ? "(a shared formula)" : formula;
                        break;
                    case "v":
                        value = _xml.ReadElementContentAsString();
                        break;
                    case "is":
                        inline = ReadRichText(_xml);
                        break;
                    default:
                        _xml.Skip();
                        break;
                }
            }

            _xml.Read(); // past </c>
        }

        if (type == "inlineStr")
        {
            return new SheetCell(SheetCellKind.Text, inline ?? string.Empty, 0, false);
        }

        if (value is null)
        {
            return formula is null ? default : new SheetCell(SheetCellKind.UncachedFormula, formula, 0, false);
        }

        switch (type)
        {
            case "s":
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Length
                    ? new SheetCell(SheetCellKind.Text, _sharedStrings[i], 0, false)
                    : throw new InvalidDataException($"a cell refers to shared string {value}, which the workbook does not have");
            case "str":
                return new SheetCell(SheetCellKind.Text, value, 0, false);
            case "b":
                return new SheetCell(SheetCellKind.Boolean, null, value is "1" or "true" ? 1 : 0, false);
            case "e":
                return new SheetCell(SheetCellKind.Error, value, 0, false);
            case "d":
                // An ISO 8601 date cell (rare, strict Open XML): kept as its text, which the date parsers read.
                return new SheetCell(SheetCellKind.Text, value.EndsWith("T00:00:00", StringComparison.Ordinal) ? value[..^9] : value, 0, false);
            default:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new SheetCell(SheetCellKind.Number, null, number, style < _dateStyles.Length && _dateStyles[style])
                    : new SheetCell(SheetCellKind.Text, value, 0, false);
        }
    }
}
