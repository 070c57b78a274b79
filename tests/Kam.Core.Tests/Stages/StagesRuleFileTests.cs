using Kam.Core.Stages;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;

namespace Kam.Core.Tests.Stages;

/// <summary>
/// The stage rule files: each policy member read alone keeps every other default, every member written and read
/// back, errors rooted at <c>$</c>; the playbook file's stage list, order, item and probability errors with their
/// paths; and the win-probability table's checks.
/// </summary>
public sealed class StagesRuleFileTests
{
    [Fact]
    public void An_empty_policy_file_is_the_default_policy()
    {
        Assert.Equal(ProgressPolicy.Default.ToJson(), ProgressPolicy.FromJson("{}").ToJson());
        Assert.Equal(AnomalyPolicy.Default.ToJson(), AnomalyPolicy.FromJson("{}").ToJson());
        Assert.Equal(ForecastPolicy.Default.ToJson(), ForecastPolicy.FromJson("{}").ToJson());
    }

    [Fact]
    public void Each_progress_member_alone_changes_only_itself()
    {
        var behind = ProgressPolicy.FromJson("""{ "behindTolerance": 2 }""");
        Assert.Equal((2, 0, ProcurementStage.ChoosePreferredSupplier), (behind.BehindTolerance, behind.AheadTolerance, behind.AbandonFrom));
        var ahead = ProgressPolicy.FromJson("""{ "aheadTolerance": 3 }""");
        Assert.Equal((0, 3, ProcurementStage.ChoosePreferredSupplier), (ahead.BehindTolerance, ahead.AheadTolerance, ahead.AbandonFrom));
        var all = new ProgressPolicy(1, 2, ProcurementStage.TenderAndScreen);
        var read = ProgressPolicy.FromJson(all.ToJson());
        Assert.Equal((1, 2, ProcurementStage.TenderAndScreen), (read.BehindTolerance, read.AheadTolerance, read.AbandonFrom));
    }

    [Fact]
    public void Each_anomaly_member_alone_changes_only_itself()
    {
        static (int, decimal, Percentage, int, int) Of(AnomalyPolicy p) => (p.MaxDaysInStage, p.HighValue, p.LowProbability, p.NearCloseDays, p.MinOwnerPipeline);
        var d = Of(AnomalyPolicy.Default);
        Assert.Equal((90, 1_000_000m, Percentage.FromPercent(30), 30, 3), d);
        Assert.Equal(d with { Item2 = 5m }, Of(AnomalyPolicy.FromJson("""{ "highValue": 5 }""")));
        Assert.Equal(d with { Item4 = 7 }, Of(AnomalyPolicy.FromJson("""{ "nearCloseDays": 7 }""")));
        Assert.Equal(d with { Item5 = 9 }, Of(AnomalyPolicy.FromJson("""{ "minOwnerPipeline": 9 }""")));
        Assert.Equal(d with { Item1 = 12 }, Of(AnomalyPolicy.FromJson("""{ "maxDaysInStage": 12 }""")));
        var all = new AnomalyPolicy(10, 20m, Percentage.FromPercent(40), 50, 60);
        Assert.Equal((10, 20m, Percentage.FromPercent(40), 50, 60), Of(AnomalyPolicy.FromJson(all.ToJson())));
    }

