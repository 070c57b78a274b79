using System.Globalization;

namespace Kam.Cli.Data;

/// <summary>
/// The location of a cell of an input table, as error messages show it: <c>file:line:column</c> for a CSV file (1-based
/// column number), <c>file.xlsx!Sheet:row:D</c> for a worksheet (Excel's row number and column letter).
/// </summary>
/// <remarks>
/// A worksheet's rows are read under the display name <c>file.xlsx!Sheet</c> (see <see cref="SheetName"/>); every
/// location built here from that name gets the column letter, so the readers, the cross-row checks and the engines'
/// errors mapped back to rows all name a workbook's cells the way Excel does.
/// </remarks>
internal static class CellLocation
{
    /// <summary>Makes the display name of a worksheet, <c>file.xlsx!Sheet</c>.</summary>
    /// <param name="file">The workbook's path as the user gave it.</param>
    /// <param name="sheet">The worksheet's name.</param>
    /// <returns>The display name.</returns>
    public static string SheetName(string file, string sheet) => file + "!" + sheet;

    /// <summary>Tells whether a display name is a worksheet's (<c>….xlsx!Sheet</c>), whose columns are letters.</summary>
    /// <param name="file">The display name.</param>
    /// <returns><see langword="true"/> for a worksheet.</returns>
    public static bool IsSheet(string file) =>
        file.Contains(".xlsx!", StringComparison.OrdinalIgnoreCase) || file.Contains(".xlsm!", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets the location of a cell.</summary>
    /// <param name="file">The display name of the file or worksheet.</param>
    /// <param name="line">The 1-based line (CSV) or row (worksheet).</param>
    /// <param name="column">The 1-based column number.</param>
    /// <returns><c>file:line:column</c>, or <c>file.xlsx!Sheet:row:D</c>.</returns>
    public static string Of(string file, int line, int column) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{Column(file, column)}");

    /// <summary>Gets how a column is named in a location of <paramref name="file"/>: its number, or its letters in a worksheet.</summary>
    /// <param name="file">The display name of the file or worksheet.</param>
    /// <param name="column">The 1-based column number.</param>
    /// <returns>The number (<c>4</c>) or the letters (<c>D</c>).</returns>
    public static string Column(string file, int column) =>
        IsSheet(file) ? Letters(column) : column.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets Excel's letters of a 1-based column number (1 = A, 26 = Z, 27 = AA).</summary>
    /// <param name="column">The column number, at least 1.</param>
    /// <returns>The letters.</returns>
    public static string Letters(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Span<char> letters = stackalloc char[8];
        var at = letters.Length;
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters[--at] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[at..]);
    }
}
