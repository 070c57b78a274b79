using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Stages.Playbooks;

namespace Kam.Cli.Features.Forecast;

/// <summary>Runs the engines of <c>kam forecast</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class ForecastRun
{
    private static readonly System.Text.CompositeFormat LearnedHeader = System.Text.CompositeFormat.Parse("""
        // A playbook with the stage probabilities learned by `kam forecast --learn-out` from the closed opportunities of
        // {0} as of {1}: each stage's observed win rate shrunk toward the playbook's probability, (won + s x playbook) /
        // (reached + s) with s = {2} (docs/forecasting.md). The items are the playbook's. Adopt it with
        // `--playbook` (kam pipeline, kam forecast, kam plan), or keep the book's.

        """);

    /// <summary>Handles <c>kam forecast</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(ForecastRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var files = request.Files;
        var playbook = files.Playbook is null ? Playbook.Default : RuleFile.Load(files.Playbook, "--playbook", Playbook.FromJson);
        var hierarchy = request.Options.By == ForecastBy.Unit && files.Organization is { } organizationPath && request.Accounts is { } accounts
            ? Hierarchy(RuleFile.Load(organizationPath, "--organization", Organization.FromJson), accounts)
            : null;
        var events = request.Opportunities.SelectMany(o => o.Events).ToArray();
        if (events.Length > 0 && request.AsOf is { } given)
        {
            var latest = events.Max(e => e.At).InUtc().Date;
            var file = events.Select(e => e.Source?.File).FirstOrDefault(f => f is not null) ?? "events.csv";
            foreach (var warning in AsOfWarnings.For(given, "--as-of", given != latest, NodaTime.LocalDate.Max(latest, request.Opportunities.Max(o => o.ExpectedClose)), file))
            {
                context.Error.WriteLine(warning);
            }
        }

        var result = ForecastAnalysis.Run(request.Opportunities, playbook, request.AsOf, request.Options, request.Calendar, hierarchy);
        if (files.LearnOut is { } learnOut)
        {
            var header = string.Format(CultureInfo.InvariantCulture, LearnedHeader, Path.GetFileName(files.Events), result.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.Learned.Stages[0].Strength);
            AtomicFile.WriteAllText(learnOut, header + result.Learned.ToPlaybook(playbook).ToJson().TrimEnd() + "\n");
            if (!result.History.HasEvidence)
            {
                context.Error.WriteLine($"kam: warning: no closed opportunity in {Path.GetFileName(files.Events)}: no evidence, so {learnOut} holds the playbook's probabilities unchanged.");
            }
        }

        var tables = ForecastViews.Tables(result, request.Options.By, request.Options.Top);
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var report = new HtmlReport("kam forecast", string.Create(CultureInfo.InvariantCulture, $"{result.Opportunities.Count} opportunities as of {result.AsOf:yyyy-MM-dd}; amounts in {result.Currency}."));
            foreach (var section in ForecastViews.ReportSections(result, tables))
            {
                report.Add(section);
            }

            return report;
        },
        currency: result.Currency.Code);
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>: the sample's next quarter as a distribution, the Brier score and last quarter's forecast error.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var result = ForecastAnalysis.Run(demo.Sample.Opportunities, Playbook.Default, demo.Sample.AsOf, new ForecastOptions(), demo.Calendar, null);
        ForecastDemo.Write(demo, result);
    }

    // accounts.csv and organization.json as one hierarchy; an error names the row and cell of accounts.csv.
    private static AccountHierarchy Hierarchy(Organization organization, IReadOnlyList<PlanAccountRecord> accounts)
    {
        try
        {
            return new AccountHierarchy(organization, accounts.Select(a => a.ToAccount()).ToArray());
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e =>
            {
                if (!LibraryPaths.Indexed(e.Path, "accounts", out var index, out var rest) || index >= accounts.Count || accounts[index].Source is not { } source)
                {
                    return e;
                }

                var column = rest switch
                {
                    ".parent" => AccountHierarchyCsv.ParentId.Name,
                    ".owner" => AccountHierarchyCsv.Owner.Name,
                    ".unit" => AccountHierarchyCsv.Unit.Name,
                    ".territory" => AccountHierarchyCsv.Territory.Name,
                    ".level" => AccountHierarchyCsv.Level.Name,
                    _ => AccountsCsv.AccountId.Name,
                };
                return e with { Path = source.Location(column) };
            }));
        }
    }
}
