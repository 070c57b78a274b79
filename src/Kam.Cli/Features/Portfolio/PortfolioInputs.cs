using System.CommandLine;
using Kam.Cli.Features.Shared;
using Kam.Cli.Reporting;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Features.Portfolio;

/// <summary>
/// The folder convention of <c>kam portfolio</c> and <c>kam review</c>: the files <c>kam init DIR --sample</c> writes,
/// under their standard names. accounts.csv is required; every other file is optional, and a file that is absent
/// leaves the parts it feeds absent.
/// </summary>
internal static class PortfolioFiles
{
    /// <summary>The accounts: figures, tiering indicators, hierarchy columns, grade and credit terms (required).</summary>
    public const string Accounts = "accounts.csv";

    /// <summary>Our organization (units, people): the hierarchy, the plans, coverage and contact need it.</summary>
    public const string Organization = "organization.json";

    /// <summary>The targets of one fiscal year.</summary>
    public const string Targets = "targets.json";

    /// <summary>The key-account plans.</summary>
    public const string Plans = "plans.json";

    /// <summary>The opportunity events (pipeline, win/loss, bookings).</summary>
    public const string Events = "events.csv";

    /// <summary>The purchases (lifetime value).</summary>
    public const string Transactions = "transactions.csv";

    /// <summary>The invoices (receivables, with payments.csv).</summary>
    public const string Invoices = "invoices.csv";

    /// <summary>The payments (receivables, with invoices.csv).</summary>
    public const string Payments = "payments.csv";

    /// <summary>The buying centers (coverage, with relationships.csv).</summary>
    public const string Contacts = "contacts.csv";

    /// <summary>Our relationships with the contacts (coverage).</summary>
    public const string Relationships = "relationships.csv";

    /// <summary>The activity log (contact compliance and relationship health).</summary>
    public const string Activities = "activities.csv";

    /// <summary>The promises made (part of the health index).</summary>
    public const string Promises = "promises.csv";

    /// <summary>The partnership checks and satisfaction scores (part of the health index).</summary>
    public const string Checks = "checks.csv";

    /// <summary>The tier policy (default: the built-in policies).</summary>
    public const string TierPolicy = "tier-policy.json";

    /// <summary>The playbook of the replay of events.csv (default: the built-in eight-stage playbook).</summary>
    public const string Playbook = "playbook.json";

    /// <summary>The close-reason list of the win/loss analysis (default: the built-in list).</summary>
    public const string CloseReasons = "close-reasons.json";

    /// <summary>The contact standards (default: the built-in standards).</summary>
    public const string ContactStandards = "contact-standards.json";

    /// <summary>The coverage rules (default: the built-in rules).</summary>
    public const string CoveragePolicy = "coverage-policy.json";

    /// <summary>The health rules (default: the built-in rules).</summary>
    public const string HealthPolicy = "health-policy.json";

    /// <summary>The plan-check thresholds (default: the built-in thresholds).</summary>
    public const string PlanCheckPolicy = "plan-check-policy.json";

    /// <summary>The attainment rules (default: the built-in rules).</summary>
    public const string AttainmentPolicy = "attainment-policy.json";

    /// <summary>The receivables policy: buckets, DSO, alert thresholds and the credit-risk alerts (default: the built-in policy).</summary>
    public const string ReceivablesPolicy = Receivables.ReceivablesRun.PolicyFileName;

    /// <summary>Gets the files each part of the review is computed from (rule files included).</summary>
    public static IReadOnlyDictionary<Kam.Core.Portfolio.Review.ReviewPart, string[]> Feeds { get; } = new Dictionary<Kam.Core.Portfolio.Review.ReviewPart, string[]>
    {
        [Kam.Core.Portfolio.Review.ReviewPart.Tiering] = [Accounts, TierPolicy, Invoices, Payments, ReceivablesPolicy],
        [Kam.Core.Portfolio.Review.ReviewPart.TierChanges] = [],
        [Kam.Core.Portfolio.Review.ReviewPart.Attainment] = [Accounts, Organization, Targets, Plans, Events, Playbook, AttainmentPolicy],
        [Kam.Core.Portfolio.Review.ReviewPart.Plans] = [Accounts, Organization, Targets, Plans, Events, Playbook, PlanCheckPolicy],
        [Kam.Core.Portfolio.Review.ReviewPart.Pipeline] = [Events, Playbook],
        [Kam.Core.Portfolio.Review.ReviewPart.WinLoss] = [Events, Playbook, CloseReasons, Accounts],
        [Kam.Core.Portfolio.Review.ReviewPart.Profitability] = [Accounts],
        [Kam.Core.Portfolio.Review.ReviewPart.LifetimeValue] = [Transactions],
        [Kam.Core.Portfolio.Review.ReviewPart.Coverage] = [Accounts, Organization, Contacts, Relationships, Events, CoveragePolicy],
        [Kam.Core.Portfolio.Review.ReviewPart.Health] = [Accounts, Organization, Activities, Contacts, Promises, Checks, HealthPolicy],
        [Kam.Core.Portfolio.Review.ReviewPart.Compliance] = [Accounts, Organization, Activities, ContactStandards],
        [Kam.Core.Portfolio.Review.ReviewPart.Receivables] = [Invoices, Payments, Accounts, ReceivablesPolicy],
    };

