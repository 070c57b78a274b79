using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;
using Kam.Core;
using Kam.Core.Portfolio.Receivables;

namespace Kam.Cli.Features.Receivables;

/// <summary>The tables and report sections of <c>kam receivables</c>: the accounts, the roll-up, the alerts, the ageing and exposure charts.</summary>
internal static class ReceivablesViews
{
    /// <summary>The most accounts a chart draws one by one.</summary>
    public const int ChartedAccounts = 20;

    private const string Amount = "N0";
    private const string Percent = "0.#'%'";

    /// <summary>What the ageing chart means (the report's text under it).</summary>
    public const string AgeingText = "Each bar is what one account owes as of the day, split by how late it is: the first part is not yet due, the others are past their due date by the days shown. A tall bar mostly in the first part is a large customer paying on terms; the last part, more than the last bucket's days past due, is money at risk of never being collected, and raises a SeverelyOverdue alert. The accounts are those with the largest open balances.";

    /// <summary>What the exposure chart means (the report's text under it).</summary>
    public const string ExposureText = "For each account with a credit limit: what it owes (open balance), the part of it that is overdue, and its credit limit. An open bar above the limit bar is a LimitExceeded alert: the account owes more than we agreed to lend it, and new orders should wait for payment or a decision to raise the limit. The accounts are those that use the largest share of their limit.";

    /// <summary>Gets every table, in output order.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">How many accounts the accounts table shows one by one (0: every account).</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> Tables(ReceivablesResult result, int top = ReceivablesCommand.DefaultTop) =>
        [Accounts(result, top), Summary(result), Alerts(result)];

    /// <summary>Gets the accounts table: the largest open balances one by one, the others as one row.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">How many accounts one by one (0: every account).</param>
    /// <returns>The table.</returns>
    public static ResultTable Accounts(ReceivablesResult result, int top = ReceivablesCommand.DefaultTop)
    {
        var report = result.Report;
        var accounts = result.ByOpenBalance;
        var shown = top <= 0 ? accounts.Count : Math.Min(top, accounts.Count);
        var title = Invariant($"Receivables per account as of {report.AsOf:yyyy-MM-dd} ({report.Currency}; buckets by days past due, the first including what is not yet due)");
        var table = new ResultTable("accounts", shown < accounts.Count ? Invariant($"{title}: the {shown} largest open balances, then the other {accounts.Count - shown}") : title,
        [
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Number("open_invoices"), ResultColumn.Number("open", Amount), ResultColumn.Number("not_due", Amount),
            .. report.Policy.Buckets.Select(b => ResultColumn.Number(BucketColumn(b), Amount)),
            ResultColumn.Number("overdue", Amount), ResultColumn.Number("oldest_days_past_due"), ResultColumn.Number("credit_sales", Amount), ResultColumn.Number("dso_days", "0.#"),
            ResultColumn.Number("credit_limit", Amount), ResultColumn.Number("used_pct", Percent), ResultColumn.Number("headroom", Amount),
            ResultColumn.Text("alerts"), ResultColumn.Text("credit_risk"),
        ]);
        foreach (var a in accounts.Take(shown))
        {
            table.Add(
            [
                a.Account.Value, result.Names.GetValueOrDefault(a.Account, string.Empty), a.OpenInvoices, Plain(a.OpenBalance.Amount), Plain(a.NotDue.Amount),
                .. a.Buckets.Select(b => (object?)Plain(b.Amount)),
                Plain(a.Overdue.Amount), a.OldestDaysPastDue, Plain(a.CreditSales.Amount), Round(a.Dso),
                a.CreditLimit is { } l ? Plain(l.Amount) : null, a.UsedShare is { } u ? Round(u.Fraction * 100m) : null, a.Headroom is { } h ? Plain(h.Amount) : null,
                string.Join(' ', a.Alerts.Select(x => x.Kind.ToString())), a.CreditRisk ? "yes" : "no",
            ]);
        }

        if (shown < accounts.Count)
        {
            var rest = accounts.Skip(shown).ToArray();
            var open = rest.Sum(a => a.OpenBalance.Amount); // each within the report's totals
            var sales = rest.Sum(a => a.CreditSales.Amount);
            table.Add(
            [
                Invariant($"(other {rest.Length})"), string.Empty, rest.Sum(a => a.OpenInvoices), Plain(open), Plain(rest.Sum(a => a.NotDue.Amount)),
                .. Enumerable.Range(0, report.Policy.Buckets.Count).Select(b => (object?)Plain(rest.Sum(a => a.Buckets[b].Amount))),
                Plain(rest.Sum(a => a.Overdue.Amount)), rest.Max(a => a.OldestDaysPastDue), Plain(sales), sales > 0m ? Round(open / sales * report.Policy.DsoWindowDays) : null,
                null, null, null,
                Invariant($"{rest.Count(a => a.Alerts.Count > 0)} alerted"), Invariant($"{rest.Count(a => a.CreditRisk)} at risk"),
            ]);
        }

        return table;
    }

