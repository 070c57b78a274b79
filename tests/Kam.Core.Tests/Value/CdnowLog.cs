using System.Globalization;
using Kam.Core.Value.Summaries;
using NodaTime;
using NodaTime.Text;

namespace Kam.Core.Tests.Value;

/// <summary>Reads the CDNOW sample log and its published summary (the reading is the host's job, not the library's).</summary>
internal static class CdnowLog
{
    public static readonly LocalDate CalibrationEnd = new(1997, 9, 30);

    public static readonly LocalDate HoldoutEnd = new(1998, 6, 30);

    /// <summary>The sample log, keyed by the id used in the summary file (the second column, 1..2357).</summary>
    public static IReadOnlyList<Transaction> ReadSample()
    {
        var pattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
        return File.ReadLines(SharedData.RequireFile("cdnow/CDNOW_sample.txt"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length == 5)
            .Select(cells => new Transaction(
                int.Parse(cells[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                pattern.Parse(cells[2]).Value,
                decimal.Parse(cells[4], CultureInfo.InvariantCulture)))
            .ToList();
    }

    public static IReadOnlyList<(string Id, int X, double Tx, double T, double Zbar)> ReadPublishedSummary() =>
        File.ReadLines(SharedData.RequireFile("cdnow/cdnow_customers_summary_with_transactions.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(c => (c[0], int.Parse(c[1], CultureInfo.InvariantCulture), Parse(c[2]), Parse(c[3]), Parse(c[4])))
            .ToList();

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
