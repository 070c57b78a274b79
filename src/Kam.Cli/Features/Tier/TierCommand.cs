using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using NodaTime;

namespace Kam.Cli.Features.Tier;

/// <summary>What <c>kam tier</c> hands to its engine handler: the validated accounts and the options.</summary>
/// <param name="Accounts">The accounts of accounts.csv, validated, in columns.</param>
/// <param name="PolicyPath">The tier policy JSON file (exists; its content is the Tiering engine's to load), or <see langword="null"/> for the default policy.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target (its folder exists), or <see langword="null"/>.</param>
/// <param name="AsOf">The day RFM recency is counted to (<c>--as-of</c>), or <see langword="null"/> for the latest <c>last_order</c> of the file.</param>
/// <param name="Receivables">The invoices and payments whose credit-risk alerts feed the credit gate (<c>--invoices</c>, <c>--payments</c>), or <see langword="null"/>.</param>
internal sealed record TierRequest(AccountColumns Accounts, string? PolicyPath, OutputFormat Format, string? ReportPath, LocalDate? AsOf = null, ReceivablesFeed? Receivables = null);

/// <summary><c>kam tier &lt;accounts.csv&gt; [--policy policy.json]</c>: tiers the accounts (ABC by value share, scorecards, relationship stages).</summary>
/// <remarks>Parses and validates its input, then calls the handler the host registers (the Tiering engine's wiring).</remarks>
internal static class TierCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engine on the validated request and returns the exit code.</param>
    /// <returns>The command, ready to add to the root.</returns>
    public static Command Create(CliContext context, Func<TierRequest, CliContext, int> handler)
    {
        var accounts = new Argument<string>("accounts.csv") { Description = "The accounts file (see `kam init`)." };
        var policy = new Option<string?>("--policy") { HelpName = "policy.json", Description = "A tier policy JSON file (kam init writes tier-policy.json); default: the built-in policies." };
        var asOf = CommonOptions.Date("--as-of", "The day RFM recency is counted to; default: the latest last_order in the file.");
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var receivables = new ReceivablesFeedOptions("an account with a credit-risk alert (over its credit limit, long overdue, …) counts as a credit risk, as credit_ok = no does");
        var command = new Command("tier", "Tier the accounts of accounts.csv: ABC by value share, RFM, scorecard, relationship stage and key-account selection with capacity.")
        {
            accounts, policy, asOf, format, output, sheet,
        };
        receivables.AddTo(command);
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, [accounts, .. receivables.Inputs]);
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(parse.GetValue(output), [parse.GetValue(accounts), parse.GetValue(policy), .. receivables.Paths(parse)]);
            var policyPath = CommonOptions.RequireExistingFile("--policy", parse.GetValue(policy));
            var asOfDate = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var accountsPath = CommonOptions.InSheet(parse.GetValue(accounts), parse.GetValue(sheet))!;
            var rows = context.WithProgress(p => AccountsCsv.Read(accountsPath, p));
            var feed = context.WithProgress(p => receivables.Read(parse, parse.GetValue(sheet), accountsPath, p));

            return handler(new TierRequest(rows, policyPath, CommonOptions.ParseFormat(parse.GetValue(format)), report, asOfDate, feed), context);
        });
        return command;
    }
}
