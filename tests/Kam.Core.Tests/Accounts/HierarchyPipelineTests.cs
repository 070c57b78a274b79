using Kam.Core.Accounts;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Tests.Stages;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

/// <summary>The open pipeline rolled up the organization's units and the customers' structures.</summary>
public sealed class HierarchyPipelineTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 3, 1, 0, 0);
    private static readonly PipelineAnalyzer Analyzer = new(Currency.CNY);
    private static readonly FiscalPeriod Q1 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 3, 31), PeriodKind.Quarter);

    // HQ-ACME (group, SH) 100,000; ACME-SH (branch, SH) 50,000 closing in Q1; ACME-HZ (outlet, HZ) 20,000;
    // BETA (SH-1) 10,000 open and 70,000 won (not in the pipeline).
    private static OpportunityState[] States() =>
    [
        Open("P-1", "HQ-ACME", 100_000m),
        Open("P-2", "ACME-SH", 50_000m, new LocalDate(2026, 3, 31)),
        Open("P-3", "ACME-HZ", 20_000m),
        Open("P-4", "BETA", 10_000m),
        new StageScenario("P-5", value: 70_000m, account: A("BETA")).Add(at => new OpportunityWon(at, StageScenario.Alice)).State,
    ];

    private static OpportunityState Open(string id, string account, decimal value, LocalDate? close = null) =>
        new StageScenario(id, value: value, expectedClose: close, account: A(account)).State;

    [Fact]
    public void A_unit_holds_its_accounts_and_every_unit_below_it()
    {
        var view = new HierarchyPipeline(Hierarchy(), Analyzer.Summarize(States(), AsOf));
        Assert.Equal(180_000m, view.Unit(U("HQ")).Value.Amount);
        Assert.Equal(4, view.Unit(U("HQ")).Count);
        Assert.Equal(180_000m, view.Unit(U("EAST")).Value.Amount);
        Assert.Equal(160_000m, view.Unit(U("SH")).Value.Amount); // HQ-ACME, ACME-SH and Pudong's BETA
        Assert.Equal(10_000m, view.Unit(U("SH-1")).Value.Amount);
        Assert.Equal(20_000m, view.Unit(U("HZ")).Value.Amount);
        Assert.Equal(0, view.Unit(U("NORTH")).Count);

        var rows = view.ByUnit();
        Assert.Equal(["HQ", "EAST", "SH", "SH-1", "HZ", "NORTH"], rows.Select(r => r.Unit.Value));
        Assert.Equal([0m, 0, 150_000, 10_000, 20_000, 0], rows.Select(r => r.Own.Value.Amount));
        Assert.Equal([180_000m, 180_000, 160_000, 10_000, 20_000, 0], rows.Select(r => r.Total.Value.Amount));

        // One quarter: only ACME-SH's opportunity closes in Q1.
        Assert.Equal(50_000m, view.Unit(U("HQ"), Q1).Value.Amount);
        Assert.Equal(0m, view.Unit(U("HZ"), Q1).Value.Amount);
        Assert.Equal([50_000m, 50_000, 50_000, 0, 0, 0], view.ByUnit(Q1).Select(r => r.Total.Value.Amount));
    }

    [Fact]
    public void An_account_holds_the_accounts_below_it_in_its_customers_structure()
    {
        var view = new HierarchyPipeline(Hierarchy(), Analyzer.Summarize(States(), AsOf));
        Assert.Equal(170_000m, view.AccountTree(A("HQ-ACME")).Value.Amount);
        Assert.Equal(3, view.AccountTree(A("HQ-ACME")).Count);
        Assert.Equal(70_000m, view.AccountTree(A("ACME-SH")).Value.Amount);
        Assert.Equal(20_000m, view.AccountTree(A("ACME-HZ")).Value.Amount);
        Assert.Equal(10_000m, view.AccountTree(A("BETA")).Value.Amount);
        Assert.Equal(50_000m, view.AccountTree(A("HQ-ACME"), Q1).Value.Amount);

        var rows = view.ByAccountTree();
        Assert.Equal(["HQ-ACME", "ACME-SH", "ACME-HZ", "BETA"], rows.Select(r => r.Account.Value));
        Assert.Equal([100_000m, 50_000, 20_000, 10_000], rows.Select(r => r.Own.Value.Amount));
        Assert.Equal([170_000m, 70_000, 20_000, 10_000], rows.Select(r => r.Total.Value.Amount));
        Assert.Equal(Currency.CNY, rows[0].Total.Value.Currency);
    }

    [Fact]
    public void An_opportunity_of_an_account_outside_the_hierarchy_is_refused_naming_the_opportunity_and_the_account()
    {
        var states = States().Append(Open("P-9", "GHOST", 1m)).Append(Open("P-10", "GHOST", 2m)).Append(Open("P-8", "ALIEN", 3m)).ToArray();
        var summary = Analyzer.Summarize(states, AsOf);
        var ex = Assert.Throws<KamValidationException>(() => new HierarchyPipeline(Hierarchy(), summary));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("opportunities['P-8'].account", ex.Errors[0].Path);
        Assert.Equal("ALIEN", ex.Errors[0].AttemptedValue);
        Assert.Equal("opportunities['P-10'].account", ex.Errors[1].Path); // the first of GHOST's, in identifier order
        Assert.Equal("GHOST", ex.Errors[1].AttemptedValue);
        Assert.Equal(KamErrorCodes.Unknown, ex.Errors[1].Code);
        Assert.Contains("'P-10' belongs to account 'GHOST'", ex.Errors[1].Message, StringComparison.Ordinal);

        // A closed opportunity of an unknown account adds nothing to the pipeline and is not refused.
        var closed = new StageScenario("P-7", account: A("GHOST")).Add(at => new OpportunityLost(at, StageScenario.Alice)).State;
        Assert.Equal(180_000m, new HierarchyPipeline(Hierarchy(), Analyzer.Summarize([.. States(), closed], AsOf)).Unit(U("HQ")).Value.Amount);
    }

    [Fact]
    public void Unknown_units_and_accounts_are_refused_and_nothing_is_needed_for_an_empty_summary()
    {
        var view = new HierarchyPipeline(Hierarchy(), DealControlSummary.Empty(Currency.CNY));
        Assert.All(view.ByUnit(), r => Assert.Equal(0, r.Total.Count));
        Assert.Equal(KamErrorCodes.Unknown, Assert.Throws<KamValidationException>(() => view.Unit(U("NOPE"))).Errors[0].Code);
        Assert.Equal("NOPE", Assert.Throws<KamValidationException>(() => view.AccountTree(A("NOPE"))).Errors[0].AttemptedValue);
        Assert.Throws<ArgumentNullException>(() => new HierarchyPipeline(null!, DealControlSummary.Empty(Currency.CNY)));
        Assert.Throws<ArgumentNullException>(() => new HierarchyPipeline(Hierarchy(), null!));
    }
}
