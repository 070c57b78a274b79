using Kam.Cli.Data;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Sample;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Cli;

public sealed class SampleGeneratorTests
{
    private static readonly SampleDataSet Sample = SampleGenerator.Generate();

    [Fact]
    public void The_sample_has_the_documented_size()
    {
        Assert.Equal(200, Sample.Accounts.Count);
        Assert.Equal(20, Sample.Salespeople.Count);
        Assert.Equal(500, Sample.Opportunities.Count);
        Assert.InRange(Sample.Deals.Count, 200, 600);
        Assert.InRange(Sample.Transactions.Count, 800, 20_000);
        Assert.Equal(200, Sample.Accounts.Select(a => a.Id).Distinct().Count());
        Assert.Equal(Sample.Deals.Count, Sample.Deals.Select(d => d.DealId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        var again = SampleGenerator.Generate();
        Assert.Equal(Sample.Accounts, again.Accounts);
        Assert.Equal(Sample.Deals, again.Deals);
        Assert.Equal(Sample.Collections, again.Collections);
        Assert.Equal(Sample.Transactions, again.Transactions);
        Assert.Equal(Sample.Opportunities.SelectMany(o => o.Events), again.Opportunities.SelectMany(o => o.Events));
        Assert.NotEqual(Sample.Accounts.Select(a => a.Revenue), SampleGenerator.Generate(seed: 7).Accounts.Select(a => a.Revenue));
    }

    [Fact]
    public void Revenue_is_concentrated_as_in_a_real_portfolio()
    {
        var revenue = Sample.Accounts.Select(a => a.Revenue).OrderDescending().ToArray();
        var topFifth = revenue.Take(revenue.Length / 5).Sum() / revenue.Sum();
        Assert.InRange(topFifth, 0.5m, 0.9m);
        Assert.All(Sample.Accounts, a => Assert.True(a.Revenue > 0 && a.CostToServe > 0 && a.FirstOrder <= a.LastOrder));
        Assert.Contains(Sample.Accounts, a => a.Strategic is not null);
        Assert.Contains(Sample.Accounts, a => !a.CreditOk);
    }

    [Fact]
    public void Event_histories_follow_the_eight_stage_model_and_end_by_the_as_of_day()
    {
        var end = Sample.AsOf.PlusDays(1).AtStartOfDayInZone(NodaTime.DateTimeZone.Utc).ToInstant();
        foreach (var opportunity in Sample.Opportunities)
        {
            Assert.NotEmpty(opportunity.Events);
            Assert.Equal(opportunity.Events.OrderBy(e => e.At), opportunity.Events);
            Assert.All(opportunity.Events, e => Assert.True(e.At < end));
            Assert.All(opportunity.Events.Where(e => e.Kind is OpportunityEventKind.Milestone or OpportunityEventKind.Success), e => Assert.InRange(e.Stage!.Value, 1, 8));
            Assert.All(opportunity.Events.Take(opportunity.Events.Count - 1), e => Assert.True(e.Kind is OpportunityEventKind.Milestone or OpportunityEventKind.Success or OpportunityEventKind.Procurement));
        }

        var outcomes = Sample.Opportunities.GroupBy(o => o.Events[^1].Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(outcomes.GetValueOrDefault(OpportunityEventKind.Won) > 10);
        Assert.True(outcomes.GetValueOrDefault(OpportunityEventKind.Lost) > 10);
        Assert.True(outcomes.GetValueOrDefault(OpportunityEventKind.Abandoned) > 0);
        Assert.True(Sample.Opportunities.Count(o => o.Events[^1].Kind is OpportunityEventKind.Milestone or OpportunityEventKind.Success or OpportunityEventKind.Procurement) > 100);
    }

    [Fact]
    public void Every_sample_opportunity_replays_on_the_default_playbook()
    {
        var states = Sample.Opportunities.Select(o => Kam.Core.Stages.Opportunities.Opportunity.Replay(Kam.Core.Stages.Playbooks.Playbook.Default, PipelineReplay.ToEvents(o)).State).ToArray();
        Assert.Equal(Sample.Opportunities.Count, states.Length);
        Assert.Contains(states, s => s.Status == Kam.Core.Stages.OpportunityStatus.Won && s.CompletedStage == Kam.Core.Stages.SalesStage.ContractSigned);
        Assert.Contains(states, s => s.SkippedStages.Count > 0);
        Assert.True(states.Count(s => s.Stage is not null) > 400, "most opportunities have entered stage 1");
    }

    [Fact]
    public void Collections_belong_to_deals_and_never_exceed_them()
    {
        var deals = Sample.Deals.ToDictionary(d => d.DealId);
        foreach (var group in Sample.Collections.GroupBy(c => c.DealId))
        {
            var deal = deals[group.Key];
            Assert.True(group.Sum(c => c.Amount.Amount) <= deal.Amount.Amount);
            Assert.All(group, c => Assert.True(c.CollectedOn > deal.BookedOn && c.CollectedOn <= Sample.AsOf));
        }

        Assert.All(Sample.Deals.Where(d => d.Opportunity is not null), d =>
            Assert.Equal(OpportunityEventKind.Won, Sample.Opportunities.Single(o => o.Id == d.Opportunity).Events[^1].Kind));
    }

    [Fact]
    public void Transactions_cover_two_years_with_repeat_buyers()
    {
        Assert.All(Sample.Transactions, t => Assert.InRange(t.Date, Sample.AsOf.PlusYears(-2).PlusDays(1), Sample.AsOf));
        var perCustomer = Sample.Transactions.GroupBy(t => t.Customer).Select(g => g.Count()).ToArray();
        Assert.True(perCustomer.Count(n => n > 1) > 100, "most customers buy more than once");
        Assert.Contains(perCustomer, n => n == 1);
    }
}
