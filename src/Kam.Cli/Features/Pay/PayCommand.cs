using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;

namespace Kam.Cli.Features.Pay;

/// <summary>What <c>kam pay</c> hands to its engine handler.</summary>
/// <param name="PlanPath">The pay plan JSON file (exists; loaded and validated by the Compensation engine).</param>
/// <param name="Deals">The deals of deals.csv, validated.</param>
/// <param name="Collections">The collections of collections.csv, validated against the deals.</param>
/// <param name="Period">The pay period, or <see langword="null"/> for the fiscal year of the latest deal or collection.</param>
/// <param name="Calendar">The fiscal calendar.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target, or <see langword="null"/>.</param>
/// <param name="PeoplePath">The people file (exists; read against the plan by the handler), or <see langword="null"/> for the stated defaults.</param>
/// <param name="DealCells">Where each deal's plan-dependent cells are in deals.csv, by deal id, or <see langword="null"/> (messages then name the deal).</param>
/// <param name="Overcollections">The deals collected beyond their amount, kept under <c>--allow-overcollection</c> (warned about), or <see langword="null"/> for none.</param>
/// <param name="Receivables">The invoices and payments the collections are taken from (<c>--invoices</c>, <c>--payments</c>; <paramref name="Collections"/> is then empty), or <see langword="null"/>.</param>
/// <param name="AllowOvercollection">Whether cash beyond a deal's amount is kept with a warning (<c>--allow-overcollection</c>) instead of refused.</param>
internal sealed record PayRequest(
    string PlanPath,
    IReadOnlyList<DealRecord> Deals,
    IReadOnlyList<CollectionRecord> Collections,
    FiscalPeriod? Period,
    FiscalCalendar Calendar,
    OutputFormat Format,
    string? ReportPath,
    string? PeoplePath = null,
    IReadOnlyDictionary<string, DealCells>? DealCells = null,
    IReadOnlyList<Overcollection>? Overcollections = null,
    ReceivablesFeed? Receivables = null,
    bool AllowOvercollection = false);