    /// <summary>Gets the roll-up of every account.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Summary(ReceivablesResult result)
    {
        var report = result.Report;
        var s = report.Summary;
        var table = new ResultTable("summary", Invariant($"All accounts as of {report.AsOf:yyyy-MM-dd} ({report.Currency}; DSO = open balance / credit sales of the last {report.Policy.DsoWindowDays} days x {report.Policy.DsoWindowDays})"),
        [
            ResultColumn.Number("accounts"), ResultColumn.Number("invoices"), ResultColumn.Number("payments"), ResultColumn.Number("open_invoices"), ResultColumn.Number("open", Amount),
            ResultColumn.Number("not_due", Amount), .. report.Policy.Buckets.Select(b => ResultColumn.Number(BucketColumn(b), Amount)), ResultColumn.Number("overdue", Amount),
            ResultColumn.Number("overdue_pct", Percent), ResultColumn.Number("credit_sales", Amount), ResultColumn.Number("dso_days", "0.#"),
            ResultColumn.Number("accounts_with_limit"), ResultColumn.Number("credit_limits", Amount), ResultColumn.Number("limit_exceeded"), ResultColumn.Number("severely_overdue"),
            ResultColumn.Number("high_dso"), ResultColumn.Number("at_risk"),
        ]);
        table.Add(
        [
            s.Accounts, result.Invoices, result.Payments, s.OpenInvoices, Plain(s.OpenBalance.Amount), Plain(s.NotDue.Amount),
            .. s.Buckets.Select(b => (object?)Plain(b.Amount)), Plain(s.Overdue.Amount),
            s.OpenBalance.Amount > 0m ? Round(s.Overdue.Amount / s.OpenBalance.Amount * 100m) : null, Plain(s.CreditSales.Amount), Round(s.Dso),
            s.AccountsWithLimit, Plain(s.CreditLimits.Amount), s.AccountsAlerted(ReceivablesAlertKind.LimitExceeded), s.AccountsAlerted(ReceivablesAlertKind.SeverelyOverdue),
            s.AccountsAlerted(ReceivablesAlertKind.HighDso), s.AccountsAtRisk,
        ]);
        return table;
    }

    /// <summary>Gets every alert, account by account.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Alerts(ReceivablesResult result)
    {
        var table = new ResultTable("alerts", Invariant($"Alerts ({result.Report.Currency}; LimitExceeded: open balance above the credit limit; SeverelyOverdue: an amount in the last bucket; HighDso: DSO above {result.Report.Policy.MaxDsoDays} days)"),
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("alert"), ResultColumn.Number("value", "#,0.#"), ResultColumn.Number("threshold", "#,0.#"),
            ResultColumn.Text("credit_risk"), ResultColumn.Text("message"));
        foreach (var a in result.Report.Accounts)
        {
            foreach (var alert in a.Alerts)
            {
                table.Add(a.Account.Value, result.Names.GetValueOrDefault(a.Account, string.Empty), alert.Kind.ToString(), Round(alert.Value), Round(alert.Threshold), a.CreditRisk ? "yes" : "no", alert.Message);
            }
        }

        return table;
    }

    /// <summary>Gets the ageing chart: the largest open balances, each split into not due and the buckets past due.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">How many accounts (at most <see cref="ChartedAccounts"/>; 0 for that many).</param>
    /// <returns>The chart.</returns>
    public static Chart Ageing(ReceivablesResult result, int top = ChartedAccounts)
    {
        var report = result.Report;
        var shown = result.ByOpenBalance.Where(a => a.OpenBalance.Amount > 0m).Take(Charted(top)).ToArray();
        var buckets = report.Policy.Buckets;
        var first = buckets[0].ToDays ?? 0;
        var series = new List<ChartSeries> { new("not due", shown.Select(a => (double)a.NotDue.Amount).ToArray()) };
        if (first >= 1)
        {
            series.Add(new ChartSeries(Invariant($"1-{first} days past due"), shown.Select(a => (double)(a.Buckets[0].Amount - a.NotDue.Amount)).ToArray()));
        }

        series.AddRange(buckets.Skip(1).Select((b, k) => new ChartSeries(b.Label + " days", shown.Select(a => (double)a.Buckets[k + 1].Amount).ToArray())));
        return BarChart.Render(new BarChartData(
            Invariant($"Ageing of the {shown.Length} largest open balances as of {report.AsOf:yyyy-MM-dd}"),
            shown.Select(a => a.Account.Value).ToArray(),
            series,
            report.Currency.ToString(),
            Stacked: true));
    }

