using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core.Stages;
using Kam.Core.Stages.Forecasting;

namespace Kam.Cli.Features.Forecast;

/// <summary>The tables and report sections of <c>kam forecast</c>: the distribution, the calibration and the accuracy history.</summary>
internal static class ForecastViews
{
    private const string Amount = "N0";
    private const string Percent = "0.#'%'";

    /// <summary>What the fan chart means to a sales director (the report's text under it).</summary>
    public const string FanText = "The shaded band runs from P10 to P90: eight times in ten, bookings land inside it (one in ten below P10, one in ten above P90). A narrow band means the number rests on many independent deals; a wide one, on a few large deals (the spread table names them: inspect those before committing a number). The dots are the mean, the weighted forecast of kam pipeline; the dashes the median.";

    /// <summary>What the reliability diagram means (the report's text under it).</summary>
    public const string ReliabilityText = "Each point is a band of the win probability the closed opportunities held when they closed: across, the mean probability; up, the share that was won (the whisker is its 95% interval, n the count). On the dashed diagonal the probabilities are true; points below it mean the stage probabilities flatter the pipeline, points above that they undersell it. The learned probabilities in the table say by how much, stage by stage.";

    /// <summary>What the accuracy chart means (the report's text under it).</summary>
    public const string AccuracyText = "For each closed period, the forecast that was made 90, 60 and 30 days before its end next to what was booked. Bars above the booked one are optimism (positive bias), below it sandbagging (negative bias); the closer the 30-day bar, the better the team calls its quarter. MAPE, the mean absolute percentage error, is the number a sales leader is judged on.";

    /// <summary>Gets every table, in output order.</summary>
    /// <param name="result">The result.</param>
    /// <param name="by">The subject of the accuracy scores.</param>
    /// <param name="top">How many opportunities per period the spread table names.</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> Tables(ForecastResult result, ForecastBy by = ForecastBy.Owner, int top = 5) =>
    [
        Distribution(result), Spread(result, top), Calibration(result), WinRates(result), Reliability(result),
        Accuracy(result), Scores(result, by), Slippage(result), SlippageByOwner(result),
    ];

    /// <summary>Gets the distribution of each period's bookings.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Distribution(ForecastResult result)
    {
        var table = new ResultTable("distribution", $"Bookings by period of expected close as a distribution ({result.Currency}; mean = weighted forecast; P10: 90% chance of at least this{(result.UsesLearned ? "; learned probabilities" : string.Empty)})",
            ResultColumn.Text("period"), ResultColumn.Number("open"), ResultColumn.Number("value", Amount), ResultColumn.Number("mean", Amount),
            ResultColumn.Number("std_dev", Amount), ResultColumn.Number("p10", Amount), ResultColumn.Number("p50", Amount), ResultColumn.Number("p90", Amount),
            ResultColumn.Number("target", Amount), ResultColumn.Number("p_target_pct", Percent), ResultColumn.Number("grain", Amount));
        foreach (var row in result.Distributions)
        {
            var d = row.Distribution;
            table.Add(
                row.Period.ToString(), row.Opportunities.Count, Plain(d.Total.Amount), Plain(d.PointForecast.Amount), Round(d.StandardDeviation),
                Plain(d.P10.Amount), Plain(d.P50.Amount), Plain(d.P90.Amount),
                result.Target is { } t ? Plain(t.Amount) : null, result.Target is { } target ? Pct(d.ProbabilityOfAtLeast(target)) : null,
                Plain(decimal.Round(d.Grain.Amount, 2)));
        }

        return table;
    }

    /// <summary>Gets the opportunities that make each period's range wide.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">How many per period.</param>
    /// <returns>The table.</returns>
    public static ResultTable Spread(ForecastResult result, int top = 5)
    {
        var table = new ResultTable("spread", string.Create(CultureInfo.InvariantCulture, $"The {top} opportunities per period that make the range widest (share of the variance value² x p x (1 - p))"),
            ResultColumn.Text("period"), ResultColumn.Number("rank"), ResultColumn.Text("opportunity"), ResultColumn.Text("account"), ResultColumn.Text("owner"),
            ResultColumn.Number("value", Amount), ResultColumn.Number("probability_pct", Percent), ResultColumn.Number("std_dev", Amount), ResultColumn.Number("share_pct", Percent));
        foreach (var row in result.Distributions)
        {
            var byId = row.Opportunities.ToDictionary(o => o.Record.Id);
            var rank = 0;
            foreach (var c in row.Distribution.SpreadContributions.Where(c => c.Share > 0).Take(top))
            {
                var record = c.Opportunity is { } id && byId.TryGetValue(id, out var o) ? o.Record : null;
                table.Add(row.Period.ToString(), ++rank, c.Opportunity?.Value ?? c.Group, record?.Account.Value, record?.Owner.Value,
                    Plain(c.Value.Amount), Plain(c.Probability * 100m), Round(c.StandardDeviation), Pct(c.Share));
            }
        }

        return table;
    }

