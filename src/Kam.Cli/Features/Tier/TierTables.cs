using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;

namespace Kam.Cli.Features.Tier;

/// <summary>The result tables and the report section of a <see cref="TierAnalysis"/>: what <c>kam tier</c> prints and <c>kam demo</c> reuses.</summary>
internal static class TierTables
{
    /// <summary>Gets the tables <c>kam tier</c> writes: accounts, tier summary, near misses, and tier services when the policy attaches any.</summary>
    public static IReadOnlyList<ResultTable> All(TierAnalysis analysis)
    {
        var services = Services(analysis);
        List<ResultTable> tables = [Accounts(analysis), Tiers(analysis), NearMisses(analysis)];
        if (services.Rows.Count > 0)
        {
            tables.Add(services);
        }

        if (analysis.Receivables is not null)
        {
            tables.Add(Credit(analysis));
        }

        return tables;
    }

    /// <summary>
    /// The accounts the receivables flag as credit risks (<c>--invoices</c>, <c>--payments</c>), in file order: the
    /// credit-risk alerts, what is open and overdue, the credit limit, whether credit_ok already said so, and whether the
    /// account is a key account (the default gate keeps a credit risk out).
    /// </summary>
    /// <param name="analysis">The analysis, run with receivables.</param>
    /// <returns>The table (no rows without receivables).</returns>
    public static ResultTable Credit(TierAnalysis analysis)
    {
        var report = analysis.Receivables;
        var flagged = 0;
        foreach (var alert in analysis.CreditAlerts ?? [])
        {
            flagged += alert ? 1 : 0;
        }

        var title = report is null
            ? "Credit risks of the receivables"
            : string.Create(CultureInfo.InvariantCulture, $"Accounts the receivables flag as credit risks, as of {report.AsOf:yyyy-MM-dd}: {flagged:N0} with a {string.Join(" or ", report.Policy.CreditRiskAlerts)} alert (the credit gate reads them as credit_ok = no)");
        var table = new ResultTable("credit", title,
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("alerts"), ResultColumn.Number("open_balance", "N0"),
            ResultColumn.Number("overdue", "N0"), ResultColumn.Number("credit_limit", "N0"), ResultColumn.Number("oldest_days_past_due"),
            ResultColumn.Text("credit_ok"), ResultColumn.Text("key_account"));
        if (report is null || analysis.CreditAlerts is not { } alerts)
        {
            return table;
        }

        var risky = report.Policy.CreditRiskAlerts;
        for (var i = 0; i < alerts.Length; i++)
        {
            if (!alerts[i] || report.Find(analysis.Accounts.Ids[i]) is not { } account)
            {
                continue;
            }

            var kinds = string.Join(' ', account.Alerts.Where(a => risky.Contains(a.Kind)).Select(a => a.Kind.ToString()));
            table.Add(account.Account.Value, analysis.Accounts.Names[i], kinds, account.OpenBalance.Amount, account.Overdue.Amount, account.CreditLimit?.Amount,
                account.OldestDaysPastDue, analysis.Accounts.CreditOk[i], analysis.KeyAccounts.Of(i) is { } key ? key.TierRank == 0 : null); // booleans: yes/no in tables
        }

        return table;
    }

    /// <summary>The accounts the report's account table shows one by one (the largest by the ABC measure); the rest share one row.</summary>
    public const int ReportAccounts = 50;

    /// <summary>One row per account: ABC tier and shares, RFM scores and segment, scorecard, relationship stage, key account, and why.</summary>
    /// <remarks>The rows are computed when written (<see cref="ResultTable"/>'s computed rows): a million accounts are never held as cells.</remarks>
    public static ResultTable Accounts(TierAnalysis analysis) =>
        new("accounts", AccountsTitle(analysis), analysis.Accounts.Count, i => AccountRow(analysis, i), AccountColumns(analysis));

