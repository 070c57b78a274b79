using Kam.Core;

namespace Kam.Cli.Input;

/// <summary>One data row of a CSV file being read: typed access to its cells by schema column.</summary>
/// <remarks>
/// A bad cell does not throw: it is recorded with its location (<c>file:line:column</c>) and a default value is
/// returned, so one pass reports every problem of the file. <see cref="CsvFile"/> throws after the pass if any
/// problem was recorded, so a mapped record built from a bad row never escapes.
/// </remarks>
internal sealed class CsvRow
{
    private readonly CsvFile.Header _header;
    private readonly string[] _cells;
    private readonly ValidationCollector _errors;

    internal CsvRow(CsvFile.Header header, string[] cells, int line, ValidationCollector errors)
    {
        _header = header;
        _cells = cells;
        Line = line;
        _errors = errors;
    }

    /// <summary>Gets the 1-based line number of the row in the file.</summary>
    public int Line { get; }

    /// <summary>Gets the file's display name (as error locations show it).</summary>
    public string File => _header.DisplayName;

    /// <summary>Gets the 1-based column number of a column in the file, or <see langword="null"/> when the file does not have it.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The column number, or <see langword="null"/>.</returns>
    public int? ColumnNumber(CsvColumn column) => _header.IndexOf(column) + 1;

    /// <summary>Gets the location of a cell, <c>file:line:column</c> (1-based column number).</summary>
    /// <param name="column">The column.</param>
    /// <returns>The location, or <c>file:line</c> when the file has no such column.</returns>
    public string Location(CsvColumn column) =>
        _header.IndexOf(column) is { } index ? $"{_header.DisplayName}:{Line}:{index + 1}" : $"{_header.DisplayName}:{Line}";

    /// <summary>Reads a required cell; records an error and returns <see langword="default"/> when it is empty or invalid.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="column">The column (required by the schema).</param>
    /// <returns>The value.</returns>
    public T Get<T>(CsvColumn<T> column)
    {
        var text = Cell(column);
        if (text is null)
        {
            _errors.Add(Location(column), KamErrorCodes.Required, null, $"column '{column.Name}' needs a value ({column.TypeName}, e.g. {column.Example}).");
            return default!;
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
        var text = Cell(column);
        return text is null ? null : Parse(column, text);
    }

    /// <summary>Records an error about a cell found by a rule that spans cells (e.g. an end date before its start date).</summary>
    /// <param name="column">The cell's column.</param>
    /// <param name="code">The <see cref="KamErrorCodes"/> code.</param>
    /// <param name="message">What is wrong.</param>
    public void Fail(CsvColumn column, string code, string message) =>
        _errors.Add(Location(column), code, Cell(column), message);

    private string? Cell(CsvColumn column)
    {
        if (_header.IndexOf(column) is not { } index || index >= _cells.Length)
        {
            return null;
        }

        var text = _cells[index].Trim();
        return text.Length == 0 ? null : text;
    }

    private T Parse<T>(CsvColumn<T> column, string text)
    {
        if (column.TryParse(text, out var value, out var problem))
        {
            return value;
        }

        _errors.Add(Location(column), problem!.Code, text, $"column '{column.Name}': {problem.Message.TrimEnd('.')}.");
        return default!;
    }
}
