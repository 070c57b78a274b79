using Kam.Cli.Data;
using Kam.Cli.IO.Excel;
using Kam.Core;

namespace Kam.Cli.IO.Csv;

/// <summary>One data row of a CSV file or worksheet being read: typed access to its cells by schema column.</summary>
/// <remarks>
/// <para>
/// A bad cell does not throw: it is recorded with its location (<c>file:line:column</c>, or
/// <c>file.xlsx!Sheet:row:D</c> for a worksheet) and a default value is returned, so one pass reports every problem of
/// the file. <see cref="CsvFile"/> throws after the pass if any problem was recorded, so a mapped record built from a
/// bad row never escapes.
/// </para>
/// <para>
/// A worksheet row is read through the same getters: each typed cell becomes the text the CSV file would hold
/// (<see cref="SheetCell.AsText"/>: a serial date in a date column its <c>yyyy-MM-dd</c>, a number its invariant
/// decimal) and goes through the column's one parser, so every check is the same for both.
/// </para>
/// </remarks>
internal sealed class CsvRow
{
    // The longest cell the fast path reads (numbers, dates, instants, yes/no and one-of words are far shorter).
    private const int FastCellLength = 64;

    private readonly CsvFile.Header _header;
    private readonly CsvHelper.CsvReader? _reader;
    private readonly SheetReader? _sheet;
    private readonly InputErrors _errors;
    private bool _reported; // the last cell read from a worksheet held an error value or an unsaved formula, already reported

    /// <summary>Creates the view of a reader's current row; <see cref="MoveTo"/> sets its line for each row.</summary>
    /// <param name="header">The file's resolved header.</param>
    /// <param name="reader">The parser, positioned on the row while a mapper reads it.</param>
    /// <param name="errors">Receives the problems.</param>
    internal CsvRow(CsvFile.Header header, CsvHelper.CsvReader reader, InputErrors errors)
    {
        _header = header;
        _reader = reader;
        _errors = errors;
    }

    /// <summary>Creates the view of a worksheet reader's current row; <see cref="MoveTo"/> sets its row number for each row.</summary>
    /// <param name="header">The sheet's resolved header.</param>
    /// <param name="sheet">The worksheet, positioned on the row while a mapper reads it.</param>
    /// <param name="errors">Receives the problems.</param>
    internal CsvRow(CsvFile.Header header, SheetReader sheet, InputErrors errors)
    {
        _header = header;
        _sheet = sheet;
        _errors = errors;
    }

    /// <summary>Gets the 1-based line number of the row in the file.</summary>
    public int Line { get; private set; }

    /// <summary>Moves the view to the reader's current row.</summary>
    /// <param name="line">The row's 1-based line number.</param>
    internal void MoveTo(int line) => Line = line;

    /// <summary>Gets the file's display name (as error locations show it).</summary>
    public string File => _header.DisplayName;

    /// <summary>Gets the 1-based column number of a column in the file, or <see langword="null"/> when the file does not have it.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The column number, or <see langword="null"/>.</returns>
    public int? ColumnNumber(CsvColumn column) => _header.IndexOf(column) + 1;

    /// <summary>Gets the location of a cell, <c>file:line:column</c> (1-based column number; the column letter in a worksheet).</summary>
    /// <param name="column">The column.</param>
    /// <returns>The location, or <c>file:line</c> when the file has no such column.</returns>
    public string Location(CsvColumn column) =>
        _header.IndexOf(column) is { } index ? CellLocation.Of(_header.DisplayName, Line, index + 1) : $"{_header.DisplayName}:{Line}";

    /// <summary>Reads a required cell; records an error and returns <see langword="default"/> when it is empty or invalid.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="column">The column (required by the schema).</param>
    /// <returns>The value.</returns>
    public T Get<T>(CsvColumn<T> column)
    {
        if (TryFast(column, out var fast))
        {
            return fast;
        }

        var text = Cell(column);
        if (text is null)
        {
            if (_reported)
            {
                return Missing<T>();
            }

            _errors.Add(Location(column), KamErrorCodes.Required, null, $"column '{column.Name}' needs a value ({column.TypeName}, e.g. {column.Example}).");
            return Missing<T>();
        }

        return Parse(column, text);
    }

