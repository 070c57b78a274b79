namespace Kam.Core.Value.Summaries;

/// <summary>Conversions between days and a <see cref="SummaryTimeUnit"/>.</summary>
internal static class SummaryTimeUnitExtensions
{
    /// <summary>Gets the length of one unit in days (1, 7 or 30.4375).</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The number of days in one unit.</returns>
    /// <exception cref="KamValidationException">The unit is not a defined value.</exception>
    public static double DaysPerUnit(this SummaryTimeUnit unit) => unit switch
    {
        SummaryTimeUnit.Days => 1d,
        SummaryTimeUnit.Weeks => 7d,
        SummaryTimeUnit.Months => 365.25d / 12d,
        _ => throw new KamValidationException([new KamValidationError("unit", KamErrorCodes.OutOfRange, unit.ToString(), "Not a defined time unit.")]),
    };

    /// <summary>Converts a number of days to the unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="days">The number of days.</param>
    /// <returns>The length in units.</returns>
    /// <exception cref="KamValidationException">The unit is not a defined value.</exception>
    public static double FromDays(this SummaryTimeUnit unit, long days) => days / unit.DaysPerUnit();
}