    /// <summary>Gets the calibration summary: the closed opportunities, their Brier score, and whether there is evidence.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Calibration(ForecastResult result)
    {
        var history = result.History;
        var table = new ResultTable("calibration", "Calibration of the probabilities held at close (Brier score: 0 is perfect, always saying 50% scores 0.25)",
            ResultColumn.Text("evidence"), ResultColumn.Number("closed"), ResultColumn.Number("won"), ResultColumn.Number("brier", "0.0000"), ResultColumn.Text("note"));
        table.Add(
            history.HasEvidence ? "yes" : "none",
            history.Closed,
            history.Won,
            history.Brier is { } b ? Math.Round(b, 4) : null,
            history.HasEvidence
                ? "learned = (won + s x playbook) / (reached + s), s = " + Svg.Compact(result.Learned.Stages[0].Strength)
                : "no closed opportunity: no evidence, the learned probabilities are the playbook's unchanged");
        return table;
    }

    /// <summary>Gets each stage's observed win rate with its interval, the playbook's and the learned probability.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable WinRates(ForecastResult result)
    {
        var table = new ResultTable("win_rates", "Stage probabilities against history (closed opportunities that completed each stage; 95% Wilson interval)",
            ResultColumn.Number("stage"), ResultColumn.Text("name"), ResultColumn.Number("reached"), ResultColumn.Number("won"),
            ResultColumn.Number("win_rate_pct", Percent), ResultColumn.Number("low_pct", Percent), ResultColumn.Number("high_pct", Percent),
            ResultColumn.Number("playbook_pct", Percent), ResultColumn.Number("learned_pct", Percent), ResultColumn.Number("evidence_weight_pct", Percent));
        var learned = result.Learned.ToTable();
        var rates = result.History.WinRates();
        for (var k = 0; k < rates.Count; k++)
        {
            var rate = rates[k];
            var stage = result.Learned.Stages[k];
            table.Add(rate.Stage.Number(), rate.Stage.EnglishName(), rate.Reached, rate.Won, rate.Rate is { } r ? Pct(r) : null, Pct(rate.Low), Pct(rate.High),
                Plain(stage.Prior.Percent), Plain(learned.Values[k].Percent), Pct(stage.EvidenceWeight));
        }

        return table;
    }

    /// <summary>Gets the reliability table by probability band.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Reliability(ForecastResult result)
    {
        var table = new ResultTable("reliability", "Reliability by band of the probability held at close (calibrated: observed near predicted)",
            ResultColumn.Text("band"), ResultColumn.Number("closed"), ResultColumn.Number("won"), ResultColumn.Number("predicted_pct", Percent),
            ResultColumn.Number("observed_pct", Percent), ResultColumn.Number("low_pct", Percent), ResultColumn.Number("high_pct", Percent));
        foreach (var row in result.History.Reliability())
        {
            table.Add(Band(row), row.Count, row.Won, row.MeanPredicted is { } p ? Pct(p) : null, row.ObservedRate is { } o ? Pct(o) : null,
                row.Count == 0 ? null : Pct(row.Low), row.Count == 0 ? null : Pct(row.High));
        }

        return table;
    }

    /// <summary>Gets the forecast at each horizon against what was booked, per measured period.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Accuracy(ForecastResult result)
    {
        var track = result.Track;
        var table = new ResultTable("accuracy", $"Forecast accuracy: the forecast made at each horizon before the period's end against what was booked ({result.Currency}; error = forecast - booked)",
            ResultColumn.Text("period"), ResultColumn.Number("horizon_days"), ResultColumn.Number("forecast", Amount), ResultColumn.Number("booked", Amount),
            ResultColumn.Number("error", Amount), ResultColumn.Number("ape_pct", Percent));
        foreach (var period in track.Periods)
        {
            foreach (var horizon in track.Horizons)
            {
                var row = track.Rows(horizon).First(r => r.Period == period);
                table.Add(period.ToString(), horizon, Plain(row.Forecast.Amount), Plain(row.Booked.Amount), Plain(row.Error.Amount), row.AbsolutePercentageError is { } e ? Pct(e) : null);
            }
        }

        return table;
    }

