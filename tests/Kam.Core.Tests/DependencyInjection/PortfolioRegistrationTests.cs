using Kam.Core.DependencyInjection;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Staffing;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Tests.DependencyInjection;

/// <summary>AddKamCore registers the portfolio analyzers, built from the options (rule sets read from JSON included).</summary>
public sealed class PortfolioRegistrationTests
{
    [Fact]
    public void The_portfolio_analyzers_are_singletons_with_the_default_rules()
    {
        using var provider = new ServiceCollection().AddKamCore().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Same(provider.GetRequiredService<WinLossAnalyzer>(), provider.GetRequiredService<WinLossAnalyzer>());
        var churn = provider.GetRequiredService<ChurnAnalyzer>();
        Assert.Equal((PeriodKind.Half, Currency.CNY), (churn.Period, churn.Currency));
        Assert.Same(WinLossOptions.Default.Reasons, churn.Reasons);
        var receivables = provider.GetRequiredService<ReceivablesAnalyzer>();
        Assert.Equal((Currency.CNY, ReceivablesPolicy.Default), (receivables.Currency, receivables.Policy));
        Assert.Same(StaffingOptions.Default, provider.GetRequiredService<StaffingPlanner>().Options);
        Assert.Same(provider.GetRequiredService<StaffingPlanner>(), provider.GetRequiredService<StaffingPlanner>());
    }

    [Fact]
    public void Rules_read_from_json_flow_into_the_analyzers()
    {
        var winLoss = WinLossOptions.FromJson("""{ "period": "Month" }""");
        var staffing = StaffingOptions.FromJson("""{ "capacityHoursPerMonth": 40, "newAccountFactor": 3 }""");
        var receivables = ReceivablesPolicy.FromJson("""{ "maxDsoDays": 45 }""");
        using var provider = new ServiceCollection()
            .AddKamCore(o =>
            {
                o.ReportingCurrency = "USD";
                o.WinLoss = winLoss;
                o.ChurnPeriod = PeriodKind.Quarter;
                o.Receivables = receivables;
                o.Staffing = staffing;
            })
            .BuildServiceProvider();
        var churn = provider.GetRequiredService<ChurnAnalyzer>();
        Assert.Equal((PeriodKind.Quarter, Currency.USD), (churn.Period, churn.Currency));
        Assert.Same(winLoss.Reasons, churn.Reasons);
        Assert.Same(receivables, provider.GetRequiredService<ReceivablesAnalyzer>().Policy);
        Assert.Equal(Currency.USD, provider.GetRequiredService<ReceivablesAnalyzer>().Currency);
        var planner = provider.GetRequiredService<StaffingPlanner>();
        Assert.Same(staffing, planner.Options);
        var plan = planner.Plan([new Kam.Core.Relationships.Activities.AccountAssignment(AccountId.Parse("a"), PersonId.Parse("p"), "KA1")], [new StaffingPeriod("Q1", Ratio.Zero)], 1);
        Assert.Equal(0.45m, plan.Total.Periods[0].NeededFte);   // 18 h ÷ 40 h
        Assert.Equal(Currency.USD, provider.GetRequiredService<WinLossAnalyzer>().Currency);
    }

    [Fact]
    public void Missing_portfolio_rules_or_an_undefined_churn_period_fail_at_start_up()
    {
        Assert.Equal(
            ["options.WinLoss", "options.ChurnPeriod", "options.Receivables", "options.Staffing"],
            AddKamCoreTests.FailedPaths(o =>
            {
                o.WinLoss = null!;
                o.ChurnPeriod = (PeriodKind)7;
                o.Receivables = null!;
                o.Staffing = null!;
            }));
    }
}