    /// <summary>
    /// The report's account table: the <see cref="ReportAccounts"/> largest accounts by the ABC measure (in ABC order;
    /// accounts ABC skipped come after, in file order) and one row totaling the revenue and contribution of the others.
    /// </summary>
    public static ResultTable TopAccounts(TierAnalysis analysis, int top = ReportAccounts)
    {
        var n = analysis.Accounts.Count;
        var order = new int[Math.Min(n, top)];
        var taken = 0;
        foreach (var i in analysis.Ranked)
        {
            if (taken == order.Length)
            {
                break;
            }

            order[taken++] = i;
        }

        for (var i = 0; i < n && taken < order.Length; i++)
        {
            if (analysis.Abc.Rows[i] < 0)
            {
                order[taken++] = i;
            }
        }

        var rest = n - order.Length;
        var title = rest == 0
            ? AccountsTitle(analysis)
            : string.Create(CultureInfo.InvariantCulture, $"The {order.Length} largest of {n:N0} accounts by {analysis.Options.Pareto.Measure}, and the other {rest:N0} in one row") + AccountsTitle(analysis)[8..];
        var table = new ResultTable("accounts", title, AccountColumns(analysis));
        foreach (var i in order)
        {
            table.Add(AccountRow(analysis, i));
        }

        if (rest > 0)
        {
            var shown = new HashSet<int>(order);
            var accounts = analysis.Accounts;
            var revenues = accounts.Revenue;
            decimal revenue = 0m, contribution = 0m;
            for (var i = 0; i < n; i++)
            {
                if (!shown.Contains(i))
                {
                    revenue += revenues[i];
                    contribution += accounts.ContributionAt(i);
                }
            }

            var cells = new object?[table.Columns.Count];
            cells[0] = string.Empty;
            cells[1] = string.Create(CultureInfo.InvariantCulture, $"the other {rest:N0} accounts");
            cells[2] = revenue;
            cells[3] = contribution;
            table.Add(cells);
        }

        return table;
    }

    private static string AccountsTitle(TierAnalysis analysis) =>
        $"Accounts (ABC by {analysis.Options.Pareto.Measure}; key accounts by {analysis.Options.Selection.ValueMeasure}, capacity {analysis.Options.Selection.Capacity})";

    private static ResultColumn[] AccountColumns(TierAnalysis analysis) =>
    [
        ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Number("revenue", "N0"), ResultColumn.Number("contribution", "N0"),
        ResultColumn.Text("abc_tier"), ResultColumn.Number("share_pct", "0.00"), ResultColumn.Number("cumulative_pct", "0.0"),
        ResultColumn.Number("r"), ResultColumn.Number("f"), ResultColumn.Number("m"), ResultColumn.Text("rfm_segment"),
        ResultColumn.Number("score", "0.00"), ResultColumn.Text("scorecard_tier"), ResultColumn.Text("relationship_stage"),
        ResultColumn.Text("key_account"), ResultColumn.Text("explanation"),
    ];

    // One account's row; each engine's assignment (and explanation) is built once.
    private static object?[] AccountRow(TierAnalysis analysis, int i)
    {
        var a = analysis.Accounts;
        var rfm = analysis.Rfm.Of(i);
        var card = analysis.Scorecard.Of(i);
        var key = analysis.KeyAccounts.Of(i);
        return
        [
            a.Ids[i].Value, a.Names[i], a.Revenue[i], a.ContributionAt(i),
            analysis.Abc.TierOf(i), Percent(analysis.Share[i]), Percent(analysis.CumulativeShare[i]),
            RfmScore(rfm, 0), RfmScore(rfm, 1), RfmScore(rfm, 2), rfm?.Tier,
            card is null ? null : Math.Round(card.Score, 4), card?.Tier, analysis.Relationship.TierOf(i),
            key is null ? null : key.TierRank == 0, // yes/no in tables and CSV, a boolean in JSON
            Explain(analysis, i, card, key),
        ];
    }

