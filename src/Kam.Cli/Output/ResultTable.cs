using System.Globalization;

namespace Kam.Cli.Output;

/// <summary>A named table of results, independent of how it is shown: the terminal table, CSV, JSON and the report's HTML tables all render it.</summary>
/// <remarks>
/// Cells are kept typed: numbers (<see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>)
/// are JSON numbers and right-aligned; a <see cref="bool"/> is <c>yes</c>/<c>no</c> for people and in CSV, a JSON
/// boolean in JSON; everything else is rendered as invariant text. A column may carry a .NET format
/// string (e.g. <c>N0</c>) used by the table and HTML views; CSV and JSON get the full-precision value.
/// </remarks>
internal sealed class ResultTable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates a table.</summary>
    /// <param name="name">A machine name (JSON key, CSV section), e.g. <c>tiers</c>.</param>
    /// <param name="title">A heading for people.</param>
    /// <param name="columns">The columns.</param>
    public ResultTable(string name, string title, params ResultColumn[] columns)
    {
        Name = name;
        Title = title;
        Columns = columns;
    }

    /// <summary>Gets the machine name.</summary>
    public string Name { get; }

    /// <summary>Gets the heading.</summary>
    public string Title { get; }

    /// <summary>Gets the columns.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>Gets the rows.</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One value per column.</param>
    /// <returns>This table.</returns>
    public ResultTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Table '{Name}' has {Columns.Count} columns, got {cells.Length} cells.", nameof(cells));
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
