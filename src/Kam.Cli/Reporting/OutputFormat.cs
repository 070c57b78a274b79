namespace Kam.Cli.Reporting;

/// <summary>How a command writes its result tables to standard output (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Aligned text tables with titles, for people at a terminal (the default).</summary>
    Table,

    /// <summary>RFC 4180 CSV; several tables are separated by a blank line and a <c># name</c> comment line.</summary>
    Csv,

    /// <summary>One JSON object whose members are the tables' names, each an array of row objects.</summary>
    Json,

    /// <summary>An Excel workbook (.xlsx) written to <c>--out</c>: one worksheet per table, typed cells, a frozen header row (see <see cref="WorkbookWriter"/>).</summary>
    Xlsx,
}
