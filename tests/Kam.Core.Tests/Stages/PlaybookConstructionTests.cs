using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// Constructing playbooks: the order of the items, look-ups, copies, and the typed errors of a playbook or an item
/// that is incomplete or malformed (both are valid from the moment they exist).
/// </summary>
public sealed class PlaybookConstructionTests
{
    /// <summary>One required milestone and one required success criterion per stage, given stage 8 first.</summary>
    private static List<PlaybookItem> Minimal()
    {
        var items = new List<PlaybookItem>();
        foreach (var stage in StageExtensions.AllSalesStages.Reverse())
        {
            var n = stage.Number();
            items.Add(new PlaybookItem($"s{n}", stage, StageItemKind.SuccessCriterion, $"成功{n}", $"Success {n}"));
            items.Add(new PlaybookItem($"m{n}", stage, StageItemKind.Milestone, $"里程碑{n}", $"Milestone {n}"));
        }

        return items;
    }

    [Fact]
    public void Items_are_ordered_by_stage_milestones_first_in_the_order_given()
    {
        var items = Minimal();
        items.Add(new PlaybookItem("m1b", SalesStage.AccountPlanning, StageItemKind.Milestone, "里程碑1b", "Milestone 1b", required: false));
        var playbook = new Playbook(items);
        Assert.Equal(["m1", "m1b", "s1", "m2", "s2"], playbook.Items.Take(5).Select(i => i.Key));
        Assert.Equal(17, playbook.Items.Count);
        Assert.Equal(1, playbook.IndexOf("m1b"));
        Assert.Equal(-1, playbook.IndexOf("nope"));
        Assert.Equal("Milestone 8", playbook["m8"].EnglishName);
        Assert.Equal(["m1", "m1b"], playbook.ItemsOf(SalesStage.AccountPlanning, StageItemKind.Milestone).Select(i => i.Key));
        Assert.Equal(["s8"], playbook.ItemsOf(SalesStage.ContractSigned, StageItemKind.SuccessCriterion).Select(i => i.Key));
        Assert.Equal("Playbook with 17 items; probabilities 10% 20% 25% 30% 50% 75% 90% 100%", playbook.ToString());
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => playbook["nope"]).Errors);
        Assert.Equal(("key", KamErrorCodes.Unknown, "nope"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Throws<ArgumentNullException>(() => playbook.IndexOf(null!));
        Assert.Throws<KamValidationException>(() => playbook.ItemsOf((SalesStage)0, StageItemKind.Milestone));
    }

    [Fact]
    public void A_playbook_copies_its_items_and_defaults_its_probabilities()
    {
        var items = Minimal();
        var playbook = new Playbook(items);
        items.RemoveAt(0);
        items.Add(new PlaybookItem("m3b", SalesStage.PreliminaryProposal, StageItemKind.Milestone, "b", "B"));
        Assert.Equal(16, playbook.Items.Count);
        Assert.Equal(-1, playbook.IndexOf("m3b"));
        Assert.Same(WinProbabilityTable.Default, playbook.Probabilities);
        var table = new WinProbabilityTable([.. new decimal[] { 5, 15, 25, 35, 55, 70, 85, 100 }.Select(Percentage.FromPercent)]);
        Assert.Same(table, new Playbook(Minimal(), table).Probabilities);
        Assert.Throws<ArgumentNullException>(() => new Playbook(null!));
    }

    [Fact]
    public void Every_stage_needs_a_required_milestone_and_success_criterion()
    {
        var items = Minimal()
            .Where(i => i.Key != "s7")
            .Select(i => i.Key == "m2" ? new PlaybookItem(i.Key, i.Stage, i.Kind, i.ChineseName, i.EnglishName, required: false) : i);
        var ex = Assert.Throws<KamValidationException>(() => new Playbook(items));
        Assert.Equal([("stages[1]", KamErrorCodes.Empty), ("stages[6]", KamErrorCodes.Empty)], ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("Stage 2 (客户拜访与初步调研) has no required milestone.", ex.Errors[0].Message);
        Assert.Equal("Stage 7 (商务谈判) has no required success criterion.", ex.Errors[1].Message);
    }

    [Fact]
    public void Malformed_items_are_refused_when_created_and_duplicates_at_their_index()
    {
        var ex = Assert.Throws<KamValidationException>(() => new PlaybookItem("", (SalesStage)9, (StageItemKind)3, " ", ""));
        Assert.Equal(["key", "chineseName", "englishName", "stage", "kind"], ex.Errors.Select(e => e.Path));
        Assert.Equal(KamErrorCodes.Required, ex.Errors[0].Code);
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[3].Code);
        Assert.Equal("9", ex.Errors[3].AttemptedValue);
        Assert.Equal(("3", "Not a defined item kind."), (ex.Errors[4].AttemptedValue, ex.Errors[4].Message));

        var items = Minimal();
        items.Add(new PlaybookItem("m1", SalesStage.AccountPlanning, StageItemKind.Milestone, "x", "y"));
        var duplicate = Assert.Single(Assert.Throws<KamValidationException>(() => new Playbook(items)).Errors);
        Assert.Equal(("items[16].key", KamErrorCodes.Duplicate), (duplicate.Path, duplicate.Code));

        var withNull = Minimal();
        withNull.Add(null!);
        Assert.Equal([("items[16]", KamErrorCodes.Required)], Assert.Throws<KamValidationException>(() => new Playbook(withNull)).Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void A_playbook_holds_at_most_128_items()
    {
        var items = Minimal();
        for (var i = items.Count; i < Playbook.MaxItems; i++)
        {
            items.Add(new PlaybookItem($"x{i}", SalesStage.CustomerVisit, StageItemKind.SuccessCriterion, "x", "x", required: false));
        }

        Assert.Equal(Playbook.MaxItems, new Playbook(items).Items.Count);
        items.Add(new PlaybookItem("one-too-many", SalesStage.CustomerVisit, StageItemKind.SuccessCriterion, "x", "x"));
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => new Playbook(items)).Errors);
        Assert.Equal(("items", KamErrorCodes.OutOfRange, "129"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("at most 128", error.Message, StringComparison.Ordinal);
    }
}
