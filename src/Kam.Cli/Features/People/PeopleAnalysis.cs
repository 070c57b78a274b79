using Kam.Cli.Data;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;

namespace Kam.Cli.Features.People;

/// <summary>What <c>kam coverage</c> computed.</summary>
/// <param name="AsOf">The day of the map.</param>
/// <param name="Names">Each account's name, in accounts.csv order.</param>
/// <param name="Centers">Each account's buying center as of the day, in accounts.csv order.</param>
/// <param name="Reports">Each account's coverage report, in the same order.</param>
/// <param name="Opportunities">The open opportunities' coverage reports (with <c>--events</c>), with the number of contacts named for each.</param>
/// <param name="Policy">The coverage rules.</param>
/// <param name="Unmapped">The accounts without a contact mapped by the day.</param>
/// <param name="Evidence">What each open opportunity's map says about the stage machine's organization items (in the order of <paramref name="Opportunities"/>).</param>
/// <param name="EvidencePolicy">The stage-evidence rules.</param>
internal sealed record CoverageResult(
    LocalDate AsOf,
    IReadOnlyDictionary<AccountId, string> Names,
    IReadOnlyList<BuyingCenter> Centers,
    IReadOnlyList<CoverageReport> Reports,
    IReadOnlyList<(OpportunityRecord Opportunity, CoverageReport Report)> Opportunities,
    CoveragePolicy Policy,
    int Unmapped,
    IReadOnlyList<StageEvidence> Evidence,
    StageEvidencePolicy EvidencePolicy);

/// <summary>What <c>kam contact</c> computed.</summary>
/// <param name="From">The first day assessed.</param>
/// <param name="AsOf">The day assessed.</param>
/// <param name="Names">Each account's name.</param>
/// <param name="Compliance">Compliance per account and manager (the accounts with a grade).</param>
/// <param name="Capacity">The capacity check per manager.</param>
/// <param name="Health">The health index per account and month, the trend and the alerts.</param>
/// <param name="Ungraded">The accounts without a grade (no standard to comply with).</param>
internal sealed record ContactResult(
    LocalDate From,
    LocalDate AsOf,
    IReadOnlyDictionary<AccountId, string> Names,
    ComplianceReport Compliance,
    IReadOnlyList<ManagerLoad> Capacity,
    HealthReport Health,
    int Ungraded);

/// <summary>Runs the coverage, compliance and health engines on the people inputs.</summary>
internal static class PeopleAnalysis
{
    /// <summary>Analyzes every account's buying center as of a day, and each open opportunity's contacts.</summary>
    /// <param name="accounts">The accounts, in output order.</param>
    /// <param name="map">The buying centers and our people's levels.</param>
    /// <param name="opportunities">The opportunities of events.csv, or <see langword="null"/>.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="engine">The coverage engine.</param>
    /// <param name="evidenceEngine">The stage-evidence engine (the organization items and decision-level coverage per opportunity).</param>
    /// <returns>The result.</returns>
    public static CoverageResult Coverage(IReadOnlyList<PlanAccountRecord> accounts, PeopleMap map, IReadOnlyList<OpportunityRecord>? opportunities, LocalDate asOf, CoverageEngine engine, StageEvidenceEngine evidenceEngine)
    {
        // Accounts without a contact mapped by the day are left out (the caller counts them); a map whose contacts all left stays.
        var centers = accounts.Select(a => map.History.AsOf(a.Id, asOf)).Where(c => c.Contacts.Count > 0).ToArray();
        var reports = engine.AnalyzeAll(centers, map.OurLevels);
        var byAccount = centers.ToDictionary(c => c.Account);
        var perOpportunity = new List<(OpportunityRecord, CoverageReport)>();
        var evidence = new List<StageEvidence>();
        foreach (var opportunity in opportunities ?? [])
        {
            if (!IsOpen(opportunity, asOf) || !byAccount.TryGetValue(opportunity.Account, out var center))
            {
                continue;
            }

            // The contacts named for the opportunity who are on the account's map by the day (a contact mapped later is not yet part of it).
            var contacts = map.Opportunities.GetValueOrDefault(opportunity.Id, []).Where(center.Contains).ToArray();
            perOpportunity.Add((opportunity, engine.AnalyzeOpportunity(center, opportunity.Id, contacts, map.OurLevels)));

            // The organization items and decision-level coverage: on the opportunity's own contacts when it names some, else on the account's.
            evidence.Add(evidenceEngine.Evaluate(center, opportunity.Id, contacts.Length > 0 ? contacts : null));
        }

        return new CoverageResult(asOf, accounts.ToDictionary(a => a.Id, a => a.Name), centers, reports, perOpportunity, engine.Policy, accounts.Count - centers.Length, evidence, evidenceEngine.Policy);
    }

