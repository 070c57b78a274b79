using System.Collections.Immutable;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Summaries;

namespace Kam.Core.Tests.Value.Models;

/// <summary>
/// The calibration data of the models and the lifetime-value arithmetic: compression, ordering, counts, each
/// validation rule on both sides of its boundary with its path and code, and the discounting of expected transactions.
/// </summary>
public sealed class ModelDataTests
{
    private static KamValidationError Single(Action action) => Assert.Single(Assert.Throws<KamValidationException>(action).Errors);

    [Fact]
    public void Histories_are_compressed_into_weighted_rows_sorted_by_frequency_age_and_recency()
    {
        var data = FrequencyRecencyData.Create(
            [2, 0, 2, 1, 2, 0, 2],
            [5, 0, 3, 4, 3, 0, 3],
            [10, 10, 10, 9, 8, 10, 10],
            [1, 2, 3, 4, 5, 6, 0.5]);
        Assert.Equal(21.5, data.CustomerCount);
        Assert.Equal(5, data.RowCount);
        Assert.Equal(
            ["0 0 10 ×8", "1 4 9 ×4", "2 3 8 ×5", "2 3 10 ×3.5", "2 5 10 ×1"],
            data.Rows().Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.History.Frequency} {r.History.Recency} {r.History.Age} ×{r.Customers}")));

        var fromHistories = FrequencyRecencyData.FromHistories([new CustomerHistory(1, 2, 3), new CustomerHistory(0, 0, 3), new CustomerHistory(1, 2, 3)]);
        Assert.Equal([(new CustomerHistory(0, 0, 3), 1.0), (new CustomerHistory(1, 2, 3), 2.0)], fromHistories.Rows());
        Assert.Equal(3, fromHistories.CustomerCount);

        var fromSummaries = FrequencyRecencyData.FromSummaries([new CustomerSummary("a", 3, 7, 9, 10, 4), new CustomerSummary("b", 0, 0, 9, 0, 1)]);
        Assert.Equal([(new CustomerHistory(0, 0, 9), 1.0), (new CustomerHistory(3, 7, 9), 1.0)], fromSummaries.Rows());
    }

    [Fact]
    public void A_history_is_checked_at_each_boundary()
    {
        // Valid at the edges: recency equal to age, a zero age, whole frequencies.
        Assert.Equal(5, new CustomerHistory(3, 5, 5).Recency);
        Assert.Equal(0, new CustomerHistory(0, 0, 0).Age);

        var recency = Single(() => _ = new CustomerHistory(3, 5.5, 5));
        Assert.Equal(("customer.recency", KamErrorCodes.OutOfOrder), (recency.Path, recency.Code));
        Assert.Contains("5.5", recency.Message, StringComparison.Ordinal);
        Assert.Contains("(5)", recency.Message, StringComparison.Ordinal);
        Assert.Equal(("customer.recency", KamErrorCodes.OutOfRange), (Single(() => _ = new CustomerHistory(0, 1, 5)).Path, Single(() => _ = new CustomerHistory(0, 1, 5)).Code));
        Assert.Equal(("customer.frequency", KamErrorCodes.InvalidFormat), (Single(() => _ = new CustomerHistory(1.5, 1, 5)).Path, Single(() => _ = new CustomerHistory(1.5, 1, 5)).Code));
        Assert.Equal("customer.frequency", Single(() => _ = new CustomerHistory(-1, 0, 5)).Path);
        Assert.Equal("customer.recency", Single(() => _ = new CustomerHistory(1, -1, 5)).Path);
        Assert.Equal("customer.age", Single(() => _ = new CustomerHistory(0, 0, -1)).Path);
        Assert.Equal(KamErrorCodes.NotFinite, Single(() => _ = new CustomerHistory(0, 0, double.PositiveInfinity)).Code);

        // Several bad fields are all reported; an impossible order is only judged on otherwise valid numbers.
        var both = Assert.Throws<KamValidationException>(() => _ = new CustomerHistory(1.5, -1, 5)).Errors;
        Assert.Equal(["customer.frequency", "customer.recency"], both.Select(e => e.Path));
        Assert.Equal(["customer.age"], Assert.Throws<KamValidationException>(() => _ = new CustomerHistory(2, 9, -1)).Errors.Select(e => e.Path));
    }

