using System.Globalization;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Cli.Sample;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Accounts.Targets;
using Kam.Core.Stages.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Plan;

/// <summary>Runs the engines of <c>kam plan</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class PlanRun
{
    /// <summary>Handles <c>kam plan</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(PlanRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var files = request.Files;
        var organization = RuleFile.Load(files.Organization, "organization.json", Organization.FromJson);
        var targets = RuleFile.Load(files.Targets, "targets.json", TargetPlan.FromJson);
        var (plans, listPath) = RuleFile.Load(files.Plans, "plans.json", PlanAnalysis.ParsePlans);
        var playbook = files.Playbook is null ? Playbook.Default : RuleFile.Load(files.Playbook, "--playbook", Playbook.FromJson);
        var checkPolicy = files.CheckPolicy is null ? PlanCheckPolicy.Default : RuleFile.Load(files.CheckPolicy, "--checks", PlanCheckPolicy.FromJson);
        var attainmentPolicy = files.AttainmentPolicy is null ? AttainmentPolicy.Default : RuleFile.Load(files.AttainmentPolicy, "--attainment", AttainmentPolicy.FromJson);

        var period = request.Period is { } text ? ParsePeriod(text, targets) : (FiscalPeriod?)null;
        var events = request.Opportunities.SelectMany(o => o.Events).ToArray();
        var asOf = request.AsOf ?? (events.Length > 0 ? events.Max(e => e.At).InUtc().Date : targets.Year.Interval.End);
        var opportunities = PipelineReplay.Replay(playbook, request.Opportunities, PipelineRun.EndOf(asOf));
        var factory = context.Services.GetRequiredService<EngineFactory>();
        var result = PlanAnalysis.Run(
            organization, targets, plans, opportunities, asOf, factory.PlanChecker(checkPolicy), factory.Attainment(attainmentPolicy),
            new PlanSources(request.Accounts, files.Organization, files.Targets, files.Plans, listPath, request.Actuals)) with { Period = period };

        var tables = PlanViews.Tables(result);
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var report = new HtmlReport("kam plan", string.Create(CultureInfo.InvariantCulture, $"{result.Hierarchy.Accounts.Count} accounts, {plans.Count} key-account plans, {opportunities.Count} opportunities as of {asOf:yyyy-MM-dd}."));
            foreach (var section in PlanViews.ReportSections(result, tables))
            {
                report.Add(section);
            }

            return report;
        });
    }

    /// <summary>Parses <c>--period</c> on the targets' fiscal calendar (the names <c>kam pay --period</c> takes): the year, a quarter or a month of the targets' year.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="targets">The target plan.</param>
    /// <returns>The period.</returns>
    /// <exception cref="KamValidationException">The value is not a period name, is a half-year, or lies outside the targets' year (path <c>--period</c>).</exception>
    public static FiscalPeriod ParsePeriod(string text, TargetPlan targets)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(targets);
        FiscalPeriod period;
        try
        {
            period = targets.Calendar.Parse(text);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException("--period", ex.Errors[0].Code, text, ex.Errors[0].Message);
        }

        if (period.Kind is not (PeriodKind.Year or PeriodKind.Quarter or PeriodKind.Month))
        {
            throw new KamValidationException("--period", KamErrorCodes.OutOfRange, text, $"The targets are evaluated by year, quarter and month: give {targets.Year}, a quarter ({targets.Year}-Q3) or a month ({targets.Year}-M07).");
        }

        return period.FiscalYear == targets.Year.FiscalYear
            ? period
            : throw new KamValidationException("--period", KamErrorCodes.OutOfRange, text, $"The period is outside the targets' fiscal year {targets.Year}.");
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>: the sample's organization, targets and plans as of its last day.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var set = SamplePlans.Generate(demo.Sample);
        var factory = demo.Services.GetRequiredService<EngineFactory>();
        var opportunities = PipelineReplay.Replay(Playbook.Default, demo.Sample.Opportunities, PipelineRun.EndOf(demo.Sample.AsOf));
        var result = PlanAnalysis.Run(
            set.Organization, set.Targets, set.Plans, opportunities, demo.Sample.AsOf, factory.PlanChecker(PlanCheckPolicy.Default), factory.Attainment(AttainmentPolicy.Default),
            new PlanSources(set.Accounts, SamplePlans.OrganizationFileName, SamplePlans.TargetsFileName, SamplePlans.PlansFileName, "$.plans", set.Actuals));
        PlanDemo.Write(demo, result);
    }
}
