using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Models.ParetoNbd;
using Kam.Core.Value.Summaries;

namespace Kam.Core.Tests.Value.Models;

/// <summary>Predictions of the fitted models: published worked examples, limits and consistency.</summary>
public sealed class PredictionTests
{
    private static readonly BgNbdModel BgNbd = new(0.243, 4.414, 0.793, 2.426);
    private static readonly ParetoNbdModel ParetoNbd = new(0.553, 10.58, 0.606, 11.67);

    [Fact]
    public void BgNbd_conditional_expectation_matches_the_papers_worked_example()
    {
        // Fader, Hardie & Lee (2005), section 5: x = 2, tx = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
        Assert.Equal(1.226, Math.Round(BgNbd.ConditionalExpectedTransactions(new CustomerHistory(2, 30.43, 38.86), 39), 3));
    }

    [Fact]
    public void Unconditional_expectation_is_the_conditional_one_of_a_new_customer()
    {
        foreach (ITransactionModel model in new ITransactionModel[] { BgNbd, ParetoNbd })
        {
            Assert.Equal(model.ExpectedTransactions(39), model.ConditionalExpectedTransactions(new CustomerHistory(0, 0, 0), 39), 12);
            Assert.Equal(0, model.ExpectedTransactions(0));
            Assert.Equal(1.0, model.ProbabilityAlive(new CustomerHistory(0, 0, 0)));
        }
    }

    [Fact]
    public void Expected_transactions_agree_with_simulation()
    {
        // The mean repeat-purchase count of simulated new customers over 52 weeks matches E[X(52)].
        var model = new BgNbdModel(0.5, 6, 0.8, 2.5);
        var data = new Simulate(7).BgNbd(40_000, 0.5, 6, 0.8, 2.5, age: 52);
        var mean = data.Rows().Sum(r => r.History.Frequency * r.Customers) / data.CustomerCount;
        Assert.Equal(model.ExpectedTransactions(52), mean, 0.05);

        var pareto = new ParetoNbdModel(0.6, 10, 0.8, 12);
        var paretoData = new Simulate(8).ParetoNbd(40_000, 0.6, 10, 0.8, 12, age: 52);
        var paretoMean = paretoData.Rows().Sum(r => r.History.Frequency * r.Customers) / paretoData.CustomerCount;
        Assert.Equal(pareto.ExpectedTransactions(52), paretoMean, 0.05);
    }

    [Fact]
    public void Pareto_survival_curves_start_at_p_alive_and_fall()
    {
        Assert.Equal(1.0, ParetoNbd.Survival(0));
        Assert.Equal(Math.Pow(11.67 / (11.67 + 52), 0.606), ParetoNbd.Survival(52), 12);
        var customer = new CustomerHistory(2, 30.43, 38.86);
        Assert.Equal(ParetoNbd.ProbabilityAlive(customer), ParetoNbd.ConditionalSurvival(customer, 0), 12);
        Assert.True(ParetoNbd.ConditionalSurvival(customer, 52) < ParetoNbd.ConditionalSurvival(customer, 26));

        // Simulated lifetimes: the share of new customers alive at t = 52 matches the curve.
        var simulate = new Simulate(9);
        var alive = Enumerable.Range(0, 40_000).Count(_ => simulate.Exponential(simulate.Gamma(0.606, 11.67)) > 52) / 40_000.0;
        Assert.Equal(ParetoNbd.Survival(52), alive, 0.01);
    }

    [Fact]
    public void Large_frequencies_do_not_overflow()
    {
        // A heavy buyer (about 128 purchases a week) who bought just before the end of the period is alive; the same
        // buyer silent for the last week is almost surely gone.
        var heavy = new CustomerHistory(5_000, 38.999, 39);
        var silent = new CustomerHistory(5_000, 38, 39);
        foreach (ITransactionModel model in new ITransactionModel[] { BgNbd, ParetoNbd })
        {
            var alive = model.ProbabilityAlive(heavy);
            Assert.InRange(alive, 0, 1);
            Assert.True(double.IsFinite(model.ConditionalExpectedTransactions(heavy, 10)));
            Assert.True(model.ConditionalExpectedTransactions(heavy, 10) > 100);
            Assert.True(alive > 0.9 && model.ProbabilityAlive(silent) < 1e-6);
        }

        var data = FrequencyRecencyData.Create([5_000, 0], [38, 0], [39, 39]);
        Assert.True(double.IsFinite(BgNbd.LogLikelihood(data).LogLikelihood));
        Assert.True(double.IsFinite(ParetoNbd.LogLikelihood(data).LogLikelihood));
    }

