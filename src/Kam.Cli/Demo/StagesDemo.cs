using System.Globalization;
using Kam.Cli.Output;
using Kam.Core;
using Kam.Core.Stages;
using NodaTime;

namespace Kam.Cli.Demo;

/// <summary>
/// The stage machine on an embedded sample: the seed's 28 projects of 3 salespeople (6/5/5/4/3/2/2/1 over stages
/// 1..8, 000…txt:2655), built from events, plus a few closed ones; prints progress, pipeline, anomalies and forecast.
/// </summary>
internal static class StagesDemo
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 1, 1, 0);
    private static readonly Instant AsOf = Instant.FromUtc(2026, 5, 15, 0, 0);
    private static readonly PersonId[] Reps = [PersonId.Parse("zhang.wei"), PersonId.Parse("li.na"), PersonId.Parse("wang.qiang")];

    public static void Write(TextWriter output)
    {
        var playbook = Playbook.Default;
        var analyzer = new PipelineAnalyzer(new StagesOptions(), FiscalCalendar.Calendar, Currency.CNY);
        var opportunities = Sample(playbook);
        var states = opportunities.Select(o => o.State).ToArray();
        var summary = analyzer.Summarize(states, AsOf);

        output.WriteLine(Invariant($"Stages — the seed's 28 projects of 3 salespeople, as of {AsOf.InUtc().Date:yyyy-MM-dd}"));
        output.WriteLine();
        WriteProgress(output, analyzer, states.Where(s => s.Id.Value is "P-003" or "P-008" or "P-019" or "P-024" or "P-027"));
        WritePipeline(output, summary);
        WriteAnomalies(output, summary);
        WriteForecast(output, summary);
    }

    private static void WriteProgress(TextWriter output, PipelineAnalyzer analyzer, IEnumerable<OpportunityState> states)
    {
        output.WriteLine("Progress of a few projects (entered stage, completed stage, probability band, next required items):");
        var table = new TextTable("project", "owner", "stage", "completed", "band", "funnel", "days>", "vs customer", "next required");
        foreach (var state in states)
        {
            var view = analyzer.Progress(state, AsOf);
            table.Add(
                view.Opportunity,
                view.Owner,
                view.Stage is { } s ? Invariant($"{s.Number()} {s.ChineseName()}") : "-",
                view.CompletedStage is { } c ? c.Number() : "-",
                view.Band,
                view.Funnel.ChineseName(),
                view.DaysInStage,
                view.Progress.Alignment,
                string.Join("、", view.NextRequiredItems.Select(i => i.ChineseName)));
        }

        table.Write(output);
        output.WriteLine();
    }

    private static void WritePipeline(TextWriter output, DealControlSummary summary)
    {
        output.WriteLine("Pipeline by stage (open projects; weighted = value x earned probability):");
        var table = new TextTable(["#>", "stage", "band", "projects>", "value>", "weighted>", .. summary.Owners.Select(o => o.Value + ">")]);
        foreach (var row in summary.ByStage().Where(r => r.Stage is not null))
        {
            var stage = row.Stage!.Value;
            var band = new ProbabilityBand(stage == SalesStage.AccountPlanning ? Percentage.Zero : Playbook.Default.Probabilities[stage - 1], Playbook.Default.Probabilities[stage]);
            object?[] cells = [stage.Number(), stage.ChineseName(), band, row.Figures.Count, Amount(row.Figures.Value), Amount(row.Figures.Weighted)];
            table.Add([.. cells, .. summary.Owners.Select(o => (object?)summary.ByStage(o)[stage.Number()].Figures.Count)]);
        }

        table.Write(output);
        output.WriteLine();
        var funnel = new TextTable("funnel state", "projects>", "value>", "weighted>");
        foreach (var row in summary.ByFunnel())
        {
            funnel.Add(row.Funnel.ChineseName(), row.Figures.Count, Amount(row.Figures.Value), Amount(row.Figures.Weighted));
        }

        funnel.Write(output);
        output.WriteLine();
    }

    private static void WriteAnomalies(TextWriter output, DealControlSummary summary)
    {
        output.WriteLine("Anomalies (异常):");
        var table = new TextTable("code", "project", "owner", "why");
        foreach (var anomaly in summary.Anomalies)
        {
            table.Add(anomaly.Code, anomaly.Opportunity?.Value ?? "(pipeline)", anomaly.Owner, anomaly.Reason);
        }

        table.Write(output);
        output.WriteLine();
    }

    private static void WriteForecast(TextWriter output, DealControlSummary summary)
    {
        output.WriteLine("Forecast by quarter of expected close (commit: earned >= 75%; best case: band reaches >= 50%):");
        var table = new TextTable("quarter", "projects>", "value>", "weighted>", "commit>", "best case>");
        foreach (var row in summary.Forecast())
        {
            table.Add(row.Period, row.Figures.Count, Amount(row.Figures.Value), Amount(row.Figures.Weighted), Amount(row.Figures.Commit), Amount(row.Figures.BestCase));
        }

        table.Write(output);
        var conversion = summary.Conversion;
        output.WriteLine(Invariant($"Closed: {conversion.Closed} ({conversion.Won} won); stage 1 -> 2 conversion {conversion.Stages[0].ConversionToNext?.ToString("0", CultureInfo.InvariantCulture) ?? "n/a"}."));
        output.WriteLine();
    }

    /// <summary>Builds the sample from events: project n is brought to its stage one item a day.</summary>
    private static List<Opportunity> Sample(Playbook playbook)
    {
        int[] distribution = [6, 5, 5, 4, 3, 2, 2, 1];
        var result = new List<Opportunity>();
        var n = 0;
        for (var stage = 1; stage <= distribution.Length; stage++)
        {
            for (var i = 0; i < distribution[stage - 1]; i++)
            {
                n++;
                var owner = Reps[n % Reps.Length];
                var events = new List<OpportunityEvent>();
                var at = n == 3 ? Start.Minus(Duration.FromDays(60)) : Start.Plus(Duration.FromDays(n)); // P-003: an old lead
                events.Add(new OpportunityOpened(at, owner, OpportunityId.Parse(Invariant($"P-{n:000}")), owner, Money.Of(100_000m * (1 + (n % 7)), "CNY"), new LocalDate(2026, 4 + (n % 9), 28)));
                void Add(Func<Instant, OpportunityEvent> make)
                {
                    at = at.Plus(Duration.FromDays(1));
                    events.Add(make(at));
                }

                for (var k = 1; k <= stage; k++)
                {
                    var skip = n == 19 && k == 3; // P-019 skipped stage 3
                    foreach (var item in playbook.ItemsOf((SalesStage)k, StageItemKind.Milestone).Where(item => item.Required && !skip))
                    {
                        Add(t => new MilestoneItemDone(t, owner, item.Key));
                    }

                    foreach (var item in playbook.ItemsOf((SalesStage)k, StageItemKind.SuccessCriterion).Where(item => item.Required && k < stage && !skip))
                    {
                        Add(t => new SuccessItemMet(t, owner, item.Key));
                    }
                }

                if (n == 8)
                {
                    Add(t => new ProcurementStageObserved(t, owner, ProcurementStage.SetCriteria)); // customer ahead of us
                }

                if (n == 24)
                {
                    Add(t => new ProcurementStageObserved(t, owner, ProcurementStage.ChoosePreferredSupplier));
                }

                if (n == 27)
                {
                    Add(t => new MilestoneItemUndone(t, owner, "s7.terms-negotiated")); // negotiation reopened …
                    Add(t => new MilestoneItemDone(t, owner, "s7.terms-negotiated"));   // … and settled again
                }

                result.Add(Opportunity.Replay(playbook, events));
            }
        }

        // Three closed projects feed the conversion statistics: two won after signing, one lost after screening.
        for (var c = 1; c <= 3; c++)
        {
            var owner = Reps[c % Reps.Length];
            var at = Start.Minus(Duration.FromDays(120));
            var events = new List<OpportunityEvent> { new OpportunityOpened(at, owner, OpportunityId.Parse(Invariant($"C-{c:000}")), owner, Money.Of(300_000m, "CNY"), new LocalDate(2026, 3, 31)) };
            var last = c < 3 ? SalesStage.ContractSigned : SalesStage.FormalSolutionDesign;
            foreach (var item in playbook.Items.Where(item => item.Required && item.Stage <= last))
            {
                at = at.Plus(Duration.FromDays(3));
                events.Add(item.Kind == StageItemKind.Milestone ? new MilestoneItemDone(at, owner, item.Key) : new SuccessItemMet(at, owner, item.Key));
            }

            at = at.Plus(Duration.FromDays(3));
            events.Add(c < 3 ? new OpportunityWon(at, owner) : new OpportunityLost(at, owner, "price"));
            result.Add(Opportunity.Replay(playbook, events));
        }

        return result;
    }

    private static string Amount(Money money) => money.Amount.ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
