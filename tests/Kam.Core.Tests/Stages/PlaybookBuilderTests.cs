using Kam.Core.Stages;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// Building playbooks: the order of the items, look-ups, editing through the builder, and the typed errors of a
/// playbook that is incomplete or malformed.
/// </summary>
public sealed class PlaybookBuilderTests
{
    /// <summary>One required milestone and one required success criterion per stage, given stage 8 first.</summary>
    private static PlaybookBuilder Minimal()
    {
        var builder = new PlaybookBuilder();
        foreach (var stage in StageExtensions.AllSalesStages.Reverse())
        {
            var n = stage.Number();
            builder.Add(stage, StageItemKind.SuccessCriterion, $"s{n}", $"成功{n}", $"Success {n}");
            builder.Add(stage, StageItemKind.Milestone, $"m{n}", $"里程碑{n}", $"Milestone {n}");
        }

        return builder;
    }

    [Fact]
    public void Items_are_ordered_by_stage_milestones_first_in_the_order_given()
    {
        var playbook = Minimal().Add(SalesStage.AccountPlanning, StageItemKind.Milestone, "m1b", "里程碑1b", "Milestone 1b", required: false).Build();
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
    public void A_builder_edits_a_copy_of_the_playbook()
    {
        var playbook = Minimal().Build();
        var builder = playbook.ToBuilder();
        Assert.Equal(playbook.Items, builder.Items);
        Assert.Same(playbook.Probabilities, builder.Probabilities);
        var edited = builder.Rename("m3", "新", "New").Add(SalesStage.PreliminaryProposal, StageItemKind.Milestone, "m3b", "b", "B").SetRequired("m3", false).Build();
        Assert.Equal(("新", "New", false), (edited["m3"].ChineseName, edited["m3"].EnglishName, edited["m3"].Required));
        Assert.True(playbook["m3"].Required);
        Assert.Equal(16, playbook.Items.Count);
        Assert.Equal(15, playbook.ToBuilder().Remove("s5").Items.Count);

        foreach (var edit in new Action<PlaybookBuilder>[] { b => b.Remove("zz"), b => b.Rename("zz", "a", "b"), b => b.SetRequired("zz", true) })
        {
            var error = Assert.Single(Assert.Throws<KamValidationException>(() => edit(playbook.ToBuilder())).Errors);
            Assert.Equal(("key", KamErrorCodes.Unknown, "zz"), (error.Path, error.Code, error.AttemptedValue));
            Assert.Contains("no item with this key", error.Message, StringComparison.Ordinal);
        }

        var noTable = Minimal();
        noTable.Probabilities = null!;
        Assert.Equal("Probabilities", Assert.Single(Assert.Throws<KamValidationException>(() => noTable.Build()).Errors).Path);
    }

    [Fact]
    public void Every_stage_needs_a_required_milestone_and_success_criterion()
    {
        var ex = Assert.Throws<KamValidationException>(() => Minimal().SetRequired("m2", false).Remove("s7").Build());
        Assert.Equal([("stages[1]", KamErrorCodes.Empty), ("stages[6]", KamErrorCodes.Empty)], ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("Stage 2 (客户拜访与初步调研) has no required milestone.", ex.Errors[0].Message);
        Assert.Equal("Stage 7 (商务谈判) has no required success criterion.", ex.Errors[1].Message);
    }

    [Fact]
    public void Malformed_items_are_reported_at_their_index()
    {
        var builder = Minimal();
        builder.Add(new PlaybookItem("", (SalesStage)9, (StageItemKind)3, " ", ""));
        builder.Add(new PlaybookItem("m1", SalesStage.AccountPlanning, StageItemKind.Milestone, "x", "y"));
        var ex = Assert.Throws<KamValidationException>(() => builder.Build());
        Assert.Equal(
            ["items[16].key", "items[16].chineseName", "items[16].englishName", "items[16].stage", "items[16].kind", "items[17].key"],
            ex.Errors.Select(e => e.Path));
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[3].Code);
        Assert.Equal("9", ex.Errors[3].AttemptedValue);
        Assert.Equal(("3", "Not a defined item kind."), (ex.Errors[4].AttemptedValue, ex.Errors[4].Message));
        Assert.Equal(KamErrorCodes.Duplicate, ex.Errors[5].Code);

        var withNull = Minimal().ToBuilderWithNull();
        Assert.Equal([("items[16]", KamErrorCodes.Required)], Assert.Throws<KamValidationException>(() => withNull.Build()).Errors.Select(e => (e.Path, e.Code)));
    }

    [Fact]
    public void A_playbook_holds_at_most_128_items()
    {
        var builder = Minimal();
        for (var i = builder.Items.Count; i < Playbook.MaxItems; i++)
        {
            builder.Add(SalesStage.CustomerVisit, StageItemKind.SuccessCriterion, $"x{i}", "x", "x", required: false);
        }

        Assert.Equal(Playbook.MaxItems, builder.Build().Items.Count);
        builder.Add(SalesStage.CustomerVisit, StageItemKind.SuccessCriterion, "one-too-many", "x", "x");
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => builder.Build()).Errors);
        Assert.Equal(("items", KamErrorCodes.OutOfRange, "129"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("at most 128", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Test-only helper: a builder with a null item, which the public <c>Add</c> refuses.</summary>
internal static class PlaybookBuilderTestExtensions
{
    public static PlaybookBuilder ToBuilderWithNull(this PlaybookBuilder builder)
    {
        var items = builder.Items.ToList();
        items.Add(null!);
        return new PlaybookBuilder(items, builder.Probabilities);
    }
}