    /// <summary>Tells whether an opportunity has started and has no outcome by the end of a day.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>Whether it is open.</returns>
    public static bool IsOpen(OpportunityRecord opportunity, LocalDate asOf)
    {
        var seen = opportunity.Events.Where(e => e.At.InUtc().Date <= asOf).ToArray();
        return seen.Length > 0 && !seen.Any(e => e.Kind is OpportunityEventKind.Won or OpportunityEventKind.Lost or OpportunityEventKind.Abandoned);
    }

    /// <summary>Gets the highest stage whose milestone was reached by a day, or 0.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The stage.</returns>
    public static int Stage(OpportunityRecord opportunity, LocalDate asOf) =>
        opportunity.Events.Where(e => e.At.InUtc().Date <= asOf && e.Stage is not null).Select(e => e.Stage!.Value).DefaultIfEmpty(0).Max();

    /// <summary>Assesses compliance, capacity and health.</summary>
    /// <param name="hierarchy">The accounts (owner = the manager).</param>
    /// <param name="accounts">The accounts, in output order.</param>
    /// <param name="columns">Each account's grade.</param>
    /// <param name="log">The activity log.</param>
    /// <param name="health">The health inputs.</param>
    /// <param name="from">The first day.</param>
    /// <param name="asOf">The last day.</param>
    /// <param name="compliance">The compliance engine.</param>
    /// <param name="healthEngine">The health engine.</param>
    /// <param name="accountsFile">accounts.csv's display name (to locate a grade without a standard).</param>
    /// <returns>The result.</returns>
    /// <exception cref="KamValidationException">A grade has no standard (accounts.csv:line:column), or a health input is refused.</exception>
    public static ContactResult Contact(
        AccountHierarchy hierarchy,
        IReadOnlyList<PlanAccountRecord> accounts,
        IReadOnlyDictionary<AccountId, AccountPeopleColumns> columns,
        ActivityLog log,
        HealthInputs health,
        LocalDate from,
        LocalDate asOf,
        ContactComplianceEngine compliance,
        HealthEngine healthEngine,
        string accountsFile)
    {
        var graded = accounts.Where(a => columns.GetValueOrDefault(a.Id)?.Grade is not null).ToArray();
        var assignments = graded.Select(a => new AccountAssignment(a.Id, hierarchy.Account(a.Id).Owner, columns[a.Id].Grade!)).ToArray();
        ComplianceReport report;
        IReadOnlyList<ManagerLoad> capacity;
        try
        {
            report = compliance.Assess(log, assignments, from, asOf);
            capacity = compliance.Capacity(assignments);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => e.Path.StartsWith("accounts[", StringComparison.Ordinal) && e.Path.EndsWith(".grade", StringComparison.Ordinal)
                && int.TryParse(e.Path.AsSpan(9, e.Path.IndexOf(']', StringComparison.Ordinal) - 9), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < graded.Length
                ? e with { Path = columns[graded[i].Id].Source?.Location("grade") ?? graded[i].Source?.Location("grade") ?? accountsFile, Message = $"account '{graded[i].Id}': {e.Message}" }
                : e with { Path = e.Path is "from" ? "--from" : e.Path is "asOf" ? "--as-of" : e.Path }));
        }

        HealthReport healthReport;
        try
        {
            healthReport = healthEngine.Assess(log, health.Checks, health.Satisfaction, health.Promises.Select(p => p.Promise).ToArray(), from, asOf, health.History);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => PeopleInputs.LocateHealth(e, health.CheckCell, health.ScoreCell, health.Promises)));
        }

        return new ContactResult(from, asOf, accounts.ToDictionary(a => a.Id, a => a.Name), report, capacity, healthReport, accounts.Count - graded.Length);
    }
}

/// <summary>The inputs of the health engine, with where each came from.</summary>
/// <param name="Checks">The partnership checks.</param>
/// <param name="Satisfaction">The satisfaction scores.</param>
/// <param name="Promises">The promises.</param>
/// <param name="History">The buying centers, or <see langword="null"/>.</param>
/// <param name="CheckCell">Locates check <c>i</c>'s item (or the check).</param>
/// <param name="ScoreCell">Locates satisfaction score <c>i</c>.</param>
internal sealed record HealthInputs(
    IReadOnlyList<PartnershipCheck> Checks,
    IReadOnlyList<SatisfactionScore> Satisfaction,
    IReadOnlyList<PromiseRecord> Promises,
    BuyingCenterHistory? History,
    Func<int, string, string?> CheckCell,
    Func<int, string?> ScoreCell);
