using System.Globalization;
using NodaTime;

namespace Kam.Cli.IO.Excel;

/// <summary>What a worksheet cell holds, as it is stored in the file.</summary>
internal enum SheetCellKind
{
    /// <summary>No value.</summary>
    Empty,

    /// <summary>Text (a shared, inline or formula string).</summary>
    Text,

    /// <summary>A number (a date when its number format is a date format).</summary>
    Number,

    /// <summary>TRUE or FALSE.</summary>
    Boolean,

    /// <summary>An error value such as <c>#N/A</c> or <c>#DIV/0!</c>.</summary>
    Error,

    /// <summary>A formula whose value is not saved in the file.</summary>
    UncachedFormula,
}

/// <summary>One cell of a worksheet row as stored: its kind, its text or number, and whether its number format shows a date.</summary>
/// <param name="Kind">What it holds.</param>
/// <param name="Text">The text (of a text, error or uncached-formula cell: the error value or the formula), else <see langword="null"/>.</param>
/// <param name="Number">The number (of a number or boolean cell: 1 for TRUE).</param>
/// <param name="IsDate">Whether the cell's number format is a date or time format (Excel stores dates as serial numbers).</param>
internal readonly record struct SheetCell(SheetCellKind Kind, string? Text, double Number, bool IsDate)
{
    /// <summary>The first serial number after Excel's phantom 1900-02-29 (serial 60): from 61 on, serials count days from 1899-12-30.</summary>
    private const double FirstRegularSerial = 61;

    /// <summary>Gets the cell as the text a CSV file would hold for a column of value type <paramref name="valueType"/>.</summary>
    /// <param name="valueType">The column's value type (<see cref="LocalDate"/>, <see cref="Instant"/>, <see cref="Kam.Core.Percentage"/>, ...).</param>
    /// <param name="date1904">Whether the workbook counts serial dates from 1904-01-01 (the old Mac setting).</param>
    /// <returns>The text, or <see langword="null"/> for an empty cell.</returns>
    /// <remarks>
    /// A number in a date column is a serial date (a whole number: a time of day makes it an instant, which a date column
    /// refuses); in an instant column a serial date and time in UTC; in a percentage column a fraction (0.225 is 22.5%, as
    /// Excel stores a cell typed <c>22.5%</c>). A date-formatted number in any other column reads as its ISO date; any
    /// other number as its shortest invariant decimal (Excel keeps 15 significant digits). TRUE and FALSE read as yes and no.
    /// </remarks>
    public string? AsText(Type valueType, bool date1904)
    {
        switch (Kind)
        {
            case SheetCellKind.Empty:
                return null;
            case SheetCellKind.Boolean:
                return Number != 0 ? "yes" : "no";
            case SheetCellKind.Number:
                if (valueType == typeof(LocalDate) || valueType == typeof(Instant) || (IsDate && valueType != typeof(Kam.Core.Percentage)))
                {
                    return SerialText(valueType == typeof(Instant), date1904) ?? NumberText(Number);
                }

                return valueType == typeof(Kam.Core.Percentage) ? NumberText(Number * 100) + "%" : NumberText(Number);
            default:
                return Text;
        }
    }

    /// <summary>Gets the cell's value as stored, for a message or a fingerprint: the text, the number (invariant), TRUE/FALSE.</summary>
    /// <returns>The raw text, empty for an empty cell.</returns>
    public string Raw() => Kind switch
    {
        SheetCellKind.Number => NumberText(Number),
        SheetCellKind.Boolean => Number != 0 ? "TRUE" : "FALSE",
        _ => Text ?? string.Empty,
    };

    /// <summary>A number as the shortest invariant decimal text (at most 15 significant digits, as Excel shows it).</summary>
    internal static string NumberText(double number)
    {
        if (!double.IsFinite(number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        var rounded = double.Parse(number.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return Math.Abs(rounded) < 7.9e28
            ? ((decimal)rounded).ToString(CultureInfo.InvariantCulture)
            : rounded.ToString("R", CultureInfo.InvariantCulture);
    }

    // A serial date as ISO text: the day (yyyy-MM-dd) when it is whole and no instant is wanted, else the UTC instant
    // (to the second); null when the serial is outside the dates a workbook can hold.
    private string? SerialText(bool instant, bool date1904)
    {
        var serial = Number;
        if (!double.IsFinite(serial) || serial < 0 || serial >= 2958466)
        {
            return null;
        }

        if (!date1904 && serial < FirstRegularSerial)
        {
            if (Math.Floor(serial) == 60)
            {
                return "1900-02-29"; // Excel's phantom leap day: refused by the date parser, with the cell named
            }

            serial += 1; // before the phantom day, serial 1 is 1900-01-01
        }

        var epoch = date1904 ? new DateTime(1904, 1, 1, 0, 0, 0, DateTimeKind.Utc) : new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Utc);
        var ticks = (long)Math.Round(serial * TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond;
        var at = epoch.AddTicks(ticks);
        return !instant && at.TimeOfDay == TimeSpan.Zero
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : at.ToString(instant ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
