namespace Kam.Cli.IO.Excel;

/// <summary>
/// How an input names a table in a workbook: <c>file.xlsx</c> (its first sheet) or <c>file.xlsx#Sheet</c> (the sheet
/// named <c>Sheet</c>); any other path is a CSV file.
/// </summary>
internal static class WorkbookPath
{
    /// <summary>Tells whether an input path names a workbook, and splits it into the file and the sheet.</summary>
    /// <param name="path">The input path as given (<c>data.xlsx</c>, <c>data.xlsx#Deals</c>, <c>deals.csv</c>).</param>
    /// <param name="file">The workbook file (the path without <c>#Sheet</c>).</param>
    /// <param name="sheet">The sheet's name, or <see langword="null"/> for the first sheet.</param>
    /// <returns><see langword="true"/> for a workbook (<c>.xlsx</c> or <c>.xlsm</c>, any case).</returns>
    public static bool TrySplit(string path, out string file, out string? sheet)
    {
        file = path;
        sheet = null;
        if (IsWorkbookFile(path))
        {
            return true;
        }

        var hash = path.LastIndexOf('#');
        if (hash <= 0 || !IsWorkbookFile(path[..hash]))
        {
            return false;
        }

        file = path[..hash];
        sheet = hash + 1 < path.Length ? path[(hash + 1)..] : null;
        return true;
    }

    /// <summary>Gets the file an input path reads: the workbook of <c>file.xlsx#Sheet</c>, else the path itself.</summary>
    /// <param name="path">The input path, or <see langword="null"/>.</param>
    /// <returns>The file path, or <see langword="null"/>.</returns>
    public static string? FileOf(string? path) => path is not null && TrySplit(path, out var file, out _) ? file : path;

    private static bool IsWorkbookFile(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);
}
