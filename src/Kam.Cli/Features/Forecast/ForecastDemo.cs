using System.Globalization;
using Kam.Cli.Features.Shared;

namespace Kam.Cli.Features.Forecast;

/// <summary>The forecast part of <c>kam demo</c>: a few lines of what <c>kam forecast</c> prints in full.</summary>
internal static class ForecastDemo
{
    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    /// <param name="result">The forecast of the sample as of its last day.</param>
    public static void Write(DemoContext demo, ForecastResult result)
    {
        var output = demo.Output;
        demo.Heading("Forecast — bookings as a distribution, stage probabilities against history, accuracy (kam forecast)");
        if (result.Distributions.Count > 1)
        {
            var next = result.Distributions[1];
            var d = next.Distribution;
            output.WriteLine(Invariant($"{next.Period} (next quarter): {next.Opportunities.Count} open opportunities worth {d.Total.Amount:N0}; mean (the weighted forecast) {d.PointForecast.Amount:N0}, P10 {d.P10.Amount:N0}, P50 {d.P50.Amount:N0}, P90 {d.P90.Amount:N0}."));
        }

        var history = result.History;
        if (history.HasEvidence)
        {
            var stage1 = result.Learned.Stages[0];
            output.WriteLine(Invariant($"Stage probabilities: {history.Closed} closed opportunities ({history.Won} won), Brier score {history.Brier:0.0000}; of those that completed stage 1, {Pct(stage1.Observed, "0")} were won (playbook {stage1.Prior.Percent:0}%, learned {Pct(stage1.Posterior, "0.0")})."));
        }
        else
        {
            output.WriteLine("Stage probabilities: no closed opportunity, no evidence; the playbook's probabilities are kept.");
        }

        var track = result.Track;
        if (track.Periods.Count > 0)
        {
            var last = track.Periods[^1];
            var horizon = track.Horizons[^1];
            var row = track.Rows(horizon).First(r => r.Period == last);
            var slipped = track.Slippage().FirstOrDefault(s => s.Period == last);
            var ape = row.AbsolutePercentageError is { } e ? ", " + Pct(e, "0") + " of booked" : string.Empty;
            output.WriteLine(Invariant($"Last quarter {last}: forecast {horizon} days before its end {row.Forecast.Amount:N0}, booked {row.Booked.Amount:N0}, error {row.Error.Amount:N0}{ape}; {slipped?.SlippedOut ?? 0} expected closes slipped out of it (MAPE at {horizon} days over {track.Periods.Count} quarters: {(track.Score(horizon).Mape is { } m ? Pct(m, "0") : "n/a")})."));
        }

        if (demo.Report is { } report)
        {
            foreach (var section in ForecastViews.ReportSections(result, ForecastViews.Tables(result)))
            {
                report.Add(section);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // 0.1234 → 12% ("0") or 12.3% ("0.0"); n/a for no value.
    private static string Pct(double? fraction, string format) =>
        fraction is { } f ? (f * 100d).ToString(format, CultureInfo.InvariantCulture) + "%" : "n/a";
}
