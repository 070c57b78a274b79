using System.Globalization;
using NodaTime;

namespace Kam.Cli.Features.Shared;

/// <summary>
/// Warns when the day a command counts to (its as-of day, given or taken from the file) lies in the future of the
/// data: more than <see cref="SlackDays"/> days after the latest date in the file, or after today's date (the CLI
/// reads the clock; the library never does). Such a day is usually a typo or a stray date (a last_order in 2099)
/// that silently moves every recency and age.
/// </summary>
internal static class AsOfWarnings
{
    /// <summary>How many days the as-of day may pass the latest date of the file without a warning.</summary>
    public const int SlackDays = 7;

    /// <summary>Gets the warning lines (each starting <c>kam: warning: </c>) for an as-of day.</summary>
    /// <param name="asOf">The as-of day.</param>
    /// <param name="option">The option that sets it (e.g. <c>--as-of</c>), named in the message.</param>
    /// <param name="given">Whether the option was given (otherwise the day was taken from the file).</param>
    /// <param name="latest">The latest date in the file, or <see langword="null"/> when it has none.</param>
    /// <param name="file">The file, for the message.</param>
    /// <param name="today">Today's date (the local clock), or <see langword="null"/> to read it.</param>
    /// <returns>The warnings, none when the day is plausible.</returns>
    public static IEnumerable<string> For(LocalDate asOf, string option, bool given, LocalDate? latest, string file, LocalDate? today = null)
    {
        var now = today ?? LocalDate.FromDateTime(DateTime.Now);
        var how = given ? $"{option} {Day(asOf)}" : $"the as-of day {Day(asOf)} (the latest date in {file}; set it with {option})";
        if (asOf > now)
        {
            yield return $"kam: warning: {how} is after today ({Day(now)}): the results are counted to a day that has not come yet; check the dates in {file}.";
        }

        if (given && latest is { } last && Period.Between(last, asOf, PeriodUnits.Days).Days > SlackDays)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"kam: warning: {how} is {Period.Between(last, asOf, PeriodUnits.Days).Days} days after the latest date in {file} ({Day(last)}): anything after {Day(last)} is missing from the file, and the results are counted to {Day(asOf)}.");
        }
    }

    private static string Day(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
