using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Features.Ltv;

/// <summary>The customer-base models <c>kam ltv --model</c> offers.</summary>
internal enum LtvModel
{
    /// <summary>BG/NBD (non-contractual repeat buying), with Gamma-Gamma spend.</summary>
    BgNbd,

    /// <summary>Pareto/NBD (non-contractual repeat buying), with Gamma-Gamma spend.</summary>
    ParetoNbd,

    /// <summary>Shifted-beta-geometric (contractual renewals per period).</summary>
    Sbg,
}

/// <summary>What <c>kam ltv</c> hands to its engine handler.</summary>
/// <param name="Transactions">The transactions of transactions.csv, validated (one currency).</param>
/// <param name="Model">The model to fit.</param>
/// <param name="CalibrationEnd">The end of the calibration period; default the day of the latest transaction.</param>
/// <param name="HorizonMonths">How far ahead to predict, in months.</param>
/// <param name="AnnualDiscountRate">The yearly discount rate of the lifetime value.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target, or <see langword="null"/>.</param>
/// <param name="Source">The transactions file as given on the command line, for messages about the data as a whole.</param>
internal sealed record LtvRequest(
    IReadOnlyList<TransactionRecord> Transactions,
    LtvModel Model,
    LocalDate CalibrationEnd,
    int HorizonMonths,
    Percentage AnnualDiscountRate,
    OutputFormat Format,
    string? ReportPath,
    string Source = "transactions.csv");

/// <summary><c>kam ltv &lt;transactions.csv&gt; [--model bgnbd|pareto|sbg]</c>: fits a customer-base model and predicts each customer's value.</summary>
internal static class LtvCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Fits the Value engine's model on the validated request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<LtvRequest, CliContext, int> handler)
    {
        var transactions = new Argument<string>("transactions.csv") { Description = "The purchases file (see `kam init`)." };
        var model = new Option<string>("--model", "-m") { Description = "bgnbd (BG/NBD), pareto (Pareto/NBD) or sbg (shifted-beta-geometric).", DefaultValueFactory = _ => "bgnbd" };
        model.AcceptOnlyFromAmong("bgnbd", "pareto", "sbg");
        var asOf = CommonOptions.Date("--as-of", "End of the calibration period; default: the day of the latest transaction.");
        var horizon = new Option<int>("--horizon") { HelpName = "months", Description = "Prediction horizon in months (1 to 600).", DefaultValueFactory = _ => 12 };
        horizon.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 600)
            {
                r.AddError("--horizon must be from 1 to 600 months.");
            }
        });
        var discount = new Option<string>("--discount-rate") { HelpName = "percent", Description = "Yearly discount rate of the lifetime value.", DefaultValueFactory = _ => "10%" };
        var keepDuplicates = new Option<bool>("--keep-duplicates") { Description = "Keep rows identical in every cell to an earlier row (separate purchases); by default they are refused." };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("ltv", "Fit a customer-base model to transactions: P(alive), expected purchases and discounted lifetime value per customer.")
        {
            transactions, model, asOf, horizon, discount, keepDuplicates, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, transactions);
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(parse.GetValue(output), parse.GetValue(transactions));
            var end = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var rate = CommonOptions.ParsePercentage("--discount-rate", parse.GetValue(discount))!.Value;
            var rows = context.WithProgress(p => TransactionsCsv.Read(CommonOptions.InSheet(parse.GetValue(transactions), parse.GetValue(sheet))!, p, parse.GetValue(keepDuplicates)));

            var chosen = parse.GetValue(model) switch
            {
                "pareto" => LtvModel.ParetoNbd,
                "sbg" => LtvModel.Sbg,
                _ => LtvModel.BgNbd,
            };
            var latest = rows.Max(t => t.Date);
            if (end is { } e && rows.All(t => t.Date > e))
            {
                throw new KamValidationException("--as-of", KamErrorCodes.OutOfRange, e.ToString("yyyy-MM-dd", null), "the calibration period ends before the first transaction.");
            }

            return handler(new LtvRequest(rows, chosen, end ?? latest, parse.GetValue(horizon), rate, CommonOptions.ParseFormat(parse.GetValue(format)), report, parse.GetValue(transactions)!), context);
        });
        return command;
    }
}
