using Kam.Cli.Data;

namespace Kam.Cli.IO.Csv;

/// <summary>Makes the <see cref="RowSource"/> of each row of one read of a file, sharing one map of its column numbers.</summary>
/// <param name="schema">The file's schema.</param>
internal sealed class RowSources(CsvSchema schema)
{
    private Dictionary<string, int>? _columns;

    /// <summary>Gets where a row is.</summary>
    /// <param name="row">The row.</param>
    /// <returns>Its source.</returns>
    public RowSource Of(CsvRow row) => new(row.File, row.Line, ColumnsOf(row));

    /// <summary>Gets the 1-based number of each column of the file, by column name (one map for the file's rows).</summary>
    /// <param name="row">A row of the file.</param>
    /// <returns>The map.</returns>
    public IReadOnlyDictionary<string, int> ColumnsOf(CsvRow row) =>
        _columns ??= schema.Columns.Where(c => row.ColumnNumber(c) is not null).ToDictionary(c => c.Name, c => row.ColumnNumber(c)!.Value, StringComparer.Ordinal);
}
