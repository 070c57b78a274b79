using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Compensation;
using Kam.Core.Stages;
using Kam.Core.Tests.Stages;
using Kam.Core.Tests.Tiering;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Summaries;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Primitives;

/// <summary>Sums that do not fit in decimal come back as a typed overflow error naming the quantity, never as OverflowException.</summary>
public sealed class OverflowGuardTests
{
    private const decimal Max = decimal.MaxValue;

    private static readonly Arbitrary<decimal> AnyDecimal = Gen.OneOf(
            ArbMap.Default.GeneratorFor<decimal>(),
            Gen.Elements(decimal.MaxValue, decimal.MinValue, decimal.MaxValue / 2m, 5e28m, 1e28m, -5e28m, 0m, Money.MaxAmount),
            Gen.Choose(-790, 790).Select(i => i * 1e26m))
        .ToArbitrary();

    private static KamValidationError Overflowed(Action act)
    {
        var ex = Assert.Throws<KamValidationException>(act);
        var error = Assert.Single(ex.Errors);
        Assert.Equal(KamErrorCodes.Overflow, error.Code);
        Assert.Contains("exceeds what can be computed", error.Message, StringComparison.Ordinal);
        Assert.Contains("units", error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Money_operators_report_overflow_as_a_typed_error()
    {
        var max = Yuan(Max);
        Overflowed(() => _ = max + max);
        Overflowed(() => _ = -max - max);
        Overflowed(() => _ = max * 2m);
        Overflowed(() => _ = max / 0.5m);
        Overflowed(() => _ = new[] { max, Yuan(1m) }.Sum(Currency.CNY));
        Overflowed(() => _ = Money.Sum([max, max], Currency.CNY));
        Overflowed(() => max.Allocate([1m, 1m]));
    }

    [Fact]
    public void Money_itself_accepts_amounts_beyond_the_rule_file_maximum()
    {
        var big = Yuan(Money.MaxAmount * 1000m);
        Assert.Equal(Money.MaxAmount * 2000m, (big + big).Amount);
        Assert.Equal(1_000_000_000_000_000m, Money.MaxAmount);
    }

    [Fact]
    public void An_amount_column_refuses_a_value_beyond_decimal_range_at_its_cell()
    {
        var ex = Assert.Throws<KamValidationException>(() => TieringSamples.Revenue(("A1", 1d), ("A2", 7.9228162514264337593543950335e28)));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(KamErrorCodes.Overflow, error.Code);
        Assert.Equal("measures['revenue'][1]", error.Path);
    }

    [Fact]
    public void Portfolio_summary_of_two_huge_revenues_reports_the_portfolio_total()
    {
        var portfolio = TieringSamples.Revenue(("A1", 5e28), ("A2", 5e28), ("A3", 1d));
        var policy = new ParetoPolicy("revenue", TieringSamples.Tiers("A", "B", "C"), [Percentage.FromPercent(70m), Percentage.FromPercent(90m)]);
        var error = Overflowed(() => new ParetoEngine(policy).Assign(portfolio));
        Assert.StartsWith("portfolio total revenue", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_cells_report_the_pipeline_value_that_overflows()
    {
        var states = new[]
        {
            new StageScenario("P-1", value: Max).InStage(2).State,
            new StageScenario("P-2", value: Max).InStage(2).State,
        };
        var error = Overflowed(() => new PipelineAnalyzer(Currency.CNY).Summarize(states, StageScenario.Start.Plus(Duration.FromDays(60))));
        Assert.Equal(PipelineCell.ValuePath, error.Path);
    }

    [Fact]
    public void Pipeline_totals_across_cells_report_overflow()
    {
        var states = new[]
        {
            new StageScenario("P-1", StageScenario.Alice, value: Max, account: AccountId.Parse("A-1")).InStage(2).State,
            new StageScenario("P-2", StageScenario.Bob, value: Max, account: AccountId.Parse("A-2")).InStage(2).State,
        };
        var asOf = StageScenario.Start.Plus(Duration.FromDays(60));
        var summary = new PipelineAnalyzer(Currency.CNY).Summarize(states, asOf);
        var error = Overflowed(() => _ = summary.Total);
        Assert.Equal(PipelineCell.ValuePath, error.Path);

        // Both of one account: the account's cell overflows while summarizing, with the same path.
        var oneAccount = new[] { states[0], new StageScenario("P-2", StageScenario.Bob, value: Max, account: AccountId.Parse("A-1")).InStage(2).State };
        Assert.Equal(PipelineCell.ValuePath, Overflowed(() => new PipelineAnalyzer(Currency.CNY).Summarize(oneAccount, asOf)).Path);
    }

    [Fact]
    public void Pay_collections_of_decimal_max_report_the_collection()
    {
        var deal = Deal("D-1", new LocalDate(2026, 1, 10), 1_000m, (S1, 100m));
        var cash = new[] { new CashReceipt(deal.Id, new LocalDate(2026, 2, 1), Yuan(Max)), new CashReceipt(deal.Id, new LocalDate(2026, 2, 2), Yuan(Max)) };
        var error = Overflowed(() => Calculator.CalculateYear(CashPlan(), 2026, [Payee(S1)], [deal], cash));
        Assert.Equal("collections[1].amount", error.Path);
    }

    [Fact]
    public void Pay_of_a_salary_of_decimal_max_reports_the_payees_pay()
    {
        var plan = new PayPlan(
            "Huge",
            Cny,
            MidpointRounding.AwayFromZero,
            new LocalDate(2026, 1, 1),
            null,
            [
                new FixedPayComponent(PayComponentKind.BaseSalary, "Base salary", Yuan(Max)),
                new FixedPayComponent(PayComponentKind.Allowance, "Phone allowance", Yuan(Max)),
            ]);
        var error = Overflowed(() => Calculator.CalculateYear(plan, 2026, [Payee(S1)], [], []));
        Assert.StartsWith("payees[0].pay", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Pay_statement_total_reports_overflow()
    {
        var line = new PayLine("Base salary", PayComponentKind.BaseSalary, "fixed", [], Yuan(Max));
        var error = Overflowed(() => _ = new PayStatement(S1, FiscalCalendar.Calendar.Year(2026), StatementKind.YearEnd, Cny, MidpointRounding.AwayFromZero, [line, line], Yuan(0m)));
        Assert.Equal("total", error.Path);
    }

    [Fact]
    public void Transaction_summaries_report_the_customers_spend()
    {
        var log = new[]
        {
            new Transaction("C1", new LocalDate(2026, 1, 1), 1m),
            new Transaction("C1", new LocalDate(2026, 2, 1), Max),
            new Transaction("C1", new LocalDate(2026, 3, 1), Max),
        };
        var error = Overflowed(() => new TransactionSummarizer().Summarize(log, new LocalDate(2026, 6, 30), SummaryTimeUnit.Weeks));
        Assert.Equal("customers['C1'].spend", error.Path);
    }

    [Fact]
    public void Rfm_aggregation_reports_the_transaction_that_overflows()
    {
        var a = AccountId.Parse("A1");
        var log = new[]
        {
            new CustomerTransaction(a, new LocalDate(2026, 1, 1), Yuan(Max)),
            new CustomerTransaction(a, new LocalDate(2026, 1, 2), Yuan(Max)),
        };
        var error = Overflowed(() => new RfmEngine(RfmPolicy.Default).Aggregate(log, new LocalDate(2026, 6, 30)));
        Assert.Equal("transactions[1].amount", error.Path);
    }

    [Property(MaxTest = 60)]
    public Property Tiering_aggregates_return_or_refuse_with_a_typed_error() =>
        Prop.ForAll(Gen.ArrayOf(AnyDecimal.Generator).Where(a => a.Length > 0).ToArbitrary(), values =>
            ReturnsOrRefuses(() =>
            {
                var portfolio = TieringSamples.Revenue(values.Select((v, i) => ($"A{i}", (double)v)).ToArray());
                var policy = new ParetoPolicy("revenue", TieringSamples.Tiers("A", "B", "C"), [Percentage.FromPercent(70m), Percentage.FromPercent(90m)]);
                var result = new ParetoEngine(policy).Assign(portfolio);
                _ = result.Summary.TotalAmount;
            }));

    [Property(MaxTest = 40)]
    public Property Pay_returns_or_refuses_with_a_typed_error() =>
        Prop.ForAll(Gen.ArrayOf(AnyDecimal.Generator).Where(a => a.Length is > 0 and <= 12).ToArbitrary(), amounts =>
            ReturnsOrRefuses(() =>
            {
                var deal = Deal("D-1", new LocalDate(2026, 1, 10), 1_000m, (S1, 100m));
                var cash = amounts.Select((a, i) => new CashReceipt(deal.Id, new LocalDate(2026, i + 1, 20), Yuan(Math.Abs(a)))).ToArray();
                var run = Calculator.CalculateYear(CashPlan(), 2026, [Payee(S1)], [deal], cash);
                _ = run.Statements.Select(s => s.Total).ToArray();
            }));

    [Property(MaxTest = 25)]
    public Property Pipeline_returns_or_refuses_with_a_typed_error() =>
        Prop.ForAll(Gen.ArrayOf(AnyDecimal.Generator).Where(a => a.Length is > 0 and <= 6).ToArbitrary(), values =>
            ReturnsOrRefuses(() =>
            {
                var states = values.Select((v, i) => new StageScenario($"P-{i}", i % 2 == 0 ? StageScenario.Alice : StageScenario.Bob, value: Math.Abs(v)).InStage(1 + (i % 3)).State).ToArray();
                var summary = new PipelineAnalyzer(Currency.CNY).Summarize(states, StageScenario.Start.Plus(Duration.FromDays(60)));
                _ = summary.Total;
                _ = summary.Forecast();
                _ = summary.ByOwner();
            }));

    private static bool ReturnsOrRefuses(Action act)
    {
        try
        {
            act();
            return true;
        }
        catch (KamValidationException)
        {
            return true;
        }
    }
}