    /// <summary>Gets the exposure chart: open balance, overdue and credit limit of the accounts using most of their limit.</summary>
    /// <param name="result">The result.</param>
    /// <param name="top">How many accounts (at most <see cref="ChartedAccounts"/>; 0 for that many).</param>
    /// <returns>The chart.</returns>
    public static Chart Exposure(ReceivablesResult result, int top = ChartedAccounts)
    {
        var shown = result.Report.Accounts
            .Where(a => a.UsedShare is not null)
            .OrderByDescending(a => a.UsedShare!.Value.Fraction).ThenBy(a => a.Account.Value, StringComparer.Ordinal)
            .Take(Charted(top)).ToArray();
        return BarChart.Render(new BarChartData(
            Invariant($"Exposure against the credit limit: the {shown.Length} accounts using the largest share of it"),
            shown.Select(a => a.Account.Value).ToArray(),
            [
                new ChartSeries("open balance", shown.Select(a => (double)a.OpenBalance.Amount).ToArray()),
                new ChartSeries("overdue", shown.Select(a => (double)a.Overdue.Amount).ToArray()),
                new ChartSeries("credit limit", shown.Select(a => (double)a.CreditLimit!.Value.Amount).ToArray()),
            ],
            result.Report.Currency.ToString()));
    }

    /// <summary>Gets the report sections: the ageing with its chart and the accounts, the credit exposure with its chart and the alerts.</summary>
    /// <param name="result">The result.</param>
    /// <param name="tables">The tables (of <see cref="Tables"/>), by name.</param>
    /// <param name="top">How many accounts the charts draw (at most <see cref="ChartedAccounts"/>; 0 for that many).</param>
    /// <returns>The sections.</returns>
    public static IReadOnlyList<ReportSection> ReportSections(ReceivablesResult result, IReadOnlyList<ResultTable> tables, int top = ChartedAccounts)
    {
        ResultTable Table(string name) => tables.First(t => t.Name == name);
        var s = result.Report.Summary;
        var ageing = new ReportSection("receivables-ageing", "What the accounts owe, and how late",
                Invariant($"{result.Report.Accounts.Count(a => a.OpenBalance.Amount > 0m)} of {s.Accounts} accounts owe {s.OpenBalance.Amount:N0} {s.Currency} on {s.OpenInvoices} open invoices; {s.Overdue.Amount:N0} of it is past due. Days sales outstanding: {(s.Dso is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "n/a")}."))
            .Add(Ageing(result, top)).AddParagraph(AgeingText).Add(Table("summary")).Add(Table("accounts"));
        var credit = new ReportSection("receivables-credit", "Credit limits and alerts",
                Invariant($"Accounts with a credit limit: {s.AccountsWithLimit}; owing more than it: {s.AccountsAlerted(ReceivablesAlertKind.LimitExceeded)}. Accounts that are a credit risk (the tiering credit gate keeps them out of key-account status): {s.AccountsAtRisk}."));
        if (result.Report.Accounts.Any(a => a.UsedShare is not null))
        {
            credit.Add(Exposure(result, top)).AddParagraph(ExposureText);
        }

        credit.Add(Table("alerts"));
        return [ageing, credit];
    }

    /// <summary>Gets a bucket's column name: <c>days_0_30</c>, <c>days_90_plus</c>.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <returns>The name.</returns>
    public static string BucketColumn(AgeingBucket bucket) => "days_" + bucket.Label.Replace("-", "_", StringComparison.Ordinal).Replace("+", "_plus", StringComparison.Ordinal);

    private static int Charted(int top) => top <= 0 ? ChartedAccounts : Math.Min(top, ChartedAccounts);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // 10.00 → 10: amounts without the trailing zeros of decimal arithmetic.
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    private static decimal? Round(decimal? value) => value is { } v ? Plain(decimal.Round(v, 1)) : null;
}