    /// <summary>Gets the scores per horizon: for everything, then per subject (owner, account or unit).</summary>
    /// <param name="result">The result.</param>
    /// <param name="by">The subject.</param>
    /// <returns>The table.</returns>
    public static ResultTable Scores(ForecastResult result, ForecastBy by = ForecastBy.Owner)
    {
        var track = result.Track;
        var subject = by switch { ForecastBy.Account => "account", ForecastBy.Unit => "unit", _ => "owner" };
        var table = new ResultTable("accuracy_scores", string.Create(CultureInfo.InvariantCulture, $"Accuracy per horizon over the {track.Periods.Count} measured periods, in all and per {subject} (bias = mean error; MAPE over periods with bookings)"),
            ResultColumn.Text("by"), ResultColumn.Text("subject"), ResultColumn.Number("horizon_days"), ResultColumn.Number("periods_with_bookings"),
            ResultColumn.Number("bias", Amount), ResultColumn.Number("mae", Amount), ResultColumn.Number("mape_pct", Percent));
        void Add(string kind, string name, AccuracyScore score) =>
            table.Add(kind, name, score.HorizonDays, score.PeriodsWithBookings, Plain(decimal.Round(score.Bias.Amount, 2)), Plain(decimal.Round(score.MeanAbsoluteError.Amount, 2)), score.Mape is { } m ? Pct(m) : null);
        foreach (var horizon in track.Horizons)
        {
            Add("all", string.Empty, track.Score(horizon));
        }

        switch (by)
        {
            case ForecastBy.Account:
                foreach (var account in track.Accounts)
                {
                    foreach (var horizon in track.Horizons)
                    {
                        Add(subject, account.Value, track.Score(horizon, account: account));
                    }
                }

                break;
            case ForecastBy.Unit when result.Hierarchy is { } hierarchy:
                foreach (var unit in hierarchy.Organization.Units)
                {
                    var scores = track.Horizons.Select(h => track.UnitScore(h, unit.Id, hierarchy)).ToArray();
                    var rows = track.Horizons.Select(h => track.UnitRows(h, unit.Id, hierarchy)).ToArray();
                    if (rows.Any(r => r.Any(x => x.Forecast.Amount != 0m || x.Booked.Amount != 0m)))
                    {
                        foreach (var score in scores)
                        {
                            Add(subject, unit.Id.Value, score);
                        }
                    }
                }

                break;
            default:
                foreach (var owner in track.Owners)
                {
                    foreach (var horizon in track.Horizons)
                    {
                        Add(subject, owner.Value, track.Score(horizon, owner: owner));
                    }
                }

                break;
        }

        return table;
    }

    /// <summary>Gets the expected-close moves out of and into each period.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Slippage(ForecastResult result)
    {
        var table = new ResultTable("slippage", $"Slippage: expected closes moved out of each period to a later one, and pulled in from a later one ({result.Currency})",
            [ResultColumn.Text("period"), .. SlipColumns()]);
        foreach (var row in result.Track.Slippage())
        {
            table.Add([row.Period!.Value.ToString(), .. Slips(row)]);
        }

        return table;
    }

    /// <summary>Gets the expected-close moves per owner, the owners who slip most first.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable SlippageByOwner(ForecastResult result)
    {
        var table = new ResultTable("slippage_by_owner", $"Slippage per salesperson, who slips most first ({result.Currency})",
            [ResultColumn.Text("owner"), .. SlipColumns()]);
        foreach (var row in result.Track.SlippageByOwner())
        {
            table.Add([row.Owner!.Value.Value, .. Slips(row)]);
        }

        return table;
    }

    /// <summary>Gets the fan chart of the periods shown.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The chart.</returns>
    public static Chart Fan(ForecastResult result)
    {
        var d = result.Distributions;
        return FanChart.Render(new FanChartData(
            "Bookings by period of expected close: mean and P10-P90 range",
            d.Select(p => p.Period.ToString()).ToArray(),
            d.Select(p => (double)p.Distribution.PointForecast.Amount).ToArray(),
            d.Select(p => (double)p.Distribution.P10.Amount).ToArray(),
            d.Select(p => (double)p.Distribution.P50.Amount).ToArray(),
            d.Select(p => (double)p.Distribution.P90.Amount).ToArray(),
            result.Currency.ToString(),
            result.Target is { } t ? (double)t.Amount : null));
    }