    [Fact]
    public void Column_data_reports_lengths_weights_and_rows_by_index()
    {
        var lengths = Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([1, 2], [1], [3, 3])).Errors;
        Assert.Equal(("customers", KamErrorCodes.InvalidSum), (lengths[0].Path, lengths[0].Code));
        Assert.Equal(KamErrorCodes.InvalidSum, Single(() => FrequencyRecencyData.Create([1, 2], [1, 1], [3])).Code);
        Assert.Equal(KamErrorCodes.InvalidSum, Single(() => FrequencyRecencyData.Create([1, 2], [1, 1], [3, 3], [1])).Code);
        var empty = Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([], [], [])).Errors;
        Assert.Equal([("customers", KamErrorCodes.Empty)], empty.Select(e => (e.Path, e.Code)));

        var weights = Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create([1, 1, 1], [1, 1, 1], [2, 2, 2], [1, 0, double.NaN])).Errors;
        Assert.Equal(["customers[1].weight", "customers[2].weight"], weights.Select(e => e.Path));
        Assert.Equal(double.Epsilon, FrequencyRecencyData.Create([1], [1], [2], [double.Epsilon]).CustomerCount);

        // A large bad file stops after about a hundred errors instead of listing every row.
        var many = Assert.Throws<KamValidationException>(() => FrequencyRecencyData.Create(Enumerable.Repeat(-1.0, 500).ToArray(), new double[500], new double[500])).Errors;
        Assert.InRange(many.Count, 101, 102);
        Assert.Equal("customers[100].frequency", many[^1].Path);
    }

    [Fact]
    public void Spend_data_keeps_repeat_buyers_and_weights_their_mean_values()
    {
        var data = SpendData.Create([1, 3], [10, 40], [3, 1]);
        Assert.Equal(4, data.CustomerCount);
        Assert.Equal((3 * 10 + 40) / 4.0, data.MeanValue, 12);
        Assert.Equal(25, SpendData.Create([1, 3], [10, 40]).MeanValue, 12);

        var fromSummaries = SpendData.FromSummaries([new CustomerSummary("a", 0, 0, 9, 0, 1), new CustomerSummary("b", 2, 5, 9, 30, 3), new CustomerSummary("c", 1, 4, 9, 10, 2)]);
        Assert.Equal(2, fromSummaries.CustomerCount);
        Assert.Equal(20, fromSummaries.MeanValue, 12);
        var none = Single(() => SpendData.FromSummaries([new CustomerSummary("a", 0, 0, 9, 0, 1)]));
        Assert.Equal(("customers", KamErrorCodes.Empty), (none.Path, none.Code));

        var errors = Assert.Throws<KamValidationException>(() => SpendData.Create([0, 1.5, 1, 1], [1, 1, 0, 1], [1, 1, 1, -2])).Errors;
        Assert.Equal(
            [("customers[0].frequency", KamErrorCodes.OutOfRange), ("customers[1].frequency", KamErrorCodes.InvalidFormat), ("customers[2].meanValue", KamErrorCodes.OutOfRange), ("customers[3].weight", KamErrorCodes.OutOfRange)],
            errors.Select(e => (e.Path, e.Code)));
        Assert.Equal(KamErrorCodes.InvalidSum, Single(() => SpendData.Create([1, 2], [1])).Code);
        Assert.Equal(KamErrorCodes.InvalidSum, Single(() => SpendData.Create([1, 2], [1, 2], [1])).Code);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => SpendData.Create([], [])).Errors[0].Code);
        Assert.Equal(1, SpendData.Create([1], [double.Epsilon]).CustomerCount);
        var many = Assert.Throws<KamValidationException>(() => SpendData.Create(Enumerable.Repeat(0.0, 500).ToArray(), Enumerable.Repeat(1.0, 500).ToArray())).Errors;
        Assert.InRange(many.Count, 101, 103);
    }

    [Fact]
    public void Discrete_histories_merge_by_pattern_and_check_each_rule()
    {
        var data = DiscreteHistoryData.FromCounts([(new DiscreteHistory(2, 3, 6), 10), (new DiscreteHistory(0, 0, 5), 4), (new DiscreteHistory(2, 3, 6), 5), (new DiscreteHistory(1, 1, 5), 2)]);
        Assert.Equal(21, data.CustomerCount);
        Assert.Equal(3, data.RowCount);
        Assert.Equal(3, DiscreteHistoryData.FromHistories([new DiscreteHistory(1, 2, 3), new DiscreteHistory(1, 2, 3), new DiscreteHistory(0, 0, 3)]).CustomerCount);
        Assert.Equal(2, DiscreteHistoryData.FromHistories([new DiscreteHistory(1, 2, 3), new DiscreteHistory(1, 2, 3), new DiscreteHistory(0, 0, 3)]).RowCount);

        var counts = Assert.Throws<KamValidationException>(() => DiscreteHistoryData.FromCounts([(new DiscreteHistory(1, 1, 2), 1), (new DiscreteHistory(1, 1, 2), 0), (new DiscreteHistory(0, 0, 2), -1)])).Errors;
        Assert.Equal(["patterns[1].customers", "patterns[2].customers"], counts.Select(e => e.Path));
        Assert.Equal(("patterns", KamErrorCodes.Empty), Rule(() => DiscreteHistoryData.FromCounts([])));
        Assert.Equal(KamErrorCodes.Empty, Single(() => DiscreteHistoryData.FromHistories([])).Code);

        // Edges that are valid: tₓ = n, x = tₓ, nothing observed yet.
        Assert.Equal(6, new DiscreteHistory(6, 6, 6).Frequency);
        Assert.Equal(0, new DiscreteHistory(0, 0, 0).Opportunities);
        Assert.Equal(1_000_000, new DiscreteHistory(1, 1, 1_000_000).Opportunities);
        Assert.Equal(("customer.recency", KamErrorCodes.OutOfOrder), Rule(() => _ = new DiscreteHistory(1, 7, 6)));
        Assert.Equal(("customer.frequency", KamErrorCodes.OutOfRange), Rule(() => _ = new DiscreteHistory(4, 3, 6)));
        Assert.Equal(("customer.frequency", KamErrorCodes.OutOfRange), Rule(() => _ = new DiscreteHistory(0, 3, 6)));
        Assert.Equal(("customer.frequency", KamErrorCodes.OutOfRange), Rule(() => _ = new DiscreteHistory(-1, 0, 6)));
        Assert.Equal(("customer.recency", KamErrorCodes.OutOfRange), Rule(() => _ = new DiscreteHistory(0, -1, 6)));
        Assert.Equal(("customer.opportunities", KamErrorCodes.OutOfRange), Rule(() => _ = new DiscreteHistory(0, 0, -1)));
        Assert.Equal(("customer.opportunities", KamErrorCodes.OutOfRange), Rule(() => _ = new DiscreteHistory(0, 0, 1_000_001)));

        static (string, string) Rule(Action action)
        {
            var error = Single(action);
            return (error.Path, error.Code);
        }
    }

    [Fact]
    public void A_renewal_cohort_starts_with_customers_and_never_grows()
    {
        var cohort = RenewalCohort.FromAliveCounts([5, 5, 0]);
        Assert.Equal(2, cohort.Periods);
        Assert.Equal([5L, 5, 0], cohort.Alive);
        Assert.Equal(1, RenewalCohort.FromAliveCounts([1, 1]).Periods);
        var zero = Single(() => RenewalCohort.FromAliveCounts([0, 0]));
        Assert.Equal(("alive[0]", KamErrorCodes.OutOfRange), (zero.Path, zero.Code));
        var empty = Single(() => RenewalCohort.FromAliveCounts([]));
        Assert.Equal(("alive", KamErrorCodes.Empty), (empty.Path, empty.Code));
        Assert.Equal("alive[2]", Single(() => RenewalCohort.FromAliveCounts([5, 4, 5])).Path);
    }

    [Fact]
    public void Fit_settings_and_horizons_are_checked_at_their_limits()
    {
        Assert.Equal(1, new LifetimeValueHorizon(1, double.Epsilon, 0).Periods);
        Assert.Equal(100_000, new LifetimeValueHorizon(100_000, 1, 0).Periods);
        Assert.Equal(["horizon.periods", "horizon.periodLength", "horizon.discountRate"],
            Assert.Throws<KamValidationException>(() => _ = new LifetimeValueHorizon(0, 0, -0.01)).Errors.Select(e => e.Path));
        Assert.Equal("horizon.periods", Single(() => _ = new LifetimeValueHorizon(100_001, 1, 0)).Path);

        var ex = Assert.Throws<KamValidationException>(() => new FitSettings(maxIterations: 100_001, gradientTolerance: 1e-15, maxDegreeOfParallelism: -1));
        Assert.Equal(["maxIterations", "gradientTolerance", "maxDegreeOfParallelism"], ex.Errors.Select(e => e.Path));
        Assert.Equal("gradientTolerance", Single(() => _ = new FitSettings(gradientTolerance: 0.011)).Path);
        Assert.Equal("maxDegreeOfParallelism", Single(() => _ = new FitSettings(maxDegreeOfParallelism: 4097)).Path);
        Assert.Equal(500, FitSettings.Default.MaxIterations);
        Assert.Equal(1e-9, FitSettings.Default.GradientTolerance);
    }

    [Fact]
    public void Likelihood_contributions_add_up_and_refuse_other_models()
    {
        var zero = LikelihoodContribution.Zero(2);
        Assert.Equal(0, zero.LogLikelihood);
        Assert.Equal(0, zero.CustomerCount);
        Assert.Equal([0.0, 0.0], zero.Gradient);
        var a = new LikelihoodContribution(-3, [1, 2], 4);
        var b = new LikelihoodContribution(-5, [10, -20], 6);
        var sum = a.Combine(b);
        Assert.Equal(-8, sum.LogLikelihood);
        Assert.Equal([11.0, -18.0], sum.Gradient);
        Assert.Equal(10, sum.CustomerCount);
        Assert.Equal(a.LogLikelihood, zero.Combine(a).LogLikelihood);
        var error = Single(() => a.Combine(LikelihoodContribution.Zero(3)));
        Assert.Equal(("contribution.gradient", KamErrorCodes.InvalidSum, "3"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Throws<ArgumentNullException>(() => a.Combine(null!));
    }

    [Fact]
    public void Lifetime_value_discounts_each_periods_new_transactions()
    {
        // A model with E[X(t)] = 2t: each period of length 1.5 adds 3 transactions; discounting at 10% per period.
        var model = new LinearModel(2);
        var calculator = new LifetimeValueCalculator();
        var horizon = new LifetimeValueHorizon(3, 1.5, 0.1);
        var customer = new CustomerHistory(1, 1, 2);
        var expected = (3 / 1.1) + (3 / (1.1 * 1.1)) + (3 / (1.1 * 1.1 * 1.1));
        Assert.Equal(expected, calculator.DiscountedExpectedTransactions(model, customer, horizon), 12);
        Assert.Equal([1.5, 3.0, 4.5], model.Durations);
        Assert.Equal(9, calculator.DiscountedExpectedTransactions(model, customer, new LifetimeValueHorizon(3, 1.5, 0)), 12);

        // A model whose cumulative expectation falls (an inconsistent model) never yields negative transactions.
        Assert.Equal(0, calculator.DiscountedExpectedTransactions(new LinearModel(-1), customer, horizon));

        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var report = calculator.Project(model, spend, [new CustomerSummary("a", 2, 30, 40, 20, 3), new CustomerSummary("b", 0, 0, 40, 0, 1)], horizon, 0.25);
        var a = report.Customers[0];
        Assert.Equal("a", a.CustomerId);
        Assert.Equal(0.5, a.ProbabilityAlive);
        Assert.Equal(9, a.ExpectedTransactions, 12);
        Assert.Equal(expected, a.DiscountedExpectedTransactions, 12);
        Assert.Equal(spend.ConditionalExpectedSpend(2, 20), a.ExpectedSpendPerTransaction, 12);
        Assert.Equal(0.25 * a.ExpectedSpendPerTransaction * expected, a.LifetimeValue, 10);
        Assert.Equal(spend.PopulationMeanSpend, report.Customers[1].ExpectedSpendPerTransaction, 12); // no repeat: the population mean
        Assert.Equal(18, report.TotalExpectedTransactions, 12);
        Assert.Equal(a.LifetimeValue + report.Customers[1].LifetimeValue, report.TotalLifetimeValue, 10);
        Assert.Equal(0, calculator.Project(model, spend, [new CustomerSummary("a", 2, 30, 40, 20, 3)], horizon, 0).TotalLifetimeValue);
        Assert.Equal(report.TotalLifetimeValue * 4, calculator.Project(model, spend, [new CustomerSummary("a", 2, 30, 40, 20, 3), new CustomerSummary("b", 0, 0, 40, 0, 1)], horizon, 1).TotalLifetimeValue, 8);
    }

    [Fact]
    public void Lifetime_value_inputs_are_checked_with_paths()
    {
        var calculator = new LifetimeValueCalculator();
        var model = new LinearModel(1);
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var horizon = new LifetimeValueHorizon(2, 1, 0.1);
        var ex = Assert.Throws<KamValidationException>(() => calculator.Project(model, spend,
            [new CustomerSummary("ok", 1, 1, 2, 5, 2), new CustomerSummary("", 1, 1, 2, 5, 2), new CustomerSummary("late", 1, 3, 2, 5, 2), new CustomerSummary("neg", 1, 1, 2, -5, 2)], horizon, 1.01));
        Assert.Equal(
            [("profitMargin", KamErrorCodes.OutOfRange), ("customers[1].customerId", KamErrorCodes.Required), ("customers[2].recency", KamErrorCodes.OutOfOrder), ("customers[3].monetaryValue", KamErrorCodes.OutOfRange)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("profitMargin", Single(() => calculator.Project(model, spend, [], horizon, -0.01)).Path);
        Assert.Empty(calculator.Project(model, spend, [], horizon, 0.5).Customers);
        Assert.Throws<ArgumentNullException>(() => calculator.Project(null!, spend, [], horizon, 0.5));
        Assert.Throws<ArgumentNullException>(() => calculator.Project(model, null!, [], horizon, 0.5));
        Assert.Throws<ArgumentNullException>(() => calculator.Project(model, spend, null!, horizon, 0.5));
        Assert.Throws<ArgumentNullException>(() => calculator.Project(model, spend, [], null!, 0.5));
        Assert.Throws<ArgumentNullException>(() => calculator.DiscountedExpectedTransactions(null!, new CustomerHistory(0, 0, 1), horizon));
        Assert.Throws<ArgumentNullException>(() => calculator.DiscountedExpectedTransactions(model, new CustomerHistory(0, 0, 1), null!));
    }

    [Fact]
    public void Gamma_gamma_spend_is_checked_and_infinite_means_are_refused()
    {
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        Assert.Equal(6.25 * (15.44 + (3 * 20)) / ((6.25 * 3) + 3.74 - 1), spend.ConditionalExpectedSpend(3, 20), 12);
        Assert.Equal([6.25, 3.74, 15.44], spend.ToArray());
        Assert.Equal(double.PositiveInfinity, new GammaGammaModel(2, 1, 3).PopulationMeanSpend);
        var infinite = Single(() => _ = new GammaGammaModel(2, 1, 3).ConditionalExpectedSpend(0, 0));
        Assert.Equal(("frequency", KamErrorCodes.OutOfRange), (infinite.Path, infinite.Code));
        Assert.Contains("px + q ≤ 1", infinite.Message, StringComparison.Ordinal);
        Assert.Equal(2 * (3 + 5.0) / (2 + 1 - 1), new GammaGammaModel(2, 1, 3).ConditionalExpectedSpend(1, 5), 12);
        Assert.Equal(KamErrorCodes.InvalidFormat, Single(() => spend.ConditionalExpectedSpend(1.5, 20)).Code);
        var mean = Single(() => spend.ConditionalExpectedSpend(1, -1));
        Assert.Equal(("meanValue", KamErrorCodes.OutOfRange), (mean.Path, mean.Code));
        Assert.Equal("frequency", Assert.Throws<KamValidationException>(() => spend.ConditionalExpectedSpend(-1, 1)).Errors[0].Path);
    }

    /// <summary>A transaction model with E[X(t) | history] = rate · t and P(alive) = 0.5, recording the durations asked for.</summary>
    private sealed class LinearModel(double rate) : ITransactionModel
    {
        public List<double> Durations { get; } = [];

        public double ProbabilityAlive(CustomerHistory customer) => 0.5;

        public double ExpectedTransactions(double duration) => rate * duration;

        public double ConditionalExpectedTransactions(CustomerHistory customer, double duration)
        {
            Durations.Add(duration);
            return rate * duration;
        }
    }
}