/// <summary>
/// <c>kam pay &lt;plan.json&gt; &lt;deals.csv&gt; [collections.csv] [--invoices invoices.csv --payments payments.csv]</c>: pay
/// statements per salesperson; the collections come from collections.csv or from the receivables.
/// </summary>
internal static class PayCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the Compensation engine on the validated request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<PayRequest, CliContext, int> handler)
    {
        var plan = new Argument<string>("plan.json") { Description = "The pay plan (see `kam init`)." };
        var deals = new Argument<string>("deals.csv") { Description = "The booked deals." };
        var collections = new Argument<string?>("collections.csv") { Arity = ArgumentArity.ZeroOrOne, Description = "The cash collected on the deals (or give --invoices and --payments)." };
        var period = new Option<string?>("--period") { HelpName = "FY2026-Q2", Description = "The pay period: FY2026, FY2026-H1, FY2026-Q3 or FY2026-M07; default the fiscal year of the latest deal or collection." };
        var people = new Option<string?>("--people") { HelpName = "people.csv", Description = "people.csv: each salesperson's annual quota and appraisal grades (see `kam init`); default no quota and the plan's 100% grade." };
        var allowOvercollection = new Option<bool>("--allow-overcollection") { Description = "Compute pay even when the cash collected on a deal exceeds its amount (each such deal is warned about); by default it is refused." };
        var keepDuplicates = new Option<bool>("--keep-duplicates") { Description = "Keep collection rows identical in every cell to an earlier row (separate receipts); by default they are refused." };
        var fiscalStart = CommonOptions.FiscalYearStart();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var receivables = new ReceivablesFeedOptions("instead of collections.csv, the payments that settle invoices billed on a deal (opportunity_id: the deal's opportunity_id or deal_id) are its collections");
        var accounts = new Option<string?>("--accounts") { HelpName = "accounts.csv", Description = "With --invoices: the accounts' payment_days and currency, as kam receivables --accounts reads them (they order how a payment that names no invoice settles them)." };
        var command = new Command("pay", "Compute pay statements (base, commission on bookings or collections, bonuses) from a pay plan, deals and collections.")
        {
            plan, deals, collections, period, people, allowOvercollection, keepDuplicates, fiscalStart, format, output, sheet,
        };
        receivables.AddTo(command);
        command.Options.Add(accounts);
        command.Validators.Add(result =>
        {
            var file = result.GetResult(collections) is { Tokens.Count: > 0 };
            var feed = result.GetResult(receivables.Invoices) is { Tokens.Count: > 0 } || result.GetResult(receivables.Payments) is { Tokens.Count: > 0 };
            if (file == feed)
            {
                result.AddError(file
                    ? "collections.csv and --invoices/--payments both give the collections: give one of them."
                    : "kam pay needs the collections: give collections.csv, or --invoices and --payments.");
            }
            else if (!feed && result.GetResult(accounts) is { Tokens.Count: > 0 })
            {
                result.AddError("--accounts applies to --invoices and --payments; give them too.");
            }
        });
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, [deals, collections, people, accounts, .. receivables.Inputs]);
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(parse.GetValue(output), [parse.GetValue(plan), parse.GetValue(deals), parse.GetValue(collections), parse.GetValue(people), parse.GetValue(accounts), .. receivables.Paths(parse)]);
            var planPath = CommonOptions.RequireExistingFile("plan.json", parse.GetValue(plan))!;
            var peoplePath = CommonOptions.InSheet(CommonOptions.RequireExistingFile("--people", parse.GetValue(people)), parse.GetValue(sheet));
            var calendar = new FiscalCalendar(parse.GetValue(fiscalStart));
            var periodText = parse.GetValue(period);
            FiscalPeriod? payPeriod = null;
            if (periodText is not null)
            {
                try
                {
                    payPeriod = calendar.Parse(periodText);
                }
                catch (KamValidationException ex)
                {
                    throw new KamValidationException("--period", ex.Errors[0].Code, periodText, ex.Errors[0].Message);
                }

                if (!CsvColumns.IsSupported(payPeriod.Value.Interval.Start) || !CsvColumns.IsSupported(payPeriod.Value.Interval.End))
                {
                    throw new KamValidationException("--period", KamErrorCodes.OutOfRange, periodText, $"is outside the supported dates {CsvColumns.DateRangeText}.");
                }
            }

            var cells = new Dictionary<string, DealCells>(StringComparer.Ordinal);
            var checks = new PayChecks { AllowOvercollection = parse.GetValue(allowOvercollection), KeepDuplicates = parse.GetValue(keepDuplicates) };
            var dealsPath = CommonOptions.InSheet(parse.GetValue(deals), parse.GetValue(sheet))!;
            var accountsPath = CommonOptions.InSheet(CommonOptions.RequireExistingFile("--accounts", parse.GetValue(accounts)), parse.GetValue(sheet));
            if (context.WithProgress(p => receivables.Read(parse, parse.GetValue(sheet), accountsPath, p)) is { } feed)
            {
                var dealRecords = context.WithProgress(p => PayCsv.ReadDeals(dealsPath, p, cells));
                return handler(new PayRequest(planPath, dealRecords, [], payPeriod, calendar, CommonOptions.ParseFormat(parse.GetValue(format)), report, peoplePath, cells, null, feed, checks.AllowOvercollection), context);
            }

            var (dealRows, collectionRows) = context.WithProgress(p => PayCsv.Read(dealsPath, CommonOptions.InSheet(parse.GetValue(collections), parse.GetValue(sheet))!, p, cells, checks));

            return handler(new PayRequest(planPath, dealRows, collectionRows, payPeriod, calendar, CommonOptions.ParseFormat(parse.GetValue(format)), report, peoplePath, cells, checks.Overcollections), context);
        });
        return command;
    }
}