    /// <summary>Gets every file name of the convention, in the order they are read.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Accounts, Organization, Targets, Plans, Events, Transactions, Invoices, Payments, Contacts, Relationships, Activities, Promises, Checks,
        TierPolicy, Playbook, CloseReasons, ContactStandards, CoveragePolicy, HealthPolicy, PlanCheckPolicy, AttainmentPolicy, ReceivablesPolicy,
    ];
}

/// <summary>The options <c>kam portfolio</c> and <c>kam review</c> share, parsed and checked.</summary>
/// <param name="Folder">The folder of the files (<c>DIR</c>, default <c>.</c>).</param>
/// <param name="AsOf">The day of the figures (<c>--as-of</c>), or <see langword="null"/> for the latest day in the files.</param>
/// <param name="Rules">The review rule file (<c>--rules</c>; it exists), or <see langword="null"/> for the default rules.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The report (or workbook) target, or <see langword="null"/>.</param>
internal sealed record PortfolioFolder(string Folder, LocalDate? AsOf, string? Rules, OutputFormat Format, string? ReportPath)
{
    /// <summary>Gets the path of a file of the folder.</summary>
    /// <param name="name">The file name (<see cref="PortfolioFiles"/>).</param>
    /// <returns>The path.</returns>
    public string PathOf(string name) => Folder is "." ? name : Path.Combine(Folder, name);
}

/// <summary>Creates and reads the options <c>kam portfolio</c> and <c>kam review</c> share: <c>[DIR]</c> (or <c>--dir</c>), <c>--as-of</c>, <c>--rules</c>, <c>--format</c>, <c>--out</c>.</summary>
internal sealed class PortfolioOptions
{
    private readonly Argument<string?> _folder = new("DIR") { Description = "The folder of the files kam init --sample writes (accounts.csv required; the others optional); default: the current folder.", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _dir = new("--dir") { HelpName = "DIR", Description = "The folder, as an option (instead of the DIR argument)." };
    private readonly Option<string?> _asOf = CommonOptions.Date("--as-of", "The day of the figures; default: the latest day in the files.");
    private readonly Option<string?> _rules = new("--rules") { HelpName = "review-rules.json", Description = "The review rules (risks and opportunities: signals, thresholds, weights, actions); default: the built-in rules." };
    private readonly Option<string> _format = CommonOptions.Format();
    private readonly Option<string?> _out;

    /// <summary>Initializes a new instance of the <see cref="PortfolioOptions"/> class.</summary>
    /// <param name="outName">The example name of <c>--out</c> in the help (<c>portfolio.html</c>).</param>
    public PortfolioOptions(string outName)
    {
        _out = CommonOptions.Out();
        _out.HelpName = outName;
    }

    /// <summary>Adds the options to a command, with their checks (<c>--format xlsx</c> needs <c>--out</c>; DIR and <c>--dir</c> not both).</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_folder);
        foreach (var option in new Option[] { _dir, _asOf, _rules, _format, _out })
        {
            command.Options.Add(option);
        }

        CommonOptions.RequireWorkbookOut(command, _format, _out);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_folder)?.Tokens is { Count: > 0 } && result.GetResult(_dir)?.Tokens is { Count: > 0 })
            {
                result.AddError("Give the folder once: as the DIR argument or with --dir.");
            }
        });
    }

    /// <summary>Reads the options: checks the folder, the rule file and <c>--out</c> (never one of the folder's files or the rule file).</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="otherInputs">The command's other input files (never overwritten either).</param>
    /// <returns>The options.</returns>
    /// <exception cref="KamValidationException">The folder or the rule file does not exist, the date is invalid, or <c>--out</c> is refused.</exception>
    public PortfolioFolder Read(ParseResult parse, params string?[] otherInputs)
    {
        var folder = parse.GetValue(_dir) ?? parse.GetValue(_folder) ?? ".";
        IO.InputFiles.RequireFolder("DIR", folder, "accounts.csv and the other files kam init --sample writes");

        var rules = parse.GetValue(_rules);
        var inputs = PortfolioFiles.All.Select(name => folder is "." ? name : Path.Combine(folder, name)).Append(rules).Concat(otherInputs);
        var report = CommonOptions.CheckOut(parse.GetValue(_out), inputs);
        return new PortfolioFolder(
            folder,
            CommonOptions.ParseDate("--as-of", parse.GetValue(_asOf)),
            CommonOptions.RequireExistingFile("--rules", rules),
            CommonOptions.ParseFormat(parse.GetValue(_format)),
            report);
    }
}
