using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Core.Accounts;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Kam.Cli.Features.People;

/// <summary>Runs the engines of <c>kam coverage</c> and <c>kam contact</c> on validated input.</summary>
internal static class PeopleRun
{
    /// <summary>The file name of the contact standards <c>kam init</c> writes (<c>--standards</c>).</summary>
    public const string StandardsFileName = "contact-standards.json";

    /// <summary>The file name of the coverage rules <c>kam init</c> writes (<c>--coverage-policy</c>).</summary>
    public const string CoveragePolicyFileName = "coverage-policy.json";

    /// <summary>The file name of the health rules <c>kam init</c> writes (<c>--health-policy</c>).</summary>
    public const string HealthPolicyFileName = "health-policy.json";

    // Rendered on first use: serializing the policies costs startup time every other command would pay.
    private static readonly Lazy<InitTemplate[]> LazyRuleFiles = new(() =>
    [
        new(StandardsFileName, "// contact-standards.json: the contact standards of `kam contact --standards` (see docs/cli.md and docs/relationships.md): visits and\n"
            + "// calls per grade (the grade column of accounts.csv) and period, the hours a visit and a call take, a manager's contact hours a month.\n"
            + ContactStandards.Default.ToJson().TrimEnd() + "\n"),
        new(CoveragePolicyFileName, "// coverage-policy.json: the coverage rules of `kam coverage --coverage-policy` (see docs/relationships.md): the strength that covers a\n"
            + "// contact, the levels that must be covered, the peer levels, the threads, the opponents and each finding's weight in the score.\n"
            + CoveragePolicy.Default.ToJson().TrimEnd() + "\n"),
        new(HealthPolicyFileName, "// health-policy.json: the relationship-health rules of `kam contact --health-policy` (see docs/relationships.md): the check items\n"
            + "// (the item column of checks.csv), the scales, the parts' weights and the alerts' thresholds.\n"
            + HealthPolicy.Default.ToJson().TrimEnd() + "\n"),
    ]);

    /// <summary>Gets the default rule files of <c>kam coverage</c> and <c>kam contact</c>, each serialized from its default policy.</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles => LazyRuleFiles.Value;

    /// <summary>Handles <c>kam coverage</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Coverage(CoverageRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var organization = RuleFile.Load(request.Organization, "organization.json", Organization.FromJson);
        var policy = request.Policy is null ? CoveragePolicy.Default : RuleFile.Load(request.Policy, "--coverage-policy", CoveragePolicy.FromJson);
        var hierarchy = PeopleInputs.Hierarchy(organization, request.Accounts, request.Organization);
        var map = PeopleInputs.Map(request.Contacts, request.Relationships, hierarchy);
        var lastEvent = request.Opportunities?.SelectMany(o => o.Events).Select(e => e.At.InUtc().Date).DefaultIfEmpty().Max();
        var asOf = request.AsOf ?? Later(map.LastDay, lastEvent == default ? null : lastEvent) ?? throw new Kam.Core.KamValidationException("--as-of", Kam.Core.KamErrorCodes.Required, null, "contacts.csv and relationships.csv have no rows: give the day with --as-of.");
        var factory = context.Services.GetRequiredService<EngineFactory>();
        var result = PeopleAnalysis.Coverage(request.Accounts, map, request.Opportunities, asOf, factory.Coverage(policy), factory.StageEvidence(StageEvidencePolicy.Default));
        if (result.Unmapped > 0)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kam: warning: {result.Unmapped} of {request.Accounts.Count} accounts have no contact mapped by {asOf:yyyy-MM-dd} (contacts.csv): they are not analyzed."));
        }

        var tables = PeopleViews.CoverageTables(result);
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var report = new HtmlReport("kam coverage", string.Create(CultureInfo.InvariantCulture,
                $"{result.Centers.Count} accounts, {result.Centers.Sum(c => c.Contacts.Count(x => x.Left is null))} contacts, {result.Centers.Sum(c => c.Relationships.Count)} relationships as of {asOf:yyyy-MM-dd}."));
            foreach (var section in PeopleViews.CoverageSections(result, tables))
            {
                report.Add(section);
            }

            return report;
        });
    }

    /// <summary>Handles <c>kam contact</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Contact(ContactRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var files = request.Files;
        var organization = RuleFile.Load(files.Organization, "organization.json", Organization.FromJson);
        var standards = files.Standards is null ? ContactStandards.Default : RuleFile.Load(files.Standards, "--standards", ContactStandards.FromJson);
        var healthPolicy = files.HealthPolicy is null ? HealthPolicy.Default : RuleFile.Load(files.HealthPolicy, "--health-policy", HealthPolicy.FromJson);
        var hierarchy = PeopleInputs.Hierarchy(organization, request.Accounts, files.Organization);
        var history = request.Contacts is null ? null : PeopleInputs.Map(request.Contacts, [], hierarchy).History;
        var log = PeopleInputs.Log(request.Activities, request.Accounts, request.AccountColumns, history, files.AccountsPath);
        var asOf = request.AsOf ?? (request.Activities.Count > 0 ? request.Activities.Max(a => a.Activity.Date)
            : throw new Kam.Core.KamValidationException("--as-of", Kam.Core.KamErrorCodes.Required, null, "activities.csv has no rows: give the day with --as-of."));
        var from = request.From ?? DefaultFrom(asOf);
        if (from > asOf)
        {
            throw new Kam.Core.KamValidationException("--from", Kam.Core.KamErrorCodes.OutOfOrder, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"--from must be on or before the as-of day {asOf:yyyy-MM-dd}.");
        }

        var (checks, satisfaction, checkCell, scoreCell) = PeopleInputs.Checks(request.Checks);
        var factory = context.Services.GetRequiredService<EngineFactory>();
        var result = PeopleAnalysis.Contact(
            hierarchy, request.Accounts, request.AccountColumns, log, new HealthInputs(checks, satisfaction, request.Promises, history, checkCell, scoreCell), from, asOf,
            factory.Compliance(standards), factory.Health(healthPolicy), files.AccountsPath);
        if (result.Ungraded > 0)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kam: warning: {result.Ungraded} accounts of {files.AccountsPath} have no grade (column grade): no contact standard applies to them; their health is still assessed."));
        }

        var tables = PeopleViews.ContactTables(result);
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var report = new HtmlReport("kam contact", string.Create(CultureInfo.InvariantCulture,
                $"{result.Compliance.Accounts.Count} accounts with a contact standard, {result.Compliance.Managers.Count} managers, {log.Activities.Count} activities from {from:yyyy-MM-dd} to {asOf:yyyy-MM-dd}."));
            foreach (var section in PeopleViews.ContactSections(result, tables))
            {
                report.Add(section);
            }

            return report;
        });
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b) => a is null ? b : b is null ? a : LocalDate.Max(a.Value, b.Value);

    /// <summary>The default first day: the first of the month eleven months before the as-of day's (twelve calendar months).</summary>
    /// <param name="asOf">The as-of day.</param>
    /// <returns>The day.</returns>
    public static LocalDate DefaultFrom(LocalDate asOf) => new LocalDate(asOf.Year, asOf.Month, 1).PlusMonths(-11);
}
