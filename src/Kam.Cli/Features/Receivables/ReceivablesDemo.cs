using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Core.Portfolio.Receivables;

namespace Kam.Cli.Features.Receivables;

/// <summary>The receivables part of <c>kam demo</c>: a few lines of what <c>kam receivables</c> prints in full.</summary>
internal static class ReceivablesDemo
{
    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    /// <param name="result">The receivables of the sample as of its last day.</param>
    public static void Write(DemoContext demo, ReceivablesResult result)
    {
        var output = demo.Output;
        var s = result.Report.Summary;
        demo.Heading("Receivables — ageing, days sales outstanding, credit limits and alerts (kam receivables)");
        output.WriteLine(Invariant($"{result.Invoices} invoices and {result.Payments} payments: {result.Report.Accounts.Count(a => a.OpenBalance.Amount > 0m)} of {s.Accounts} accounts owe {s.OpenBalance.Amount:N0} on {s.OpenInvoices} open invoices, {s.Overdue.Amount:N0} of it past due; DSO {(s.Dso is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "n/a")} days."));
        output.WriteLine("Ageing: " + string.Join(", ", result.Report.Policy.Buckets.Select((b, k) => Invariant($"{b.Label} days {s.Buckets[k].Amount:N0}"))) + ".");
        output.WriteLine(Invariant($"Alerts: {s.AccountsAlerted(ReceivablesAlertKind.LimitExceeded)} over their credit limit, {s.AccountsAlerted(ReceivablesAlertKind.SeverelyOverdue)} severely overdue, {s.AccountsAlerted(ReceivablesAlertKind.HighDso)} with high DSO; {s.AccountsAtRisk} accounts fail the tiering credit gate."));
        foreach (var a in result.Report.Accounts.Where(a => a.Alerts.Any(x => x.Kind == ReceivablesAlertKind.LimitExceeded)))
        {
            output.WriteLine(Invariant($"  {result.Label(a.Account)}: owes {a.OpenBalance.Amount:N0} against a limit of {a.CreditLimit!.Value.Amount:N0} ({a.UsedShare!.Value.Percent:0}% used), {a.Overdue.Amount:N0} past due."));
        }

        if (demo.Report is { } report)
        {
            foreach (var section in ReceivablesViews.ReportSections(result, ReceivablesViews.Tables(result)))
            {
                report.Add(section);
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
