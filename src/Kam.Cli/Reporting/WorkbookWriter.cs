using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Reporting;

/// <summary>Writes result tables as an Excel workbook (.xlsx): one worksheet per table, typed cells, a frozen header row.</summary>
/// <remarks>
/// <para>
/// The package and its parts are made with the Open XML SDK (DocumentFormat.OpenXml); each worksheet's XML is written
/// with an <see cref="XmlWriter"/> straight into its part, row by row, so a million-row table is never held as cells.
/// </para>
/// <para>
/// Cells are typed: whole numbers <c>#,##0</c>; amounts (decimal cells of the columns shown with thousands separators)
/// in the currency's format, <c>#,##0.00 "CNY"</c> with the currency's minor digits (the row's <c>currency</c> cell, else
/// the run's currency, else <c>#,##0.00</c>); percentages (columns named <c>…_pct</c> or shown with a percent sign) as
/// Excel percentages (22.5 is stored as 0.225 and shown 22.50%); dates (<see cref="LocalDate"/> cells, and
/// <c>yyyy-MM-dd</c> text in date columns such as <c>expected_close</c>) as dates; yes/no as TRUE/FALSE. Text is written as
/// inline strings, never as formulas: a name such as <c>=HYPERLINK(…)</c> stays text (no formula is written anywhere).
/// Column widths fit the header and the first <see cref="WidthSampleRows"/> rows.
/// </para>
/// </remarks>
internal static class WorkbookWriter
{
    /// <summary>The most data rows a worksheet holds (Excel's 1,048,576 rows less the header).</summary>
    public const int MaxRows = 1_048_575;

    /// <summary>The longest text a cell holds (Excel's limit).</summary>
    public const int MaxCellText = 32_767;

    /// <summary>The rows sampled to fit the column widths.</summary>
    public const int WidthSampleRows = 2_000;

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // Column names whose yyyy-MM-dd text cells are dates.
    private static readonly string[] DateSuffixes = ["_close", "_purchase", "_on", "date", "_order", "_day", "as_of"];

