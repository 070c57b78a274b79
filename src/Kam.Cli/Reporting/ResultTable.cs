using System.Globalization;

namespace Kam.Cli.Reporting;

/// <summary>A named table of results, independent of how it is shown: the terminal table, CSV, JSON and the report's HTML tables all render it.</summary>
/// <remarks>
/// Cells are kept typed: numbers (<see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>)
/// are JSON numbers and right-aligned; a <see cref="bool"/> is <c>yes</c>/<c>no</c> for people and in CSV, a JSON
/// boolean in JSON; everything else is rendered as invariant text. A column may carry a .NET format
/// string (e.g. <c>N0</c>) used by the table and HTML views; CSV and JSON get the full-precision value.
/// </remarks>
internal sealed class ResultTable
{
    private readonly List<object?[]>? _rows;
    private readonly IReadOnlyList<object?[]> _view;

    /// <summary>Creates a table.</summary>
    /// <param name="name">A machine name (JSON key, CSV section), e.g. <c>tiers</c>.</param>
    /// <param name="title">A heading for people.</param>
    /// <param name="columns">The columns.</param>
    public ResultTable(string name, string title, params ResultColumn[] columns)
    {
        Name = name;
        Title = title;
        Columns = columns;
        _rows = [];
        _view = _rows;
    }

    /// <summary>Creates a table whose rows are computed when read (a million-row table is never held in memory as cells).</summary>
    /// <param name="name">A machine name (JSON key, CSV section).</param>
    /// <param name="title">A heading for people.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="row">Computes row <c>i</c> (0-based): one value per column; called again on every read of the row.</param>
    /// <param name="columns">The columns.</param>
    public ResultTable(string name, string title, int rowCount, Func<int, object?[]> row, params ResultColumn[] columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        Name = name;
        Title = title;
        Columns = columns;
        _view = new ComputedRows(rowCount, i =>
        {
            var cells = row(i);
            return cells.Length == columns.Length ? cells : throw new InvalidOperationException($"Table '{name}' has {columns.Length} columns, row {i} has {cells.Length} cells.");
        });
    }

    /// <summary>Gets the machine name.</summary>
    public string Name { get; }

    /// <summary>Gets the heading.</summary>
    public string Title { get; }

    /// <summary>Gets the columns.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<object?[]> Rows => _view;

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One value per column.</param>
    /// <returns>This table.</returns>
    public ResultTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Table '{Name}' has {Columns.Count} columns, got {cells.Length} cells.", nameof(cells));
        }

        if (_rows is null)
        {
            throw new InvalidOperationException($"Table '{Name}' computes its rows; rows cannot be added.");
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>Tells whether a value is a number (a JSON number, right-aligned).</summary>
    public static bool IsNumber(object? value) => value is int or long or decimal or double;

    /// <summary>Formats a cell for people (terminal, HTML): with the column's format, invariant culture.</summary>
    public string Display(int column, object? value) => value switch
    {
        null => string.Empty,
        bool b => YesNo(b),
        IFormattable f => f.ToString(Columns[column].Format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Formats a cell for machines (CSV): full precision, invariant culture.</summary>
    public static string Raw(object? value) => value switch
    {
        null => string.Empty,
        bool b => YesNo(b),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string YesNo(bool value) => value ? "yes" : "no";
}

/// <summary>The rows of a computed <see cref="ResultTable"/>: row <c>i</c> is computed when read.</summary>
/// <param name="count">The number of rows.</param>
/// <param name="row">Computes a row.</param>
internal sealed class ComputedRows(int count, Func<int, object?[]> row) : IReadOnlyList<object?[]>
{
    /// <inheritdoc/>
    public int Count => count;

    /// <inheritdoc/>
    public object?[] this[int index] => (uint)index < (uint)count ? row(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public IEnumerator<object?[]> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return row(i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A column of a <see cref="ResultTable"/>.</summary>
/// <param name="Name">The header (CSV header, JSON member name).</param>
/// <param name="Format">A .NET format string for people's views, or <see langword="null"/>.</param>
/// <param name="RightAligned">Whether the terminal and HTML views right-align it (numbers).</param>
internal sealed record ResultColumn(string Name, string? Format = null, bool RightAligned = false)
{
    /// <summary>A right-aligned number column.</summary>
    public static ResultColumn Number(string name, string? format = null) => new(name, format, true);

    /// <summary>A text column.</summary>
    public static ResultColumn Text(string name) => new(name);
}