    [Fact]
    public void Each_forecast_member_alone_changes_only_itself()
    {
        var commit = ForecastPolicy.FromJson("""{ "commitFrom": "90%" }""");
        Assert.Equal((PeriodKind.Quarter, Percentage.FromPercent(90), Percentage.FromPercent(50)), (commit.Period, commit.CommitFrom, commit.BestCaseFrom));
        var best = ForecastPolicy.FromJson("""{ "bestCaseFrom": "25%" }""");
        Assert.Equal((PeriodKind.Quarter, Percentage.FromPercent(75), Percentage.FromPercent(25)), (best.Period, best.CommitFrom, best.BestCaseFrom));
        var all = new ForecastPolicy(PeriodKind.Half, Percentage.FromPercent(80), Percentage.FromPercent(20));
        var read = ForecastPolicy.FromJson(all.ToJson());
        Assert.Equal((PeriodKind.Half, Percentage.FromPercent(80), Percentage.FromPercent(20)), (read.Period, read.CommitFrom, read.BestCaseFrom));
        Assert.Contains("\"period\": \"Half\"", all.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Policy_file_errors_are_rooted_at_the_document()
    {
        var progress = Assert.Throws<KamValidationException>(() => ProgressPolicy.FromJson("""{ "behindTolerance": 8, "aheadTolerance": -1 }"""));
        Assert.Equal(["$.behindTolerance", "$.aheadTolerance"], progress.Errors.Select(e => e.Path));
        var anomalies = Assert.Throws<KamValidationException>(() => AnomalyPolicy.FromJson("""{ "highValue": -1, "nearCloseDays": 36501, "minOwnerPipeline": 0 }"""));
        Assert.Equal(["$.highValue", "$.nearCloseDays", "$.minOwnerPipeline"], anomalies.Errors.Select(e => e.Path));
        var forecast = Assert.Throws<KamValidationException>(() => ForecastPolicy.FromJson("""{ "period": 9 }"""));
        Assert.StartsWith("$.period", forecast.Errors[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_playbook_file_lists_exactly_eight_stages()
    {
        var none = Assert.Throws<KamValidationException>(() => Playbook.FromJson("""{ "stages": [] }"""));
        var error = Assert.Single(none.Errors);
        Assert.Equal("$.stages", error.Path);
        Assert.Equal(KamErrorCodes.OutOfRange, error.Code);
        Assert.Equal("0", error.AttemptedValue);
        Assert.Equal("A playbook lists exactly eight stages, stage 1 first.", error.Message);

        var json = Playbook.Default.ToJson();
        var seven = json[..json.LastIndexOf("{\n      \"stage\": \"ContractSigned\"", StringComparison.Ordinal)].TrimEnd().TrimEnd(',') + "]}";
        var short7 = Assert.Throws<KamValidationException>(() => Playbook.FromJson(seven));
        Assert.Equal("$.stages", short7.Errors[0].Path);
        Assert.Equal("7", short7.Errors[0].AttemptedValue);
    }

    [Fact]
    public void A_stage_out_of_order_is_named_with_the_stage_expected()
    {
        var json = Playbook.Default.ToJson().Replace("\"stage\": \"CustomerVisit\"", "\"stage\": \"PreliminaryProposal\"", StringComparison.Ordinal);
        var ex = Assert.Throws<KamValidationException>(() => Playbook.FromJson(json));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.stages[1].stage", error.Path);
        Assert.Equal(KamErrorCodes.OutOfOrder, error.Code);
        Assert.Equal("PreliminaryProposal", error.AttemptedValue);
        Assert.Equal("Stages are listed in order; expected CustomerVisit here.", error.Message);
    }

    [Fact]
    public void Item_errors_in_a_playbook_file_carry_the_list_and_index()
    {
        var json = Playbook.Default.ToJson().Replace("\"key\": \"s3.technical-exchange-agreed\"", "\"key\": \" \"", StringComparison.Ordinal);
        var ex = Assert.Throws<KamValidationException>(() => Playbook.FromJson(json));
        Assert.Contains(ex.Errors, e => e.Path.StartsWith("$.stages[2].successCriteria[0].", StringComparison.Ordinal));

        var milestone = Playbook.Default.ToJson().Replace("\"key\": \"s2.project-info-confirmed\"", "\"key\": \"\"", StringComparison.Ordinal);
        var mex = Assert.Throws<KamValidationException>(() => Playbook.FromJson(milestone));
        Assert.Contains(mex.Errors, e => e.Path.StartsWith("$.stages[1].milestones[1].", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_probability_that_does_not_rise_is_named()
    {
        var json = Playbook.Default.ToJson()
            .Replace("\"probability\": \"20%\"", "\"probability\": \"10%\"", StringComparison.Ordinal)
            .Replace("\"probability\": \"90%\"", "\"probability\": \"75%\"", StringComparison.Ordinal);
        var ex = Assert.Throws<KamValidationException>(() => Playbook.FromJson(json));
        Assert.Equal(["$.stages[1].probability", "$.stages[6].probability"], ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.Equal(KamErrorCodes.OutOfOrder, e.Code));
        Assert.Equal("The probability of stage 2 must be higher than that of stage 1 (10%).", ex.Errors[0].Message);
    }

    [Fact]
    public void Optional_items_are_written_and_read_back_as_optional()
    {
        var read = Playbook.FromJson(Playbook.Default.ToJson());
        Assert.Equal(Playbook.Default.Items.Select(i => (i.Key, i.Required)), read.Items.Select(i => (i.Key, i.Required)));
        Assert.Contains(read.Items, i => !i.Required);
        Assert.Contains(read.Items, i => i.Required);
    }

    [Fact]
    public void An_item_without_required_is_required()
    {
        var lean = System.Text.RegularExpressions.Regex.Replace(Playbook.Default.ToJson(), ",\\s*\"required\": true", string.Empty);
        Assert.DoesNotContain("\"required\": true", lean, StringComparison.Ordinal);
        var read = Playbook.FromJson(lean);
        Assert.Equal(Playbook.Default.Items.Select(i => (i.Key, i.Required)), read.Items.Select(i => (i.Key, i.Required)));
    }

    [Fact]
    public void A_win_probability_table_names_every_value_that_does_not_rise()
    {
        Assert.Throws<ArgumentNullException>(() => new WinProbabilityTable(null!));
        var ex = Assert.Throws<KamValidationException>(() => new WinProbabilityTable([.. new[] { 10m, 10m, 30m, 20m, 50m, 60m, 70m, 80m }.Select(Percentage.FromPercent)]));
        Assert.Equal(["probabilities[1]", "probabilities[3]"], ex.Errors.Select(e => e.Path));
        Assert.Equal("The probability of stage 4 must be higher than that of stage 3 (30%).", ex.Errors[1].Message);

        var count = Assert.Throws<KamValidationException>(() => new WinProbabilityTable([Percentage.FromPercent(10)]));
        var error = Assert.Single(count.Errors);
        Assert.Equal("probabilities", error.Path);
        Assert.Equal(KamErrorCodes.OutOfRange, error.Code);
        Assert.Equal("1", error.AttemptedValue);
        Assert.Equal("A win-probability table has exactly eight values, one per stage.", error.Message);
    }

    [Fact]
    public void Equal_tables_have_equal_hash_codes_and_different_tables_differ()
    {
        var values = new[] { 5m, 15m, 25m, 35m, 45m, 55m, 65m, 75m }.Select(Percentage.FromPercent).ToArray();
        var a = new WinProbabilityTable(values);
        var b = new WinProbabilityTable(values);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(WinProbabilityTable.Default));
        Assert.False(a.Equals(null));
        Assert.Equal("5% 15% 25% 35% 45% 55% 65% 75%", a.ToString());
        var hashes = Enumerable.Range(0, 8).Select(k =>
            new WinProbabilityTable(values.Select((v, i) => i >= k ? Percentage.FromPercent(v.Percent + 1) : v)).GetHashCode()).ToHashSet();
        Assert.Equal(8, hashes.Count);
        Assert.Equal(Percentage.Zero, a.Of(null));
        Assert.Equal(Percentage.FromPercent(35), a.Of(SalesStage.SolutionDemonstration));
    }
}
