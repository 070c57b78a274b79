using System.CommandLine;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Terminal;
using Kam.Core.Portfolio.Receivables;
using NodaTime;

namespace Kam.Cli.Features.Receivables;

/// <summary>
/// The receivables another command reads to feed its own engine from the same data as <c>kam receivables</c>: the
/// invoices and payments, the accounts' credit terms and the receivables policy. <c>kam tier</c> takes the credit-risk
/// flag of each account for its credit gate; <c>kam pay</c> takes the payments that settle invoices billed on deals as
/// the deals' collections.
/// </summary>
/// <param name="Input">The invoices, payments and credit terms, read and checked cell by cell.</param>
/// <param name="Policy">The receivables policy (the file's, or the default).</param>
internal sealed record ReceivablesFeed(ReceivablesInput Input, ReceivablesPolicy Policy)
{
    /// <summary>Analyzes the receivables as <c>kam receivables</c> does, as of a day.</summary>
    /// <param name="engines">The composition root's engine factory.</param>
    /// <param name="asOf">The day, or <see langword="null"/> for the latest day an invoice was issued or a payment received.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="Kam.Core.KamValidationException">The data is refused; each error names its cell.</exception>
    public ReceivablesResult Analyze(EngineFactory engines, LocalDate? asOf) => ReceivablesAnalysis.Run(Input, Policy, asOf, engines);
}

/// <summary>
/// The options of a command that can feed on receivables: <c>--invoices</c> and <c>--payments</c> (given together)
/// and <c>--receivables-policy</c>. The accounts' credit terms come from the command's own accounts file.
/// </summary>
internal sealed class ReceivablesFeedOptions
{
    /// <summary>Initializes the options.</summary>
    /// <param name="purpose">What the receivables feed in the command, ending the options' descriptions (e.g. "the credit gate reads each account's credit-risk alerts").</param>
    public ReceivablesFeedOptions(string purpose)
    {
        Invoices = new Option<string?>("--invoices") { HelpName = "invoices.csv", Description = $"The invoices, as kam receivables reads them (with --payments): {purpose}." };
        Payments = new Option<string?>("--payments") { HelpName = "payments.csv", Description = "The payments, as kam receivables reads them (with --invoices)." };
        Policy = new Option<string?>("--receivables-policy")
        {
            HelpName = ReceivablesRun.PolicyFileName,
            Description = "The receivables policy (ageing buckets, DSO, alert thresholds, which alerts are a credit risk), as kam receivables --policy; default: the built-in policy.",
        };
    }

    /// <summary>Gets <c>--invoices</c>.</summary>
    public Option<string?> Invoices { get; }

    /// <summary>Gets <c>--payments</c>.</summary>
    public Option<string?> Payments { get; }

    /// <summary>Gets <c>--receivables-policy</c>.</summary>
    public Option<string?> Policy { get; }

    /// <summary>Gets the two input options (for <c>--sheet</c>'s check).</summary>
    public Symbol[] Inputs => [Invoices, Payments];

    /// <summary>Adds the options to a command, with the check that <c>--invoices</c> and <c>--payments</c> come together (a command-line error, exit 1).</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Invoices);
        command.Options.Add(Payments);
        command.Options.Add(Policy);
        command.Validators.Add(result =>
        {
            var invoices = result.GetResult(Invoices) is { Tokens.Count: > 0 };
            var payments = result.GetResult(Payments) is { Tokens.Count: > 0 };
            if (invoices != payments)
            {
                result.AddError(invoices ? "--invoices needs --payments: the receivables are the invoices and the payments together." : "--payments needs --invoices: the receivables are the invoices and the payments together.");
            }
            else if (!invoices && result.GetResult(Policy) is { Tokens.Count: > 0 })
            {
                result.AddError("--receivables-policy applies to --invoices and --payments; give them too.");
            }
        });
    }

    /// <summary>Gets the paths the options name (for <c>--out</c>'s check against every input).</summary>
    /// <param name="parse">The parse result.</param>
    /// <returns>The paths, <see langword="null"/> where not given.</returns>
    public string?[] Paths(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return [parse.GetValue(Invoices), parse.GetValue(Payments), parse.GetValue(Policy)];
    }

    /// <summary>Reads the receivables the options name.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="sheet">The <c>--sheet</c> value, or <see langword="null"/>.</param>
    /// <param name="accountsPath">The accounts file whose credit columns (credit_limit, payment_days, currency) give the credit terms, or <see langword="null"/>.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The feed, or <see langword="null"/> when the options are not given.</returns>
    /// <exception cref="Kam.Core.KamValidationException">A file is missing or invalid (located at its cell, or its JSON path).</exception>
    public ReceivablesFeed? Read(ParseResult parse, string? sheet, string? accountsPath, IProgress<ProgressUpdate>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(Invoices) is not { } invoices || parse.GetValue(Payments) is not { } payments)
        {
            return null;
        }

        var policyPath = CommonOptions.RequireExistingFile("--receivables-policy", parse.GetValue(Policy));
        var policy = policyPath is null ? ReceivablesPolicy.Default : RuleFile.Load(policyPath, "--receivables-policy", ReceivablesPolicy.FromJson);
        var input = ReceivablesCsv.Read(CommonOptions.InSheet(invoices, sheet)!, CommonOptions.InSheet(payments, sheet)!, accountsPath, progress);
        return new ReceivablesFeed(input, policy);
    }
}