    /// <summary>Reads an optional cell: the fallback when the column is absent or the cell empty; records an error when the cell is invalid.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="column">The column.</param>
    /// <param name="fallback">The value of an absent column or empty cell.</param>
    /// <returns>The value.</returns>
    public T GetOrDefault<T>(CsvColumn<T> column, T fallback)
    {
        if (TryFast(column, out var fast))
        {
            return fast;
        }

        var text = Cell(column);
        return text is null ? fallback : Parse(column, text);
    }

    /// <summary>Reads an optional value cell: <see langword="null"/> when the column is absent or the cell empty; records an error when it is invalid.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="column">The column.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public T? GetOptional<T>(CsvColumn<T> column)
        where T : struct
    {
        if (TryFast(column, out var fast))
        {
            return fast;
        }

        var text = Cell(column);
        return text is null ? null : Parse(column, text);
    }

    /// <summary>Records an error about a cell found by a rule that spans cells (e.g. an end date before its start date).</summary>
    /// <param name="column">The cell's column.</param>
    /// <param name="code">The <see cref="KamErrorCodes"/> code.</param>
    /// <param name="message">What is wrong.</param>
    public void Fail(CsvColumn column, string code, string message) =>
        _errors.Add(Location(column), code, _sheet is null ? Cell(column) : SheetText(column, report: false), message);

    /// <summary>Records an error about the whole row (<c>file:line</c>), e.g. a row repeating an earlier one.</summary>
    /// <param name="code">The <see cref="KamErrorCodes"/> code.</param>
    /// <param name="value">The offending value, or <see langword="null"/>.</param>
    /// <param name="message">What is wrong.</param>
    public void FailRow(string code, string? value, string message) =>
        _errors.Add($"{_header.DisplayName}:{Line}", code, value, message);

    /// <summary>Gets a 128-bit fingerprint of the row's trimmed cells (an FNV-1a hash and a multiply-xorshift hash), equal for rows identical in every cell.</summary>
    /// <returns>The fingerprint.</returns>
    public (ulong, ulong) Fingerprint()
    {
        const ulong Prime = 1099511628211UL;
        ulong a = 14695981039346656037UL, b = 0x9E3779B97F4A7C15UL;
        if (_reader is null)
        {
            // A worksheet row: each cell as stored (text, invariant number, TRUE/FALSE), trimmed.
            for (var i = 0; i < _sheet!.FieldCount; i++)
            {
                var cell = _sheet[i].Raw().AsSpan().Trim();
                a = Mix(a, 0x10000UL + (ulong)cell.Length);
                b = Mix2(b, 0x10000UL + (ulong)cell.Length);
                foreach (var c in cell)
                {
                    a = Mix(a, c);
                    b = Mix2(b, c);
                }
            }

            return (a, b);
        }

        for (var i = 0; i < _reader.FieldCount; i++)
        {
            // Each cell as its length (a symbol above any char) then its chars: an unambiguous sequence. An ASCII cell
            // with nothing to trim is its bytes (no string made); any other cell is decoded and trimmed.
            var bytes = _reader.GetSpan(i);
            if (bytes.Length == 0 || (IsVisibleAscii(bytes[0]) && IsVisibleAscii(bytes[^1]) && System.Text.Ascii.IsValid(bytes)))
            {
                a = Mix(a, 0x10000UL + (ulong)bytes.Length);
                b = Mix2(b, 0x10000UL + (ulong)bytes.Length);
                foreach (var c in bytes)
                {
                    a = Mix(a, c);
                    b = Mix2(b, c);
                }

                continue;
            }

            var text = _reader.GetString(i).AsSpan().Trim();
            a = Mix(a, 0x10000UL + (ulong)text.Length);
            b = Mix2(b, 0x10000UL + (ulong)text.Length);
            foreach (var c in text)
            {
                a = Mix(a, c);
                b = Mix2(b, c);
            }
        }

        static ulong Mix(ulong h, ulong symbol) => (h ^ symbol) * Prime;
        static ulong Mix2(ulong h, ulong symbol)
        {
            h = (h ^ (symbol + 0x5BD1E995UL)) * 0xFF51AFD7ED558CCDUL;
            return h ^ (h >> 29);
        }

        return (a, b);
    }

