using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>The worked example of docs/stages.md, compiled; the docs test checks the page shows exactly this code.</summary>
internal static class StagesDocSample
{
    public static (OpportunityState AfterDemo, OpportunityState Designing, OpportunityState Screened) Run()
    {
        // <docs>
        var playbook = Playbook.Default;
        var alice = PersonId.Parse("alice");
        var t = Instant.FromUtc(2026, 3, 2, 9, 0);
        var state = OpportunityState.Initial(playbook).Apply(new OpportunityOpened(
            t, alice, OpportunityId.Parse("B-ENG-01"), AccountId.Parse("COMPANY-B"), alice, Money.Of(800_000m, "CNY"), new LocalDate(2026, 9, 30)));

        // Company A works through stages 1-4; B accepts the demo and asks for a formal solution.
        foreach (var item in playbook.Items.Where(i => i.Required && i.Stage <= SalesStage.SolutionDemonstration))
        {
            t += Duration.FromDays(1);
            state = item.Kind == StageItemKind.Milestone
                ? state.Apply(new MilestoneItemDone(t, alice, item.Key))
                : state.Apply(new SuccessItemMet(t, alice, item.Key));
        }

        var afterDemo = state;   // stage 4 completed, 30%; stage 5 has NOT started

        state = state
            .Apply(new MilestoneItemDone(t += Duration.FromDays(1), alice, "s5.needs-analysed"))
            .Apply(new MilestoneItemDone(t += Duration.FromDays(1), alice, "s5.formal-solution-designed"));
        var designing = state;   // stage 5 entered: still 30%, band 30%–50%

        state = state
            .Apply(new SuccessItemMet(t += Duration.FromDays(1), alice, "s5.bid-submitted"))
            .Apply(new SuccessItemMet(t += Duration.FromDays(1), alice, "s5.screening-passed"));
        // stage 5 completed: 50%
        // </docs>
        return (afterDemo, designing, state);
    }
}
