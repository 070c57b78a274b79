using System.CommandLine;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using NodaTime;

namespace Kam.Cli.Features.Receivables;

/// <summary>What <c>kam receivables</c> hands to its engine handler.</summary>
/// <param name="Input">The invoices, payments and credit terms, read and checked cell by cell.</param>
/// <param name="AsOf">The day of the analysis, or <see langword="null"/> for the latest day an invoice was issued or a payment received.</param>
/// <param name="Policy">The receivables policy file (<c>--policy</c>; it exists), or <see langword="null"/> for the default.</param>
/// <param name="Top">How many accounts the tables and charts show one by one (0: every account).</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target, or <see langword="null"/>.</param>
internal sealed record ReceivablesRequest(ReceivablesInput Input, LocalDate? AsOf, string? Policy, int Top, OutputFormat Format, string? ReportPath);

/// <summary>
/// <c>kam receivables &lt;invoices.csv&gt; &lt;payments.csv&gt;</c>: what each account owes, how late (ageing buckets),
/// how fast it pays (days sales outstanding), how much of its credit limit it uses, and the alerts.
/// </summary>
internal static class ReceivablesCommand
{
    /// <summary>The default of <c>--top</c>.</summary>
    public const int DefaultTop = 20;

    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engine on the request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<ReceivablesRequest, CliContext, int> handler)
    {
        var invoices = new Argument<string>("invoices.csv") { Description = "The invoices: account_id, invoice_id, issued, due, amount, currency, opportunity_id (see `kam init`)." };
        var payments = new Argument<string>("payments.csv") { Description = "The payments: account_id, payment_id, invoice_id (the invoices settled; blank: oldest due first), received, amount, currency." };
        var accounts = new Option<string?>("--accounts") { HelpName = "accounts.csv", Description = "The accounts' currency and credit terms (columns currency, credit_limit, payment_days); without it no account has a limit." };
        var policy = new Option<string?>("--policy") { HelpName = ReceivablesRun.PolicyFileName, Description = "The ageing buckets, DSO window and alert thresholds; default: buckets 0-30/31-60/61-90/90+ days past due, DSO over 90 days, alert above 60." };
        var asOf = CommonOptions.Date("--as-of", "The day of the analysis; default: the latest day an invoice was issued or a payment received.");
        var top = new Option<int>("--top") { HelpName = "N", Description = "How many accounts (the largest open balances) the accounts table and the charts show one by one; the others are one row (0: every account).", DefaultValueFactory = _ => DefaultTop };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("receivables", "What each account owes and how late: ageing buckets, days sales outstanding, use of the credit limit, and the alerts.")
        {
            invoices, payments, accounts, policy, asOf, top, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, invoices, payments, accounts);
        command.Validators.Add(result =>
        {
            if (result.GetValue(top) is < 0 or > 100_000)
            {
                result.AddError("--top must be from 0 (every account) to 100000.");
            }
        });
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(parse.GetValue(output), parse.GetValue(invoices), parse.GetValue(payments), parse.GetValue(accounts), parse.GetValue(policy));
            var policyPath = CommonOptions.RequireExistingFile("--policy", parse.GetValue(policy));
            var day = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var invoicesPath = CommonOptions.InSheet(parse.GetValue(invoices), parse.GetValue(sheet))!;
            var paymentsPath = CommonOptions.InSheet(parse.GetValue(payments), parse.GetValue(sheet))!;
            var accountsPath = CommonOptions.InSheet(parse.GetValue(accounts), parse.GetValue(sheet));
            var input = context.WithProgress(p => ReceivablesCsv.Read(invoicesPath, paymentsPath, accountsPath, p));
            return handler(new ReceivablesRequest(input, day, policyPath, parse.GetValue(top), CommonOptions.ParseFormat(parse.GetValue(format)), report), context);
        });
        return command;
    }
}
