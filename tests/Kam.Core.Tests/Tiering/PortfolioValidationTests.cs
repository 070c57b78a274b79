using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Tiering;

public sealed class PortfolioValidationTests
{
    [Fact]
    public void Duplicate_ids_nan_negative_counts_and_wrong_lengths_are_typed_errors()
    {
        var dup = Assert.Throws<KamValidationException>(() => AccountMeasures.Create([Id("a"), Id("a")], [MeasureColumn.Numbers("x", [1, 2])]));
        Assert.Equal(("accounts[1].id", KamErrorCodes.Duplicate), (dup.Errors[0].Path, dup.Errors[0].Code));
        Assert.Equal(KamErrorCodes.NotFinite, Assert.Throws<KamValidationException>(() => MeasureColumn.Numbers("x", [double.NaN])).Errors[0].Code);
        Assert.Equal(KamErrorCodes.NotFinite, Assert.Throws<KamValidationException>(() => MeasureColumn.Amounts("x", Currency.CNY, [double.PositiveInfinity])).Errors[0].Code);
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => MeasureColumn.Counts("orders", [3, -1])).Errors[0].Code);
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => AccountMeasures.Create([Id("a")], [MeasureColumn.Numbers("x", [1, 2])])).Errors[0].Code);
    }

    [Fact]
    public void Records_may_not_mix_currencies_in_one_measure()
    {
        AccountRecord[] records =
        [
            new(Id("a"), new Dictionary<string, MeasureValue> { ["revenue"] = Money.Of(10m, "CNY") }),
            new(Id("b"), new Dictionary<string, MeasureValue> { ["revenue"] = Money.Of(10m, "USD") }),
        ];
        var ex = Assert.Throws<KamValidationException>(() => AccountMeasures.FromRecords(records));
        Assert.Equal(("accounts[1].measures['revenue']", KamErrorCodes.CurrencyMismatch), (ex.Errors[0].Path, ex.Errors[0].Code));
    }

    [Fact]
    public void Records_become_columns_with_missing_values_marked()
    {
        AccountRecord[] records =
        [
            new(Id("a"), new Dictionary<string, MeasureValue> { ["revenue"] = Money.Of(10m, "CNY"), ["globalNeeds"] = true }),
            new(Id("b"), new Dictionary<string, MeasureValue> { ["revenue"] = Money.Of(20m, "CNY") }),
        ];
        var portfolio = AccountMeasures.FromRecords(records);
        Assert.Equal(MeasureKind.Flag, portfolio.Measure("globalNeeds").Kind);
        Assert.True(portfolio.Measure("globalNeeds").IsMissing(1));
        Assert.Equal(Currency.CNY, portfolio.Measure("revenue").Currency);
        Assert.Equal(20d, portfolio.Measure("revenue").ValueAt(1));
    }

    [Fact]
    public void Inputs_are_copied_so_callers_cannot_change_a_portfolio()
    {
        double[] values = [1, 2];
        var column = MeasureColumn.Numbers("x", values);
        values[0] = 99;
        Assert.Equal(1d, column.Values[0]);
    }
}