    /// <summary>Makes valid, unique worksheet names (at most 31 characters, none of <c>[]:*?/\</c>, unique ignoring case).</summary>
    /// <param name="names">The wanted names, in order.</param>
    /// <returns>The names to use, in the same order.</returns>
    public static IReadOnlyList<string> SheetNames(IEnumerable<string> names)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var wanted in names)
        {
            var clean = new string(wanted.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray()).Trim().Trim('\'');
            clean = clean.Length == 0 || string.Equals(clean, "History", StringComparison.OrdinalIgnoreCase) ? "Sheet" : clean;
            var name = Cut(clean, 31);
            for (var n = 2; !used.Add(name); n++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $" ({n})");
                name = Cut(clean, 31 - suffix.Length) + suffix;
            }

            result.Add(name);
        }

        return result;

        static string Cut(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd();
    }

    /// <summary>Writes the workbook.</summary>
    /// <param name="stream">The destination (seekable; left open).</param>
    /// <param name="sheets">The worksheets: each a name (made valid and unique by <see cref="SheetNames"/>) and its table.</param>
    /// <param name="currency">The ISO 4217 code of the run's amounts, or <see langword="null"/> when unknown (amounts then get <c>#,##0.00</c>).</param>
    /// <exception cref="KamValidationException">A table has more rows than a worksheet holds, or a text longer than a cell holds; nothing is written to <paramref name="stream"/>.</exception>
    public static void Write(Stream stream, IReadOnlyList<(string Name, ResultTable Table)> sheets, string? currency)
    {
        foreach (var (name, table) in sheets)
        {
            if (table.Rows.Count > MaxRows)
            {
                throw new KamValidationException("--format xlsx", KamErrorCodes.OutOfRange, table.Rows.Count.ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"table '{table.Name}' has {table.Rows.Count:N0} rows, more than an Excel worksheet holds ({MaxRows:N0} and the header); use --format csv."));
            }
        }

        var names = SheetNames(sheets.Select(s => s.Name));
        var styles = new Styles();
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook, autoSave: true);
        var workbookPart = document.AddWorkbookPart();
        var sheetList = new Sheets();
        for (var i = 0; i < sheets.Count; i++)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheets[i].Table, currency, styles, selected: i == 0);
            sheetList.Append(new Sheet { Name = names[i], SheetId = (uint)(i + 1), Id = workbookPart.GetIdOfPart(part) });
        }

        workbookPart.Workbook = new Workbook(new BookViews(new WorkbookView()), sheetList);
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        using (var part = stylesPart.GetStream(FileMode.Create, FileAccess.Write))
        {
            styles.Write(part);
        }
    }

    private static void WriteSheet(WorksheetPart part, ResultTable table, string? currency, Styles styles, bool selected)
    {
        var columns = table.Columns.Select(c => new ColumnPlan(c)).ToArray();
        var letters = Enumerable.Range(1, columns.Length).Select(Data.CellLocation.Letters).ToArray();
        var currencyColumn = Array.FindIndex(columns, c => string.Equals(c.Column.Name, "currency", StringComparison.OrdinalIgnoreCase));
        var widths = Widths(table, columns);

        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("worksheet", MainNamespace);
        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        if (selected)
        {
            xml.WriteAttributeString("tabSelected", "1");
        }

        xml.WriteAttributeString("workbookViewId", "0");
        xml.WriteStartElement("pane");
        xml.WriteAttributeString("ySplit", "1");
        xml.WriteAttributeString("topLeftCell", "A2");
        xml.WriteAttributeString("activePane", "bottomLeft");
        xml.WriteAttributeString("state", "frozen");
        xml.WriteEndElement();
        xml.WriteStartElement("selection");
        xml.WriteAttributeString("pane", "bottomLeft");
        xml.WriteAttributeString("activeCell", "A2");
        xml.WriteAttributeString("sqref", "A2");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        if (columns.Length > 0)
        {
            xml.WriteStartElement("cols");
            for (var i = 0; i < columns.Length; i++)
            {
                xml.WriteStartElement("col");
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                xml.WriteAttributeString("min", number);
                xml.WriteAttributeString("max", number);
                xml.WriteAttributeString("width", widths[i].ToString("0.##", CultureInfo.InvariantCulture));
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("sheetData");
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", "1");
        const int header = Styles.Header;
        for (var i = 0; i < columns.Length; i++)
        {
            WriteText(xml, letters[i] + "1", columns[i].Column.Name, header, table, 0, columns[i].Column.Name);
        }

        xml.WriteEndElement();
        var r = 1;
        foreach (var row in table.Rows)
        {
            r++;
            var rowNumber = r.ToString(CultureInfo.InvariantCulture);
            xml.WriteStartElement("row");
            xml.WriteAttributeString("r", rowNumber);
            var rowCurrency = currencyColumn >= 0 && row[currencyColumn] is { } code ? ResultTable.Raw(code) : currency;
            for (var i = 0; i < row.Length; i++)
            {
                WriteCell(xml, letters[i] + rowNumber, row[i], columns[i], rowCurrency, styles, table, r);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement(); // sheetData
        xml.WriteEndElement(); // worksheet
        xml.WriteEndDocument();
    }

    private static void WriteCell(XmlWriter xml, string reference, object? value, ColumnPlan column, string? currency, Styles styles, ResultTable table, int row)
    {
        switch (value)
        {
            case null:
                return;
            case bool b:
                WriteValue(xml, reference, "b", b ? "1" : "0", 0);
                return;
            case int or long:
                WriteValue(xml, reference, null, ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), styles.Of(column.NumberFormat(currency: null, whole: true)));
                return;
            case decimal d:
                var amount = column.IsPercent && column.PercentOfHundred ? d / 100m : d;
                WriteValue(xml, reference, null, amount.ToString(CultureInfo.InvariantCulture), styles.Of(column.NumberFormat(column.IsMoney ? currency : null, whole: false)));
                return;
            case double x when double.IsFinite(x):
                var number = column.IsPercent && column.PercentOfHundred ? x / 100 : x;
                WriteValue(xml, reference, null, number.ToString("R", CultureInfo.InvariantCulture), styles.Of(column.NumberFormat(currency: null, whole: false)));
                return;
            case LocalDate day:
                WriteValue(xml, reference, null, Serial(day), styles.Of("yyyy-mm-dd"));
                return;
            case string text when column.IsDate && text.Length == 10 && NodaTime.Text.LocalDatePattern.Iso.Parse(text) is { Success: true } parsed && parsed.Value.Year >= 1900:
                WriteValue(xml, reference, null, Serial(parsed.Value), styles.Of("yyyy-mm-dd"));
                return;
            default:
                WriteText(xml, reference, ResultTable.Raw(value), 0, table, row, column.Column.Name);
                return;
        }
    }

    private static void WriteValue(XmlWriter xml, string reference, string? type, string value, int style)
    {
        xml.WriteStartElement("c");
        xml.WriteAttributeString("r", reference);
        if (style != 0)
        {
            xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        }

        if (type is not null)
        {
            xml.WriteAttributeString("t", type);
        }

        xml.WriteElementString("v", value);
        xml.WriteEndElement();
    }

    // A text cell: an inline string, never a formula (a leading '=' is just text).
    private static void WriteText(XmlWriter xml, string reference, string text, int style, ResultTable table, int row, string column)
    {
        if (text.Length > MaxCellText)
        {
            throw new KamValidationException("--format xlsx", KamErrorCodes.OutOfRange, text[..40] + "…",
                string.Create(CultureInfo.InvariantCulture, $"table '{table.Name}', row {row}, column '{column}' has a text of {text.Length:N0} characters, more than an Excel cell holds ({MaxCellText:N0}); use --format csv."));
        }

        xml.WriteStartElement("c");
        xml.WriteAttributeString("r", reference);
        if (style != 0)
        {
            xml.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        }

        xml.WriteAttributeString("t", "inlineStr");
        xml.WriteStartElement("is");
        xml.WriteStartElement("t");
        var escaped = Escape(text);
        if (escaped.Length > 0 && (char.IsWhiteSpace(escaped[0]) || char.IsWhiteSpace(escaped[^1])))
        {
            xml.WriteAttributeString("xml", "space", null, "preserve");
        }

        xml.WriteString(escaped);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>
    /// Escapes a text for a cell (ECMA-376 ST_Xstring): characters XML 1.0 cannot hold (control characters, lone
    /// surrogates) as <c>_xHHHH_</c>, and a literal <c>_xHHHH_</c> as <c>_x005F_xHHHH_</c> so it reads back as written.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    internal static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var surrogatePair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var invalid = (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || (char.IsSurrogate(c) && !surrogatePair && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])));
            var literal = c == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_' && IsHex(text.AsSpan(i + 2, 4));
            if (!invalid && !literal)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            escaped.Append(invalid ? string.Create(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_") : "_x005F_");
        }

        return escaped?.ToString() ?? text;

        static bool IsHex(ReadOnlySpan<char> span)
        {
            foreach (var h in span)
            {
                if (!char.IsAsciiHexDigit(h))
                {
                    return false;
                }
            }

            return true;
        }
    }

    // Excel's serial number of a day (days since 1899-12-30; before 1900-03-01 one more, Excel counting 1900-02-29).
    private static string Serial(LocalDate day)
    {
        var days = Period.Between(new LocalDate(1899, 12, 30), day, PeriodUnits.Days).Days;
        return (day < new LocalDate(1900, 3, 1) ? days - 1 : days).ToString(CultureInfo.InvariantCulture);
    }

    // Widths in characters: the header and the first rows as people see them, plus room for a currency code.
    private static double[] Widths(ResultTable table, ColumnPlan[] columns)
    {
        var widths = columns.Select(c => (double)c.Column.Name.Length + 2).ToArray();
        var sampled = 0;
        foreach (var row in table.Rows)
        {
            if (sampled++ >= WidthSampleRows)
            {
                break;
            }

            for (var i = 0; i < row.Length; i++)
            {
                var length = row[i] switch
                {
                    null => 0,
                    string s => s.Length,
                    decimal when columns[i].IsMoney => table.Display(i, row[i]).Length + 7,
                    _ => table.Display(i, row[i]).Length + 2,
                };
                widths[i] = Math.Max(widths[i], length + 2);
            }
        }

        return widths.Select(w => Math.Min(w, 80)).ToArray();
    }

    /// <summary>How a column's numbers are shown, from its name and its .NET format.</summary>
    private sealed class ColumnPlan
    {
        public ColumnPlan(ResultColumn column)
        {
            Column = column;
            var format = column.Format ?? string.Empty;
            var name = column.Name;
            IsPercent = name.EndsWith("_pct", StringComparison.OrdinalIgnoreCase) || format.Contains('%', StringComparison.Ordinal);
            PercentOfHundred = IsPercent && !(format.Contains('%', StringComparison.Ordinal) && !format.Contains("'%'", StringComparison.Ordinal)); // .NET's bare % multiplies by 100: those cells are fractions already
            IsMoney = !IsPercent && format.StartsWith('N');
            IsDate = DateSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
            Digits = Decimals(format.Replace("'%'", string.Empty, StringComparison.Ordinal).Replace("%", string.Empty, StringComparison.Ordinal));
        }

        public ResultColumn Column { get; }

        public bool IsPercent { get; }

        public bool PercentOfHundred { get; }

        public bool IsMoney { get; }

        public bool IsDate { get; }

        public int? Digits { get; }

        public string NumberFormat(string? currency, bool whole)
        {
            if (IsPercent)
            {
                return "0" + Fraction(Digits ?? 2) + "%";
            }

            if (whole)
            {
                return "#,##0";
            }

            if (currency is not null && Currency.TryParse(currency, out var unit))
            {
                return "#,##0" + Fraction(unit.MinorUnits) + " \"" + unit.Code + "\"";
            }

            return Digits is { } digits ? "#,##0" + Fraction(digits) : "General";
        }

        private static string Fraction(int digits) => digits <= 0 ? string.Empty : "." + new string('0', digits);

        // The decimals a .NET format shows: N2 → 2, 0.00 → 2, 0.#### → null (General).
        private static int? Decimals(string format)
        {
            if (format.Length == 0)
            {
                return null;
            }

            if (format[0] is 'N' or 'F' && int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            var point = format.IndexOf('.', StringComparison.Ordinal);
            return point < 0 ? 0 : format[(point + 1)..].All(c => c == '0') ? format.Length - point - 1 : null;
        }
    }

    /// <summary>The workbook's cell styles: one per number format used (and the bold header), written after the sheets.</summary>
    private sealed class Styles
    {
        private readonly Dictionary<string, int> _byFormat = new(StringComparer.Ordinal);
        private readonly List<string> _formats = [];

        /// <summary>The style of the header cells (bold).</summary>
        public const int Header = 1;

        /// <summary>Gets the style of a number format, adding it on first use.</summary>
        public int Of(string format)
        {
            if (!_byFormat.TryGetValue(format, out var style))
            {
                _formats.Add(format);
                style = _formats.Count + 1; // 0 default, 1 header
                _byFormat[format] = style;
            }

            return style;
        }

        public void Write(Stream stream)
        {
            using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
            xml.WriteStartDocument(true);
            xml.WriteStartElement("styleSheet", MainNamespace);
            var custom = _formats.Where(f => BuiltIn(f) is null).ToList();
            if (custom.Count > 0)
            {
                xml.WriteStartElement("numFmts");
                xml.WriteAttributeString("count", custom.Count.ToString(CultureInfo.InvariantCulture));
                for (var i = 0; i < custom.Count; i++)
                {
                    xml.WriteStartElement("numFmt");
                    xml.WriteAttributeString("numFmtId", (164 + i).ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("formatCode", custom[i]);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteRaw("""<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""");
            xml.WriteStartElement("cellXfs");
            xml.WriteAttributeString("count", (_formats.Count + 2).ToString(CultureInfo.InvariantCulture));
            xml.WriteRaw("""<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>""");
            foreach (var format in _formats)
            {
                xml.WriteStartElement("xf");
                var id = BuiltIn(format) ?? (164 + custom.IndexOf(format));
                xml.WriteAttributeString("numFmtId", id.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("fontId", "0");
                xml.WriteAttributeString("fillId", "0");
                xml.WriteAttributeString("borderId", "0");
                xml.WriteAttributeString("xfId", "0");
                xml.WriteAttributeString("applyNumberFormat", "1");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteRaw("""<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>""");
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // The built-in number formats used (ECMA-376 18.8.30), by code.
        private static int? BuiltIn(string format) => format switch
        {
            "General" => 0,
            "0" => 1,
            "0.00" => 2,
            "#,##0" => 3,
            "#,##0.00" => 4,
            "0%" => 9,
            "0.00%" => 10,
            _ => null,
        };
    }
}
