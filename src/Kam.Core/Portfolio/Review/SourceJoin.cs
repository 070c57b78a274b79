using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.LifetimeValue;

namespace Kam.Core.Portfolio.Review;

/// <summary>Builds the join rows of <see cref="AccountReviewSources"/>: one pass over each part, reporting duplicates to the collector. Each method returns the part's bit when the part is given.</summary>
internal sealed class SourceJoin(ValidationCollector errors)
{
    private readonly Dictionary<AccountId, AccountParts> _rows = [];

    public AccountParts Row(AccountId account)
    {
        if (!_rows.TryGetValue(account, out var row))
        {
            _rows[account] = row = new AccountParts();
        }

        return row;
    }

    public (AccountId[] Accounts, AccountParts[] Parts) Sorted()
    {
        var accounts = _rows.Keys.ToArray();
        Array.Sort(accounts);
        var parts = new AccountParts[accounts.Length];
        for (var i = 0; i < accounts.Length; i++)
        {
            parts[i] = _rows[accounts[i]];
        }

        return (accounts, parts);
    }

    public int Tiering(TieringResult? tiering)
    {
        if (tiering is null)
        {
            return 0;
        }

        var scores = tiering.Scores;
        var tiers = tiering.TierIndexes;
        for (var i = 0; i < tiering.Count; i++)
        {
            var row = Row(tiering.AccountAt(i));
            row.TierIndex = i;
            row.TierRank = tiers[i];
            row.TierScore = scores[i];
        }

        return Bit(ReviewPart.Tiering);
    }

    public int TierChanges(TierChangeReport? report)
    {
        if (report is null)
        {
            return 0;
        }

        foreach (var change in report.Changes)
        {
            if (change.Kind != TierChangeKind.Gone)
            {
                Row(change.AccountId).TierChange = change;
            }
        }

        return Bit(ReviewPart.TierChanges);
    }

    public int Attainment(IEnumerable<AttainmentLine>? lines)
    {
        if (lines is null)
        {
            return 0;
        }

        var i = 0;
        foreach (var line in lines)
        {
            var path = $"attainment[{i++}]";
            if (!errors.Required(path, line))
            {
                continue;
            }

            if (line.Subject.Account is not { } account)
            {
                errors.Add(path, KamErrorCodes.InvalidState, line.Subject.ToString(), "Give the lines of accounts (AttainmentReport.Accounts), not of units.");
                continue;
            }

            var row = Row(account);
            if (row.Attainment is not null)
            {
                errors.Add(path, KamErrorCodes.Duplicate, account, "The account has two attainment lines: give one measure and one period.");
                continue;
            }

            row.Attainment = line;
        }

        return Bit(ReviewPart.Attainment);
    }

    public int Plans(PlanCheckReport? report)
    {
        if (report is null)
        {
            return 0;
        }

        foreach (var finding in report.Findings)
        {
            (Row(finding.Account).PlanFindings ??= []).Add(finding);
        }

        return Bit(ReviewPart.Plans);
    }

    public int Pipeline(DealControlSummary? summary)
    {
        if (summary is null)
        {
            return 0;
        }

        foreach (var figures in summary.ByAccount())
        {
            Row(figures.Account).Pipeline = figures.Figures;
        }

        foreach (var anomaly in summary.Anomalies)
        {
            if (anomaly.Account is { } account)
            {
                (Row(account).Anomalies ??= []).Add(anomaly);
            }
        }

        return Bit(ReviewPart.Pipeline);
    }

    public int WinLoss(IReadOnlyDictionary<AccountId, WinLossSummary>? winLoss)
    {
        if (winLoss is null)
        {
            return 0;
        }

        foreach (var (account, summary) in winLoss)
        {
            if (errors.Required($"winLoss['{account}']", summary))
            {
                Row(account).WinLoss = summary.Total;
            }
        }

        return Bit(ReviewPart.WinLoss);
    }

    public int Profitability(IEnumerable<AccountProfitability>? accounts)
    {
        if (accounts is null)
        {
            return 0;
        }

        var i = 0;
        foreach (var a in accounts)
        {
            var path = $"profitability[{i++}]";
            if (!errors.Required(path, a))
            {
                continue;
            }

            var row = Row(a.Account);
            if (row.Profitability is not null)
            {
                errors.Add(path, KamErrorCodes.Duplicate, a.Account, "The account's profitability is given twice.");
                continue;
            }

            row.Profitability = a;
        }

        return Bit(ReviewPart.Profitability);
    }

    public int LifetimeValue(LifetimeValueReport? report)
    {
        if (report is null)
        {
            return 0;
        }

        var valued = new List<AccountParts>(report.Customers.Count);
        for (var i = 0; i < report.Customers.Count; i++)
        {
            var customer = report.Customers[i];
            var path = $"lifetimeValue.customers[{i}].customerId";
            if (!AccountId.TryParse(customer.CustomerId, out var account))
            {
                errors.Add(path, KamErrorCodes.InvalidFormat, customer.CustomerId, "The customer identifier is not an account identifier.");
                continue;
            }

            var row = Row(account);
            if (row.LifetimeValue is not null)
            {
                errors.Add(path, KamErrorCodes.Duplicate, customer.CustomerId, "The customer is listed twice.");
                continue;
            }

            row.LifetimeValue = customer;
            valued.Add(row);
        }

        Percentiles(valued);
        return Bit(ReviewPart.LifetimeValue);
    }

    public int Coverage(IEnumerable<CoverageReport>? reports)
    {
        if (reports is null)
        {
            return 0;
        }

        var i = 0;
        foreach (var report in reports)
        {
            var path = $"coverage[{i++}]";
            if (!errors.Required(path, report) || report.Opportunity is not null)
            {
                continue;
            }

            var row = Row(report.Account);
            if (row.Coverage is not null)
            {
                errors.Add(path, KamErrorCodes.Duplicate, report.Account, "The account's coverage is given twice.");
                continue;
            }

            row.Coverage = report;
        }

        return Bit(ReviewPart.Coverage);
    }

    public int Health(HealthReport? report) =>
        report is null ? 0 : Each(report.Accounts, a => a.Account, (row, a) => row.Health = a, ReviewPart.Health);

    public int Compliance(ComplianceReport? report) =>
        report is null ? 0 : Each(report.Accounts, a => a.Account, (row, a) => row.Compliance = a, ReviewPart.Compliance);

    public int Receivables(ReceivablesReport? report) =>
        report is null ? 0 : Each(report.Accounts, a => a.Account, (row, a) => row.Receivables = a, ReviewPart.Receivables);

    // A part whose report holds one line per account (unique by the engine's own construction): each line onto its row.
    private int Each<T>(IEnumerable<T> lines, Func<T, AccountId> account, Action<AccountParts, T> set, ReviewPart part)
    {
        foreach (var line in lines)
        {
            set(Row(account(line)), line);
        }

        return Bit(part);
    }

    private static int Bit(ReviewPart part) => 1 << (int)part;

    /// <summary>Sets each valued account's percentile: the share of valued accounts whose value is at most its own (ties share the highest), so the top account has 1.</summary>
    private static void Percentiles(List<AccountParts> valued)
    {
        var values = valued.Select(r => r.LifetimeValue!.LifetimeValue).ToArray();
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        for (var i = 0; i < valued.Count; i++)
        {
            var atMost = UpperBound(sorted, values[i]);
            valued[i].ClvPercentile = (double)atMost / sorted.Length;
        }
    }

    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