    /// <summary>Per engine and tier: accounts, value, and shares (skipped accounts on a line of their own).</summary>
    public static ResultTable Tiers(TierAnalysis analysis)
    {
        var table = new ResultTable("tiers", "Tiers per engine",
            ResultColumn.Text("engine"), ResultColumn.Text("tier"), ResultColumn.Number("accounts"), ResultColumn.Text("measure"),
            ResultColumn.Number("value", "N0"), ResultColumn.Number("value_share_pct", "0.0"), ResultColumn.Number("accounts_share_pct", "0.0"));
        foreach (var engine in analysis.Engines)
        {
            if (engine.Result is { } result)
            {
                var summary = result.Summary;
                var valued = summary.Currency is not null;
                foreach (var t in summary.Tiers)
                {
                    table.Add(engine.Engine, t.Tier, t.Accounts, summary.ValueMeasure, valued ? Math.Round((decimal)t.Value, 2) : null,
                        valued ? t.ShareOfValue.Percent : null, t.ShareOfAccounts.Percent);
                }
            }

            if (engine.Skipped > 0)
            {
                table.Add(engine.Engine, "(skipped)", engine.Skipped, "needs " + engine.Needs, null, null, null);
            }
        }

        return table;
    }

    /// <summary>The best-ranked accounts not selected as key accounts, and why.</summary>
    public static ResultTable NearMisses(TierAnalysis analysis)
    {
        var measure = analysis.Options.Selection.ValueMeasure;
        var table = new ResultTable("near_misses", $"Near misses of key-account selection (by {measure})",
            ResultColumn.Number("rank"), ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Number(measure, "N0"), ResultColumn.Text("reason"));
        var misses = analysis.Selection?.NearMisses ?? [];
        var names = misses.Select(m => m.AccountId).Distinct().ToDictionary(id => id, _ => string.Empty);
        var ids = analysis.Accounts.Ids;
        for (var i = 0; i < ids.Length && names.Count > 0; i++)
        {
            if (names.ContainsKey(ids[i]))
            {
                names[ids[i]] = analysis.Accounts.Names[i];
            }
        }

        foreach (var miss in misses)
        {
            table.Add(miss.Rank, miss.AccountId.Value, names[miss.AccountId], Math.Round((decimal)miss.Value, 2), miss.Reason);
        }

        return table;
    }

    /// <summary>What each tier receives, for the tiers the policy attaches services to, with the totals for the tier's accounts.</summary>
    public static ResultTable Services(TierAnalysis analysis)
    {
        var table = new ResultTable("services", "Tier services (what each tier receives)",
            ResultColumn.Text("engine"), ResultColumn.Text("tier"), ResultColumn.Number("accounts"), ResultColumn.Text("service_level"),
            ResultColumn.Number("team_size"), ResultColumn.Number("visits_per_year"), ResultColumn.Number("budget_per_account", "N0"),
            ResultColumn.Number("budget_total", "N0"), ResultColumn.Text("currency"));
        foreach (var engine in analysis.Engines.Where(e => e.Result is not null))
        {
            var result = engine.Result!;
            for (var t = 0; t < result.Tiers.Count; t++)
            {
                if (result.Tiers[t].Services is not { } s)
                {
                    continue;
                }

                var accounts = result.Summary.Tiers[t].Accounts;
                table.Add(engine.Engine, result.Tiers[t].Name, accounts, s.ServiceLevel, s.AccountTeamSize, s.VisitsPerYear,
                    s.InvestmentBudget?.Amount, s.InvestmentBudget is { } b ? b.Amount * accounts : null, s.InvestmentBudget?.Currency.Code);
            }
        }

        return table;
    }

