namespace Kam.Cli.IO.Csv;

/// <summary>The declared shape of one kind of CSV input file: its usual file name, purpose, columns and example rows.</summary>
/// <remarks>
/// The same schema drives reading (header check, typed cells), <c>kam init</c>'s commented example file and the
/// column tables of docs/cli.md, so the three cannot drift apart. Extra columns in a file are ignored.
/// </remarks>
internal sealed class CsvSchema
{
    /// <summary>Creates a schema.</summary>
    /// <param name="fileName">The conventional file name, e.g. <c>accounts.csv</c>.</param>
    /// <param name="description">What one row is.</param>
    /// <param name="columns">The columns, in the order of the example file.</param>
    /// <param name="exampleRows">Example rows, one cell per column, valid against the schema.</param>
    public CsvSchema(string fileName, string description, IReadOnlyList<CsvColumn> columns, IReadOnlyList<string[]> exampleRows)
    {
        if (exampleRows.Any(r => r.Length != columns.Count))
        {
            throw new ArgumentException($"Every example row of {fileName} needs {columns.Count} cells.", nameof(exampleRows));
        }

        FileName = fileName;
        Description = description;
        Columns = columns;
        ExampleRows = exampleRows;
    }

    /// <summary>Gets the conventional file name.</summary>
    public string FileName { get; }

    /// <summary>Gets what one row is.</summary>
    public string Description { get; }

    /// <summary>Gets the columns.</summary>
    public IReadOnlyList<CsvColumn> Columns { get; }

    /// <summary>Gets the example rows.</summary>
    public IReadOnlyList<string[]> ExampleRows { get; }

    /// <summary>Renders the commented example file <c>kam init</c> writes: <c>#</c> comment lines documenting each column, the header and the example rows.</summary>
    /// <returns>The file content (LF line ends).</returns>
    public string ToExampleFile() => ToFile(ExampleRows);

    /// <summary>Renders a commented file of this schema with the given rows (one cell per column, in column order).</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>The file content (LF line ends).</returns>
    public string ToFile(IEnumerable<string[]> rows)
    {
        var text = new System.Text.StringBuilder();
        text.Append("# ").Append(FileName).Append(": ").Append(Description).Append('\n');
        text.Append("# Lines starting with # are comments. The first other line is the header; column order is free, extra columns are ignored.\n");
        foreach (var column in Columns)
        {
            text.Append("#   ").Append(column.Name).Append(" (").Append(column.TypeName).Append(column.Required ? ", required" : ", optional")
                .Append("): ").Append(column.Description).Append('\n');
        }

        text.Append(string.Join(',', Columns.Select(c => c.Name))).Append('\n');
        foreach (var row in rows)
        {
            if (row.Length != Columns.Count)
            {
                throw new ArgumentException($"A {FileName} row needs {Columns.Count} cells, got {row.Length}.", nameof(rows));
            }

            text.Append(string.Join(',', row.Select(Quote))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r', '#']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
