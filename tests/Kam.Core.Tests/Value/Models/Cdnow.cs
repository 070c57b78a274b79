using System.Globalization;
using Kam.Core.Value.Summaries;

namespace Kam.Core.Tests.Value.Models;

/// <summary>Reads the published CDNOW calibration summary (ID, x, t_x, T, zbar; weeks) from shared/data.</summary>
internal static class Cdnow
{
    public static IReadOnlyList<CustomerSummary> Summary()
    {
        var path = SharedData.RequireFile("cdnow/cdnow_customers_summary_with_transactions.csv");
        return [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var f = line.Split(',');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            return new CustomerSummary(f[0], D(1), D(2), D(3), D(4), (int)D(1) + 1);
        })];
    }
}