    /// <summary>Gets the reliability diagram.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The chart.</returns>
    public static Chart ReliabilityDiagram(ForecastResult result) => ReliabilityChart.Render(new ReliabilityChartData(
        "Reliability: predicted win probability against observed win rate",
        result.History.Reliability().Where(r => r.Count > 0)
            .Select(r => new ReliabilityPoint(Band(r), r.MeanPredicted ?? 0d, r.ObservedRate ?? 0d, r.Low, r.High, r.Count)).ToArray()));

    /// <summary>Gets the accuracy chart: per measured period the forecast at each horizon and what was booked.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The chart.</returns>
    public static Chart AccuracyChart(ForecastResult result)
    {
        var track = result.Track;
        var series = track.Horizons
            .Select(h => new ChartSeries(string.Create(CultureInfo.InvariantCulture, $"forecast {h} days before"), track.Rows(h).Select(r => (double)r.Forecast.Amount).ToArray()))
            .Append(new ChartSeries("booked", track.Periods.Select(p => (double)track.Rows(track.Horizons[0]).First(r => r.Period == p).Booked.Amount).ToArray()))
            .ToArray();
        return BarChart.Render(new BarChartData("Forecast at each horizon against booked, per period", track.Periods.Select(p => p.ToString()).ToArray(), series, result.Currency.ToString()));
    }

    /// <summary>Gets the report sections: the distribution with the fan chart, the calibration with the reliability diagram, the accuracy history with its chart.</summary>
    /// <param name="result">The result.</param>
    /// <param name="tables">The tables (of <see cref="Tables"/>), by name.</param>
    /// <returns>The sections.</returns>
    public static IReadOnlyList<ReportSection> ReportSections(ForecastResult result, IReadOnlyList<ResultTable> tables)
    {
        ResultTable Table(string name) => tables.First(t => t.Name == name);
        var distribution = new ReportSection("forecast-range", "Bookings as a distribution", "Each open opportunity is won with its earned probability, independently of the others; the distribution of the period's bookings is computed exactly on a grid of money.")
            .Add(Fan(result)).AddParagraph(FanText).Add(Table("distribution")).Add(Table("spread"));
        var calibration = new ReportSection("forecast-calibration", "Stage probabilities against history", result.History.HasEvidence
                ? string.Create(CultureInfo.InvariantCulture, $"{result.History.Closed} closed opportunities ({result.History.Won} won); Brier score {result.History.Brier:0.0000}.")
                : "No closed opportunity: there is no evidence yet, and the learned probabilities are the playbook's unchanged.")
            .Add(ReliabilityDiagram(result)).AddParagraph(ReliabilityText).Add(Table("calibration")).Add(Table("win_rates")).Add(Table("reliability"));
        var accuracy = new ReportSection("forecast-accuracy", "Forecast accuracy over time", "The forecasts the same data would have given at fixed horizons before each closed period's end, replayed event by event, against what was booked.")
            .Add(AccuracyChart(result)).AddParagraph(AccuracyText).Add(Table("accuracy")).Add(Table("accuracy_scores")).Add(Table("slippage")).Add(Table("slippage_by_owner"));
        return [distribution, calibration, accuracy];
    }

    private static ResultColumn[] SlipColumns() =>
    [
        ResultColumn.Number("slipped_out"), ResultColumn.Number("slipped_out_value", Amount), ResultColumn.Number("pulled_in"), ResultColumn.Number("pulled_in_value", Amount),
    ];

    private static object?[] Slips(SlippageRow row) => [row.SlippedOut, Plain(row.SlippedOutValue.Amount), row.PulledIn, Plain(row.PulledInValue.Amount)];

    private static string Band(ReliabilityRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"{row.From.Percent:0}%–{row.To.Percent:0}%");

    // 10.00 → 10: amounts without the trailing zeros of decimal arithmetic.
    private static decimal? Plain(decimal? value) => value / 1.0000000000000000000000000000m;

    private static decimal Round(double value) => (decimal)Math.Round(value, 2);

    private static decimal Pct(double fraction) => (decimal)Math.Round(fraction * 100d, 2);
}
