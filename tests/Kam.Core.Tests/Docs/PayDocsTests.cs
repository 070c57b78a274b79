using Kam.Core.Compensation;
using Kam.Core.Performance;

namespace Kam.Core.Tests.Docs;

public sealed class PayDocsTests
{
    [Fact]
    public void The_pay_plan_in_docs_compensation_md_loads()
    {
        var plan = PayPlan.FromJson(JsonBlock("docs/compensation.md"));
        Assert.Equal(7, plan.Components.Count);
        Assert.Equal(1.5m, plan.Commission!.Schedule.Accelerators[0].Multiplier);
        Assert.True(plan.Commission.Draw!.Recoverable);
    }

    [Fact]
    public void The_scorecard_in_docs_performance_md_loads()
    {
        var card = Scorecard.FromJson(JsonBlock("docs/appraisal.md"));
        Assert.Equal(2, card.Sections.Count);
        Assert.Equal("B", card.GradeOf(Ratio.FromPercent(50m)));
    }

    private static string JsonBlock(string page)
    {
        var text = RepositoryFiles.Read(page);
        var start = text.IndexOf("```jsonc", StringComparison.Ordinal) + "```jsonc".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
