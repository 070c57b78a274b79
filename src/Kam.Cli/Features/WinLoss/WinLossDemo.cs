using System.Globalization;
using Kam.Cli.Features.Shared;

namespace Kam.Cli.Features.WinLoss;

/// <summary>The win/loss part of <c>kam demo</c>: a few lines of what <c>kam winloss</c> prints in full.</summary>
internal static class WinLossDemo
{
    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    /// <param name="result">The win/loss analysis of the sample as of its last day.</param>
    public static void Write(DemoContext demo, WinLossResult result)
    {
        var output = demo.Output;
        var summary = result.Summary;
        var total = summary.Total;
        demo.Heading("Win/loss — why opportunities are won, lost and abandoned (kam winloss)");
        output.WriteLine(Invariant($"{total.Closed} closed by {result.AsOf:yyyy-MM-dd}: {total.Won} won, {total.Lost} lost, {total.Abandoned} abandoned; win rate {Pct(total.WinRate)} by count, {Pct(total.WinRateByValue)} by value; median cycle {Days(total.MedianCycleDays)} days."));
        var reasons = summary.ByReason.Where(r => r.Figures.Lost > 0).OrderByDescending(r => r.Figures.LostValue.Amount).Take(3)
            .Select(r => Invariant($"{r.Key ?? "(no code)"} {r.Figures.Lost} worth {r.Figures.LostValue.Amount:N0}")).ToArray();
        if (reasons.Length > 0)
        {
            output.WriteLine("Costliest loss reasons: " + string.Join("; ", reasons) + ".");
        }

        var competitors = summary.ByCompetitor.Where(r => r.Key is not null).OrderByDescending(r => r.Figures.LostValue.Amount).Take(3)
            .Select(r => Invariant($"{r.Key} won {r.Figures.Lost} worth {r.Figures.LostValue.Amount:N0}")).ToArray();
        if (competitors.Length > 0)
        {
            output.WriteLine("Competitors: " + string.Join("; ", competitors) + ".");
        }

        var periods = summary.ByPeriod;
        if (periods.Count >= 2)
        {
            var (before, last) = (periods[^2], periods[^1]);
            var change = last.WinRateChange is { } c ? Invariant($" ({c * 100m:+0.#;-0.#;0} points)") : string.Empty;
            output.WriteLine(Invariant($"Trend: {before.Period} {Pct(before.Figures.WinRate)} of {before.Figures.Closed} closed, {last.Period} {Pct(last.Figures.WinRate)} of {last.Figures.Closed}{change}."));
        }

        if (demo.Report is { } report)
        {
            foreach (var section in WinLossViews.ReportSections(result, WinLossViews.Tables(result)))
            {
                report.Add(section);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Pct(Kam.Core.Ratio? rate) => rate is { } r ? Invariant($"{r.Percent:0.#}%") : "n/a";

    private static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "n/a";
}