    [Fact]
    public void Gamma_gamma_expected_spend_shrinks_towards_the_population_mean()
    {
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        Assert.Equal(6.25 * 15.44 / 2.74, spend.PopulationMeanSpend, 10);
        Assert.Equal(spend.PopulationMeanSpend, spend.ConditionalExpectedSpend(0, 0), 10);
        var one = spend.ConditionalExpectedSpend(1, 100);
        var many = spend.ConditionalExpectedSpend(50, 100);
        Assert.True(one > spend.PopulationMeanSpend && one < many && many < 100);
    }

    [Fact]
    public void Lifetime_value_report_adds_up_and_falls_with_the_discount_rate()
    {
        var customers = new[]
        {
            new CustomerSummary("a", 2, 30.43, 38.86, 22.35, 3),
            new CustomerSummary("b", 0, 0, 38.86, 0, 1),
            new CustomerSummary("c", 10, 38, 38.86, 40, 11),
        };
        var calculator = new LifetimeValueCalculator();
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var report = calculator.Project(BgNbd, spend, customers, new LifetimeValueHorizon(12, 4.345, 0.01), 0.3);
        Assert.Equal(report.Customers.Sum(c => c.LifetimeValue), report.TotalLifetimeValue, 10);
        Assert.Equal(["a", "b", "c"], report.Customers.Select(c => c.CustomerId));
        Assert.All(report.Customers, c => Assert.True(c.DiscountedExpectedTransactions <= c.ExpectedTransactions));
        Assert.Equal(BgNbd.ConditionalExpectedTransactions(new CustomerHistory(2, 30.43, 38.86), 12 * 4.345), report.Customers[0].ExpectedTransactions, 10);
        var dearer = calculator.Project(BgNbd, spend, customers, new LifetimeValueHorizon(12, 4.345, 0.05), 0.3);
        Assert.True(dearer.TotalLifetimeValue < report.TotalLifetimeValue);
        var undiscounted = calculator.Project(BgNbd, spend, customers, new LifetimeValueHorizon(12, 4.345, 0), 0.3);
        Assert.Equal(undiscounted.Customers[2].ExpectedTransactions, undiscounted.Customers[2].DiscountedExpectedTransactions, 10);
    }

    [Fact]
    public void Bgbb_likelihood_is_a_probability_over_all_purchase_strings()
    {
        // L(x, tx, n) is the probability of one purchase string; C(tx−1, x−1) strings share each (x, tx).
        const int n = 7;
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        var total = Math.Exp(model.LogLikelihood(DiscreteHistoryData.FromHistories([new DiscreteHistory(0, 0, n)])).LogLikelihood);
        for (var tx = 1; tx <= n; tx++)
        {
            for (var x = 1; x <= tx; x++)
            {
                var strings = Choose(tx - 1, x - 1);
                total += strings * Math.Exp(model.LogLikelihood(DiscreteHistoryData.FromHistories([new DiscreteHistory(x, tx, n)])).LogLikelihood);
            }
        }

        Assert.Equal(1.0, total, 12);
    }

    [Fact]
    public void Bgbb_predictions_are_consistent()
    {
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        Assert.Equal(model.ExpectedTransactions(5), model.ConditionalExpectedTransactions(new DiscreteHistory(0, 0, 0), 5), 12);
        var loyal = new DiscreteHistory(6, 6, 6);
        var lapsed = new DiscreteHistory(2, 3, 6);
        Assert.True(model.ProbabilityAlive(loyal) > model.ProbabilityAlive(lapsed));
        Assert.True(model.ConditionalExpectedTransactions(loyal, 5) > model.ConditionalExpectedTransactions(lapsed, 5));
        Assert.True(model.DiscountedExpectedTransactions(loyal, 0.1) > model.ConditionalExpectedTransactions(loyal, 5) / 1.1 * 0.5);
    }

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}
