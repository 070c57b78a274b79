using Kam.Cli.Features.Import;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.Shared;
using Kam.Cli.Features.Tier;
using Kam.Cli.Features.WinLoss;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;
using Kam.Core;
using Kam.Core.Performance;
using Kam.Core.Tiering;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Init;

/// <summary>
/// The files <c>kam init --sample</c> writes: the demo's generated sample as CSV, with the demo's rules, so that the
/// engine commands on these files give what <c>kam demo</c> shows.
/// </summary>
/// <remarks>
/// Beside the sample's input files: the demo's tier policy (value-and-fit scorecard, two key-account managers), each
/// salesperson's monthly grades as the demo appraises them (people.csv), and the default playbook and pay plan.
/// </remarks>
internal static class SampleInit
{
    /// <summary>Renders the files.</summary>
    /// <param name="services">The run's services: the demo's appraisal engine.</param>
    /// <returns>The sample's CSV files and the rule files.</returns>
    public static IReadOnlyList<InitTemplate> Files(IServiceProvider services)
    {
        var sample = SampleGenerator.Generate();
        var (_, _, payees) = PayRunDemo.Appraise(sample, new FiscalCalendar(firstMonth: 1), services.GetRequiredService<IAppraisalEngine>());
        var plans = SamplePlans.Generate(sample);
        var people = SamplePeople.Generate(sample, plans);
        var receivables = SampleReceivables.Generate(sample);
        var credit = receivables.Accounts!.ToDictionary(a => a.Id);
        return
        [
            .. SampleCsv.Files(sample, payees).Select(f => f.FileName == AccountsCsv.Schema.FileName ? SampleCsv.AccountsWithHierarchy(sample, plans, people.Grades, credit) : f),
            .. SampleCsv.Receivables(receivables),
            SampleCsv.Actuals(plans),
            .. SamplePeopleCsv.Files(people),
            .. RuleFileSchemas.Attach(
            [
                new InitTemplate(SamplePlans.OrganizationFileName, plans.Organization.ToJson().TrimEnd() + "\n"),
                new InitTemplate(SamplePlans.TargetsFileName, plans.Targets.ToJson().TrimEnd() + "\n"),
                new InitTemplate(SamplePlans.PlansFileName, plans.PlansJson),
            ]),
            .. RuleFileSchemas.Attach([new InitTemplate(WinLossRun.ReasonsFileName, Kam.Core.Portfolio.CloseReasonCatalog.Default.ToJson().TrimEnd() + "\n")]), // kam winloss --reasons
            .. RuleFileSchemas.Attach([new InitTemplate(TierRun.PolicyFileName, TierRun.PolicyFile(TierDemo.Options(new TieringOptions())))]),
            .. InitTemplates.RuleFiles.Where(t => t.FileName != TierRun.PolicyFileName && t.FileName != RuleFileSchemas.SchemaFileName(TierRun.PolicyFileName)),
            .. CrmExport.Files(sample.Opportunities, Kam.Core.Stages.Playbooks.Playbook.Default), // the opportunities as Salesforce and Dynamics exports, with their mapping files (kam import)
        ];
    }
}
