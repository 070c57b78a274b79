using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Core;
using Kam.Core.Tiering;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Tier;

/// <summary>Runs the engine of <c>kam tier</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class TierRun
{
    /// <summary>The name of the default tier policy <c>kam init</c> writes.</summary>
    public const string PolicyFileName = "tier-policy.json";

    private const string PolicyHeader = """
        // tier-policy.json: the policies of `kam tier` (see docs/cli.md and docs/tiering.md). Every section is optional:
        // delete one to use its default. Measures a policy may name: revenue, grossProfit, costToServe, discounts,
        // contribution (= grossProfit - costToServe - discounts), creditRisk (credit_ok = no), the five Honeywell answers
        // (seesStrengthsAsStrategicInvestment, firstChoiceStrategicSupplier, willingToFormAlliance,
        // willingToInvestInJointVentures, globalNeeds), collaboration and contactBreadth (1..5 read as 0..1),
        // relationshipStage, recencyDays, frequency, monetary (RFM), tenureDays. Attach "services" to a tier to list
        // what it receives. `grading` and `stability` are read but not used by `kam tier`.

        """;

    /// <summary>Gets the default rule files this engine adds to <c>kam init</c>: the combined tier policy, serialized from the defaults.</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles => LazyRuleFiles.Value;

    // Rendered on first use: serializing the policies costs startup time every other command would pay.
    private static readonly Lazy<InitTemplate[]> LazyRuleFiles = new(() => [new InitTemplate(PolicyFileName, PolicyFile(new TieringOptions()))]);

    /// <summary>Renders a tier policy file: the commented header and the policies' JSON.</summary>
    /// <param name="options">The policies.</param>
    /// <returns>The file's content.</returns>
    internal static string PolicyFile(TieringOptions options) => PolicyHeader + options.ToJson() + "\n";

    /// <summary>Handles <c>kam tier</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="KamValidationException">The policy file is invalid (paths <c>file:$.json.path</c>) or the data does not fit it.</exception>
    public static int Handle(TierRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var options = request.PolicyPath is null ? new TieringOptions() : ReadPolicy(request.PolicyPath);
        var engines = context.Services.GetRequiredService<EngineFactory>();

        // The receivables as of --as-of, else as of their own latest day (as kam receivables reads them).
        var receivables = request.Receivables?.Analyze(engines, request.AsOf).Report;
        var analysis = TierAnalysis.Run(engines, request.Accounts, options, request.AsOf, receivables);
        if (analysis.AsOf is { } day)
        {
            NodaTime.LocalDate? latest = null; // the latest first or last order; a plain loop: a million accounts
            var accounts = analysis.Accounts;
            for (var i = 0; i < accounts.Count; i++)
            {
                if (accounts.LastOrder[i] is { } last && (latest is null || last > latest.Value))
                {
                    latest = last;
                }

                if (accounts.FirstOrder[i] is { } first && (latest is null || first > latest.Value))
                {
                    latest = first;
                }
            }

            var file = accounts.File ?? "accounts.csv";
            foreach (var warning in AsOfWarnings.For(day, "--as-of", request.AsOf is not null, latest, file))
            {
                context.Error.WriteLine(warning);
            }
        }

        return RunOutput.Publish(context, request.Format, TierTables.All(analysis), request.ReportPath, () =>
            new HtmlReport("kam tier report", $"{request.Accounts.Count} accounts{(analysis.AsOf is { } day ? $", RFM as of {day:yyyy-MM-dd}" : string.Empty)}.")
                .Add(TierTables.Report(analysis)),
            currency: request.Accounts.Count > 0 ? request.Accounts.CurrencyAt(0).Code : null);
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        TierDemo.Write(demo);
    }

    /// <summary>Reads a combined tier-policy file; every problem is reported as <c>file:$.json.path</c>.</summary>
    /// <exception cref="KamValidationException">The file cannot be read, is not valid JSON for the policy, or names a measure kam tier does not have.</exception>
    internal static TieringOptions ReadPolicy(string path)
    {
        var options = RuleFile.Load(path, "--policy", TieringOptions.FromJson);
        TierAnalysis.CheckMeasures(options, path);
        return options;
    }
}