    private string? Cell(CsvColumn column)
    {
        if (_reader is null)
        {
            return SheetText(column, report: true);
        }

        if (_header.IndexOf(column) is not { } index || index >= _reader.FieldCount)
        {
            return null;
        }

        var text = _reader.GetString(index).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A worksheet cell as the text a CSV file would hold for the column (see <see cref="SheetCell.AsText"/>), trimmed;
    /// <see langword="null"/> when empty. An error value (<c>#N/A</c>) or a formula whose value the workbook does not hold
    /// is reported at the cell (when <paramref name="report"/>) and reads as empty.
    /// </summary>
    private string? SheetText(CsvColumn column, bool report)
    {
        _reported = false;
        if (_header.IndexOf(column) is not { } index)
        {
            return null;
        }

        var cell = _sheet![index];
        if (cell.Kind is SheetCellKind.Error or SheetCellKind.UncachedFormula)
        {
            if (report)
            {
                _errors.Add(Location(column), KamErrorCodes.InvalidFormat, cell.Kind == SheetCellKind.Error ? cell.Text : "=" + cell.Text, cell.Kind == SheetCellKind.Error
                    ? $"column '{column.Name}': the cell holds the error value {cell.Text}; fix the cell (or the formula that gives it) so it holds {column.TypeName}."
                    : $"column '{column.Name}': the cell holds a formula whose value is not saved in the workbook; kam reads saved values and never evaluates formulas: open and save the workbook in Excel, or paste the values.");
                _reported = true;
            }

            return report ? null : cell.Text;
        }

        var text = cell.AsText(column.ValueType, _sheet.Date1904)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>
    /// The fast path of a typed cell: a short ASCII cell that starts and ends with a visible character is read from the
    /// parser's bytes without making a string, when the column has a fast parser and that parser accepts the cell.
    /// Anything else (an empty, absent, long, non-ASCII or invalid cell) returns <see langword="false"/> and goes the
    /// string way, which gives the same value for a valid cell and the messages for the rest.
    /// </summary>
    private bool TryFast<T>(CsvColumn<T> column, out T value)
    {
        value = default!;
        if (_reader is null || column.FastParser is not { } parse || _header.IndexOf(column) is not { } index || index >= _reader.FieldCount)
        {
            return false;
        }

        var bytes = _reader.GetSpan(index);
        if (bytes.Length == 0 || bytes.Length > FastCellLength || !IsVisibleAscii(bytes[0]) || !IsVisibleAscii(bytes[^1]) || !System.Text.Ascii.IsValid(bytes))
        {
            return false;
        }

        Span<char> chars = stackalloc char[FastCellLength];
        System.Text.Ascii.ToUtf16(bytes, chars, out var length);
        if (!parse(chars[..length], out value))
        {
            return false;
        }

        if (column.Summed && value is decimal amount && _header.Totals.Add(column, amount) is { } total)
        {
            ReportTotal(column, new string(chars[..length]), total);
            value = Missing<T>();
        }

        return true;
    }

    // A printable ASCII character other than space: nothing string.Trim would remove.
    private static bool IsVisibleAscii(byte b) => b > 0x20 && b < 0x7F;

    // The value of a cell already reported as bad: default, or the empty string for text columns, so that a mapper
    // reading it on (e.g. its Length) never meets a null.
    private static T Missing<T>() => typeof(T) == typeof(string) ? (T)(object)string.Empty : default!;

    private T Parse<T>(CsvColumn<T> column, string text)
    {
        if (column.TryParse(text, out var value, out var problem))
        {
            if (column.Summed && value is decimal amount && _header.Totals.Add(column, amount) is { } total)
            {
                ReportTotal(column, text, total);
                return Missing<T>();
            }

            return value;
        }

        _errors.Add(Location(column), problem!.Code, text, $"column '{column.Name}': {problem.Message.TrimEnd('.')}.");
        return Missing<T>();
    }

    private void ReportTotal(CsvColumn column, string text, decimal total) =>
        _errors.Add(Location(column), KamErrorCodes.OutOfRange, text,
            $"column '{column.Name}': the file's total of {column.Name} (sum of absolute values) passes {CsvColumns.MaxColumnTotal.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} (10^18) at this row ({total.ToString(System.Globalization.CultureInfo.InvariantCulture)}); split the file or check the amounts.");
}