    /// <summary>
    /// The report section: a Pareto chart of the ABC measure by account (negative values count as 0), a bar chart of
    /// accounts per tier for each engine that ran, the tier summary, the near misses and the accounts.
    /// </summary>
    public static ReportSection Report(TierAnalysis analysis)
    {
        var measure = analysis.Options.Pareto.Measure;
        var ranked = analysis.Ranked;
        var currency = analysis.Abc.Result?.Summary.Currency?.Code ?? string.Empty;
        var policy = analysis.Options.Pareto;
        var labels = new string[ranked.Length];
        var values = new double[ranked.Length];
        var ids = analysis.Accounts.Ids;
        for (var k = 0; k < ranked.Length; k++)
        {
            labels[k] = ids[ranked[k]].Value;
            values[k] = Math.Max(0d, analysis.Abc.ScoreOf(ranked[k])!.Value);
        }

        var pareto = new ParetoChartData(
            $"{measure} by account, highest first, with the cumulative share",
            labels,
            values,
            currency,
            policy.CutBasis == ParetoCutBasis.CumulativeValueShare ? (double)policy.ShareCuts[0].Fraction : null);
        var charts = analysis.Engines.Where(e => e.Result is not null && e != analysis.KeyAccounts)
            .Select(e => new BarChartData(
                $"Accounts per tier: {e.Engine}{(e.Engine == "ABC" ? $" by {measure}" : string.Empty)}",
                e.Result!.Summary.Tiers.Select(t => t.Tier).ToArray(),
                [new ChartSeries("accounts", e.Result.Summary.Tiers.Select(t => (double)t.Accounts).ToArray())],
                "accounts"))
            .ToArray();
        var section = KamReportSections.TierDistribution(pareto, charts.FirstOrDefault());
        foreach (var chart in charts.Skip(1))
        {
            section.Add(BarChart.Render(chart));
        }

        section.Add(Tiers(analysis)).Add(NearMisses(analysis));
        if (analysis.Receivables is not null)
        {
            section.Add(Credit(analysis));
        }

        return section.Add(TopAccounts(analysis));
    }

    /// <summary>A short reason for the account's row: skipped engines, scorecard caps, and the key-account decision.</summary>
    private static string Explain(TierAnalysis analysis, int i, TierAssignment? card, TierAssignment? key)
    {
        var parts = new List<string>(3);
        // An engine skipped for every account is reported once, in the tier summary; a partial skip on the account's row.
        foreach (var engine in analysis.Engines)
        {
            if (engine.Rows[i] < 0 && engine.Result is not null)
            {
                parts.Add($"{engine.Engine}: skipped, needs {engine.Needs}");
            }
        }

        if (card is not null)
        {
            var capped = card.Explanation.Gates.Where(g => g.Applied).Select(g => g.Criterion).ToArray();
            if (capped.Length > 0)
            {
                parts.Add($"{card.Tier}: capped by {string.Join(", ", capped)}");
            }
        }

        if (key is not null)
        {
            var measure = analysis.Options.Selection.ValueMeasure;
            var failed = key.Explanation.Gates.Where(g => !g.Passed).Select(g => g.Criterion).ToArray();
            var within = key.Explanation.Thresholds.FirstOrDefault(t => t.Quantity.StartsWith("rank", StringComparison.Ordinal));
            parts.Add(key.TierRank == 0
                ? string.Create(CultureInfo.InvariantCulture, $"key account: eligible rank {within?.Value:0} by {measure}")
                : failed.Length > 0
                    ? $"not key: failed gate {string.Join(", ", failed)}"
                    : key.Score <= 0d
                        ? $"not key: {measure} not positive"
                        : string.Create(CultureInfo.InvariantCulture, $"not key: eligible rank {within?.Value:0} > capacity {analysis.Options.Selection.Capacity}"));
        }

        return string.Join("; ", parts);
    }

    private static int? RfmScore(TierAssignment? rfm, int measure) => rfm is null ? null : (int)rfm.Explanation.Contributions[measure].Points;

    private static double? Percent(double? fraction) => fraction is { } f ? Math.Round(f * 100d, 4) : null;
}
