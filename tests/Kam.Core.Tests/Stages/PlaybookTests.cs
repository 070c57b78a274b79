using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

public sealed class PlaybookTests
{
    [Theory]
    [InlineData(SalesStage.AccountPlanning, "s1.meeting-agreed")]
    [InlineData(SalesStage.CustomerVisit, "s2.proposal-requested")]
    [InlineData(SalesStage.PreliminaryProposal, "s3.technical-exchange-agreed")]
    [InlineData(SalesStage.SolutionDemonstration, "s4.formal-design-allowed")]
    [InlineData(SalesStage.FormalSolutionDesign, "s5.screening-passed")]
    [InlineData(SalesStage.ProjectEvaluation, "s6.preferred-supplier")]
    [InlineData(SalesStage.CommercialNegotiation, "s7.contract-terms-agreed")]
    [InlineData(SalesStage.ContractSigned, "s8.contract-signed")]
    public void Default_success_criteria_end_with_the_customers_commitment_from_spec(SalesStage stage, string key)
    {
        var item = Playbook.Default[key];
        Assert.Equal(stage, item.Stage);
        Assert.Equal(StageItemKind.SuccessCriterion, item.Kind);
        Assert.True(item.Required);
        Assert.Contains(Playbook.Default.ItemsOf(stage, StageItemKind.Milestone), i => i.Required);
    }

    [Fact]
    public void Default_stage_one_milestones_are_the_seeds_work_items()
    {
        var keys = Playbook.Default.ItemsOf(SalesStage.AccountPlanning, StageItemKind.Milestone).Select(i => i.Key).ToArray();
        Assert.Equal(["s1.customer-info-gathered", "s1.opportunity-evaluated", "s1.customer-graded", "s1.phone-invitation"], keys);
        Assert.Equal("判断客户级别（A/B/C/D）", Playbook.Default["s1.customer-graded"].ChineseName);
    }

    [Fact]
    public void Items_get_dense_indices_grouped_by_stage_and_kind()
    {
        var items = Playbook.Default.Items;
        for (var i = 0; i < items.Count; i++)
        {
            Assert.Equal(i, Playbook.Default.IndexOf(items[i].Key));
        }

        Assert.Equal(items.OrderBy(i => i.Stage).ThenBy(i => i.Kind).Select(i => i.Key), items.Select(i => i.Key));
        Assert.Equal(-1, Playbook.Default.IndexOf("nope"));
    }

    [Fact]
    public void A_host_can_add_remove_rename_items_and_change_probabilities()
    {
        var items = Playbook.Default.Items
            .Where(i => i.Key != "s1.phone-invitation")
            .Select(i => i.Key switch
            {
                "s1.customer-graded" => new PlaybookItem(i.Key, i.Stage, i.Kind, "客户分级", "Customer graded", i.Required),
                "s3.internal-endorsement" => new PlaybookItem(i.Key, i.Stage, i.Kind, i.ChineseName, i.EnglishName, required: true),
                _ => i,
            })
            .Append(new PlaybookItem("s2.budget-confirmed", SalesStage.CustomerVisit, StageItemKind.Milestone, "预算已确认", "Budget confirmed"));
        var playbook = new Playbook(items, new WinProbabilityTable([.. new decimal[] { 5, 15, 25, 35, 55, 70, 85, 100 }.Select(Percentage.FromPercent)]));

        Assert.Equal("Budget confirmed", playbook["s2.budget-confirmed"].EnglishName);
        Assert.Equal(-1, playbook.IndexOf("s1.phone-invitation"));
        Assert.Equal("客户分级", playbook["s1.customer-graded"].ChineseName);
        Assert.True(playbook["s3.internal-endorsement"].Required);
        Assert.Equal(Percentage.FromPercent(70), playbook.Probabilities[SalesStage.ProjectEvaluation]);
        Assert.Equal(-1, Playbook.Default.IndexOf("s2.budget-confirmed"));
        Assert.Equal("判断客户级别（A/B/C/D）", Playbook.Default["s1.customer-graded"].ChineseName);
    }

    [Fact]
    public void An_invalid_playbook_is_refused_with_every_problem()
    {
        var items = Playbook.Default.Items
            .Where(i => i.Key != "s4.formal-design-allowed")
            .Append(new PlaybookItem("s1.customer-graded", SalesStage.AccountPlanning, StageItemKind.Milestone, "重复", "Duplicate"));
        var ex = Assert.Throws<KamValidationException>(() => new Playbook(items));
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.Duplicate && e.AttemptedValue == "s1.customer-graded");
        Assert.Contains(ex.Errors, e => e.Code == KamErrorCodes.Empty && e.Path == "stages[3]");
        var blank = Assert.Throws<KamValidationException>(() => new PlaybookItem(" ", SalesStage.AccountPlanning, StageItemKind.Milestone, "空", "Blank"));
        Assert.Contains(blank.Errors, e => e.Code == KamErrorCodes.Required && e.Path == "key");
    }

    [Fact]
    public void Json_round_trips_to_an_equal_playbook()
    {
        var json = Playbook.Default.ToJson();
        var read = Playbook.FromJson(json);
        Assert.Equal(Playbook.Default.Items.Select(Parts), read.Items.Select(Parts));
        Assert.Equal(Playbook.Default.Probabilities, read.Probabilities);
        Assert.Contains("\"probability\": \"75%\"", json, StringComparison.Ordinal);
        Assert.Contains("客户同意当面沟通", json, StringComparison.Ordinal); // Chinese stays readable
        Assert.Equal(json, read.ToJson());
    }

    [Fact]
    public void Json_errors_carry_json_paths()
    {
        var json = Playbook.Default.ToJson().Replace("\"probability\": \"30%\"", "\"probability\": \"22%\"", StringComparison.Ordinal);
        var ex = Assert.Throws<KamValidationException>(() => Playbook.FromJson(json));
        Assert.Equal("$.stages[3].probability", ex.Errors[0].Path);
        Assert.Equal(KamErrorCodes.OutOfOrder, ex.Errors[0].Code);

        var duplicate = Playbook.Default.ToJson().Replace("\"s2.customer-visited\"", "\"s1.customer-graded\"", StringComparison.Ordinal);
        ex = Assert.Throws<KamValidationException>(() => Playbook.FromJson(duplicate));
        Assert.Equal("$.stages[1].milestones[0].key", ex.Errors[0].Path);
        Assert.Equal(KamErrorCodes.Duplicate, ex.Errors[0].Code);

        ex = Assert.Throws<KamValidationException>(() => Playbook.FromJson("""{ "stages": [], "extra": 1 }"""));
        Assert.Equal(KamErrorCodes.JsonUnknownMember, ex.Errors[0].Code);
    }

    [Fact]
    public void The_playbook_draws_itself_as_a_mermaid_state_diagram()
    {
        var state = new StageScenario("P-1").InStage(3).State;
        var mermaid = Playbook.Default.ToMermaid(state);
        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Assert.Contains("state \"3 提交初步方案\" as S3", mermaid, StringComparison.Ordinal);
        Assert.Contains("state \"6 完成 75%\" as C6", mermaid, StringComparison.Ordinal);
        Assert.Contains("S1 --> C1 : 客户同意当面沟通", mermaid, StringComparison.Ordinal);
        Assert.Contains("class S3 current", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("介绍公司品牌", mermaid, StringComparison.Ordinal); // optional items are not drawn
    }

    private static (string Key, SalesStage Stage, StageItemKind Kind, string ChineseName, string EnglishName, bool Required) Parts(PlaybookItem i) =>
        (i.Key, i.Stage, i.Kind, i.ChineseName, i.EnglishName, i.Required);
}
