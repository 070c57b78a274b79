using Kam.Core.Stages;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Stages;

public sealed class StageModelTests
{
    [Theory]
    [InlineData(1, "客户规划与电话邀约", "发现问题，提出需求", FunnelState.Search)]
    [InlineData(2, "客户拜访与初步调研", "研究可行性，确定预算", FunnelState.Search)]
    [InlineData(3, "提交初步方案", "项目立项，组建采购小组", FunnelState.InFunnel)]
    [InlineData(4, "方案演示与技术交流", "建立采购标准", FunnelState.InFunnel)]
    [InlineData(5, "需求分析与正式方案设计", "招标，初步筛选", FunnelState.InFunnel)]
    [InlineData(6, "项目评估", "确定首选供应商", FunnelState.Best)]
    [InlineData(7, "商务谈判", "商务谈判", FunnelState.Best)]
    [InlineData(8, "签约成交", "签约", FunnelState.Best)]
    public void Each_stage_has_the_seeds_names_mapping_and_funnel_state(int number, string sales, string procurement, FunnelState funnel)
    {
        var stage = StageExtensions.SalesStageOf(number);
        Assert.Equal(number, stage.Number());
        Assert.Equal(sales, stage.ChineseName());
        Assert.Equal(procurement, stage.ToProcurementStage().ChineseName());
        Assert.Equal(stage, stage.ToProcurementStage().ToSalesStage());
        Assert.Equal(funnel, stage.Funnel());
        Assert.Equal(funnel, stage.ToProcurementStage().Funnel());
        Assert.False(string.IsNullOrWhiteSpace(stage.EnglishName()));
    }

    [Theory]
    [InlineData(1, "Account planning & phone invitation", "Discover problem, raise need")]
    [InlineData(2, "Customer visit & initial research", "Study feasibility, set budget")]
    [InlineData(3, "Preliminary proposal", "Approve project, form buying team")]
    [InlineData(4, "Solution demo & technical exchange", "Set purchasing criteria")]
    [InlineData(5, "Needs analysis & formal solution design", "Tender, first screening")]
    [InlineData(6, "Project evaluation", "Choose preferred supplier")]
    [InlineData(7, "Commercial negotiation", "Commercial negotiation")]
    [InlineData(8, "Contract signed", "Sign")]
    public void Each_stage_has_its_english_names(int number, string sales, string procurement)
    {
        Assert.Equal(sales, StageExtensions.SalesStageOf(number).EnglishName());
        Assert.Equal(procurement, StageExtensions.ProcurementStageOf(number).EnglishName());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Every_name_refuses_an_undefined_stage_naming_its_type_and_value(int number)
    {
        foreach (var (what, name) in new (string, Func<string>)[]
        {
            ("SalesStage", () => ((SalesStage)number).ChineseName()),
            ("SalesStage", () => ((SalesStage)number).EnglishName()),
            ("ProcurementStage", () => ((ProcurementStage)number).ChineseName()),
            ("ProcurementStage", () => ((ProcurementStage)number).EnglishName()),
        })
        {
            var error = Assert.Single(Assert.Throws<KamValidationException>(() => name()).Errors);
            Assert.Equal((what, KamErrorCodes.OutOfRange), (error.Path, error.Code));
            Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), error.AttemptedValue);
        }
    }

    [Fact]
    public void Default_probabilities_are_the_seeds()
    {
        Assert.Equal(
            new decimal[] { 10, 20, 25, 30, 50, 75, 90, 100 },
            WinProbabilityTable.Default.Values.Select(p => p.Percent).ToArray());
        Assert.Equal(Percentage.Zero, WinProbabilityTable.Default.Of(null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(-1)]
    public void Undefined_stages_are_refused(int number)
    {
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => StageExtensions.SalesStageOf(number)).Errors[0].Code);
        Assert.Throws<KamValidationException>(() => ((SalesStage)number).ChineseName());
        Assert.Throws<KamValidationException>(() => ((ProcurementStage)number).Funnel());
    }

    [Fact]
    public void A_probability_table_must_rise_strictly()
    {
        var flat = WinProbabilityTable.Default.Values.ToArray();
        flat[3] = flat[2];
        var ex = Assert.Throws<KamValidationException>(() => new WinProbabilityTable(flat));
        Assert.Equal("probabilities[3]", ex.Errors[0].Path);
        Assert.Equal(KamErrorCodes.OutOfOrder, ex.Errors[0].Code);
        Assert.Throws<KamValidationException>(() => new WinProbabilityTable(flat.Take(7).ToArray()));
    }
}
