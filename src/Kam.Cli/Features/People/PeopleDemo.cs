using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.Sample;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.People;

/// <summary>The people part of <c>kam demo</c>: coverage findings by kind, the compliance summary and the alerts that <c>kam coverage</c> and <c>kam contact</c> print in full.</summary>
internal static class PeopleDemo
{
    /// <summary>Runs the engines on the sample's people part and writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Write(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var (coverage, contact, activities) = Run(demo.Sample, demo.Services.GetRequiredService<EngineFactory>());
        var output = demo.Output;
        demo.Heading("The people — buying-center coverage, contact standards and relationship health (kam coverage, kam contact)");
        output.WriteLine(Invariant($"{coverage.Centers.Count} key accounts, {coverage.Centers.Sum(c => c.Contacts.Count(x => x.Left is null))} contacts, {coverage.Centers.Sum(c => c.Relationships.Count)} relationships, {activities} activities; as of {coverage.AsOf:yyyy-MM-dd}."));
        var findings = coverage.Reports.SelectMany(r => r.Findings).GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => Invariant($"{g.Key} {g.Count()}"));
        output.WriteLine(Invariant($"Coverage: mean score {coverage.Reports.Average(r => r.Score):0.000}; accounts without a finding: {coverage.Reports.Count(r => r.Findings.Count == 0)}; findings by kind: {string.Join(", ", findings)}."));
        var accounts = contact.Compliance.Accounts;
        var statuses = Enum.GetValues<ComplianceStatus>().Select(s => Invariant($"{accounts.Count(a => a.Status == s)} {s.ToString().ToLowerInvariant()}"));
        var required = accounts.Sum(a => a.Required);
        output.WriteLine(Invariant($"Contact standards: {string.Join(", ", statuses)}; {accounts.Sum(a => a.Credited)} of {required} contacts required ({(required == 0 ? 0 : 100m * accounts.Sum(a => a.Credited) / required):0.0}%); {contact.Capacity.Count(l => l.Overloaded)} of {contact.Capacity.Count} managers above capacity."));
        // Health over the key accounts (the others have no activity in the sample, so each has a no-contact alert).
        var key = accounts.Select(a => a.Account).ToHashSet();
        var alerts = contact.Health.Alerts.Where(a => key.Contains(a.Account)).GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => Invariant($"{g.Key} {g.Count()}"));
        var indexed = contact.Health.Accounts.Where(a => key.Contains(a.Account) && a.Index is not null).ToArray();
        output.WriteLine(Invariant($"Health of the key accounts: mean index {(indexed.Length == 0 ? 0 : indexed.Average(a => a.Index!.Value)):0.000}; {indexed.Count(a => a.Trend < 0)} falling; alerts: {string.Join(", ", alerts)}."));

        if (demo.Report is { } report)
        {
            foreach (var section in PeopleViews.CoverageSections(coverage, PeopleViews.CoverageTables(coverage)).Take(1))
            {
                report.Add(section);
            }

            foreach (var section in PeopleViews.ContactSections(contact, PeopleViews.ContactTables(contact)).Take(3))
            {
                report.Add(section);
            }
        }
    }

    /// <summary>Runs <c>kam coverage</c> and <c>kam contact</c>'s engines on the sample's people part, as of its last day, with the default rules.</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="factory">The engines.</param>
    /// <returns>The results and the number of activities.</returns>
    public static (CoverageResult Coverage, ContactResult Contact, int Activities) Run(SampleDataSet sample, EngineFactory factory)
    {
        var plans = SamplePlans.Generate(sample);
        var people = SamplePeople.Generate(sample, plans);
        var hierarchy = PeopleInputs.Hierarchy(plans.Organization, plans.Accounts, SamplePlans.OrganizationFileName);
        var map = PeopleInputs.Map(people.Contacts, people.Relationships, hierarchy);
        var coverage = PeopleAnalysis.Coverage(plans.Accounts, map, sample.Opportunities, sample.AsOf, factory.Coverage(CoveragePolicy.Default), factory.StageEvidence(StageEvidencePolicy.Default));
        var columns = sample.Accounts.ToDictionary(a => a.Id, a => new AccountPeopleColumns(people.Grades.GetValueOrDefault(a.Id), a.FirstOrder));
        var log = PeopleInputs.Log(people.Activities, plans.Accounts, columns, map.History, "accounts.csv");
        var (checks, satisfaction, checkCell, scoreCell) = PeopleInputs.Checks(people.Checks);
        var contact = PeopleAnalysis.Contact(
            hierarchy, plans.Accounts, columns, log, new HealthInputs(checks, satisfaction, people.Promises, map.History, checkCell, scoreCell),
            PeopleRun.DefaultFrom(sample.AsOf), sample.AsOf, factory.Compliance(ContactStandards.Default), factory.Health(HealthPolicy.Default), "accounts.csv");
        return (coverage, contact, people.Activities.Count);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
