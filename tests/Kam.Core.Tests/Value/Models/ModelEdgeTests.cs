using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Numerics;
using Kam.Core.Value.Models.ParetoNbd;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Tests.Value.Models;

/// <summary>
/// The models' parameters, inputs and closed forms at their edges: each parameter's path, the duration and period
/// checks, the BG/NBD conditional expectation against the paper's direct form, and the a = 1 limit.
/// </summary>
public sealed class ModelEdgeTests
{
    private static string[] Paths(Action action) => [.. Assert.Throws<KamValidationException>(action).Errors.Select(e => e.Path)];

    [Fact]
    public void Every_model_names_each_bad_parameter()
    {
        Assert.Equal(["parameters.r", "parameters.alpha", "parameters.a", "parameters.b"], Paths(() => _ = new BgNbdModel(0, -1, double.NaN, double.PositiveInfinity)));
        Assert.Equal(["parameters.r", "parameters.alpha", "parameters.s", "parameters.beta"], Paths(() => _ = new ParetoNbdModel(0, -1, double.NaN, double.PositiveInfinity)));
        Assert.Equal(["parameters.p", "parameters.q", "parameters.gamma"], Paths(() => _ = new GammaGammaModel(0, -1, double.NaN)));
        Assert.Equal(["parameters.gamma", "parameters.delta"], Paths(() => _ = new ShiftedBetaGeometricModel(0, double.NaN)));
        Assert.Equal(["parameters.alpha", "parameters.beta", "parameters.gamma", "parameters.delta"], Paths(() => _ = new BgBbModel(0, -1, double.NaN, double.PositiveInfinity)));

        // The smallest positive double is a valid parameter.
        Assert.Equal(double.Epsilon, new BgNbdModel(double.Epsilon, 1, 1, 1).R);
        Assert.Equal([0.1, 2, 3, 4], new BgNbdModel(0.1, 2, 3, 4).ToArray());
        Assert.Equal([0.1, 2, 3, 4], new ParetoNbdModel(0.1, 2, 3, 4).ToArray());
        Assert.Equal([0.1, 2, 3, 4], new BgBbModel(0.1, 2, 3, 4).ToArray());
        Assert.Equal([0.1, 2], new ShiftedBetaGeometricModel(0.1, 2).ToArray());
        Assert.Equal(["r", "alpha", "a", "b"], BgNbdModel.ParameterNames);
        Assert.Equal(["r", "alpha", "s", "beta"], ParetoNbdModel.ParameterNames);
        Assert.Equal(["p", "q", "gamma"], GammaGammaModel.ParameterNames);
        Assert.Equal(["gamma", "delta"], ShiftedBetaGeometricModel.ParameterNames);
        Assert.Equal(["alpha", "beta", "gamma", "delta"], BgBbModel.ParameterNames);
    }

    [Fact]
    public void Durations_and_periods_are_checked()
    {
        var bg = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        var pareto = new ParetoNbdModel(0.553, 10.58, 0.606, 11.67);
        var customer = new CustomerHistory(2, 30.43, 38.86);
        Assert.Equal(["duration"], Paths(() => bg.ExpectedTransactions(-1e-9)));
        Assert.Equal(["duration"], Paths(() => bg.ConditionalExpectedTransactions(customer, double.NaN)));
        Assert.Equal(["duration"], Paths(() => bg.Survival(-1)));
        Assert.Equal(["duration"], Paths(() => pareto.ExpectedTransactions(-1)));
        Assert.Equal(["duration"], Paths(() => pareto.ConditionalExpectedTransactions(customer, double.PositiveInfinity)));
        Assert.Equal(0, bg.ConditionalExpectedTransactions(customer, 0));
        Assert.Equal(0, pareto.ConditionalExpectedTransactions(customer, 0));
        Assert.Equal(1.0, bg.Survival(0));

        var sbg = new ShiftedBetaGeometricModel(0.668, 3.806);
        Assert.Equal(1.0, sbg.Survival(0));
        Assert.Equal(["period"], Paths(() => sbg.Survival(-1)));
        Assert.Equal(["period"], Paths(() => sbg.ChurnProbability(0)));
        Assert.Equal(["period"], Paths(() => sbg.RetentionRate(0)));
        Assert.Equal(["periodsCompleted"], Paths(() => sbg.DiscountedExpectedResidualLifetime(0, 0.1)));
        Assert.Equal(["discountRate"], Paths(() => sbg.DiscountedExpectedLifetime(0)));
        Assert.Equal(["discountRate"], Paths(() => sbg.DiscountedExpectedResidualLifetime(1, double.NaN)));
        Assert.Equal(sbg.MeanChurnProbability, sbg.ChurnProbability(1), 12);
    }

    [Fact]
    public void Bgnbd_p_alive_and_conditional_expectation_match_the_papers_direct_forms()
    {
        // Fader, Hardie & Lee (2005): P(alive) = 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) for x > 0, and eq. 10.
        var model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        foreach (var (x, tx, age) in new[] { (1.0, 5.0, 38.86), (2.0, 30.43, 38.86), (5.0, 38.0, 38.86), (3.0, 2.0, 38.86), (7.0, 20.0, 52.0) })
        {
            var customer = new CustomerHistory(x, tx, age);
            double r = model.R, alpha = model.Alpha, a = model.A, b = model.B;
            var odds = a / (b + x - 1) * Math.Pow((alpha + age) / (alpha + tx), r + x);
            var alive = 1 / (1 + odds);
            Assert.Equal(alive, model.ProbabilityAlive(customer), 1e-12);

            foreach (var t in new[] { 1.0, 10.0, 39.0 })
            {
                var z = t / (alpha + age + t);
                var hyper = HypergeometricValue.Value(r + x, b + x, a + b + x - 1, z);
                var direct = (a + b + x - 1) / (a - 1) * (1 - (Math.Pow((alpha + age) / (alpha + age + t), r + x) * hyper)) * alive;
                Assert.Equal(direct, model.ConditionalExpectedTransactions(customer, t), 1e-9 * Math.Max(1, direct));
            }
        }

        // Both sides of even odds: a long-silent customer is more likely gone than alive, a recent one the opposite.
        Assert.True(model.ProbabilityAlive(new CustomerHistory(3, 2, 38.86)) < 0.5);
        Assert.True(model.ProbabilityAlive(new CustomerHistory(3, 38, 38.86)) > 0.5);
        Assert.Equal(0.5, BgNbdModel.Logistic(0));
        Assert.Equal(1 / (1 + Math.Exp(-3)), BgNbdModel.Logistic(3), 1e-15);
        Assert.Equal(Math.Exp(-3) / (1 + Math.Exp(-3)), BgNbdModel.Logistic(-3), 1e-15);
        Assert.Equal(0.0, BgNbdModel.Logistic(-1000));
        Assert.Equal(1.0, BgNbdModel.Logistic(1000));
    }

    [Fact]
    public void Bgnbd_expectation_is_continuous_through_a_equal_to_one()
    {
        var customer = new CustomerHistory(2, 30.43, 38.86);
        var at1 = new BgNbdModel(0.243, 4.414, 1, 2.426);
        var near = new BgNbdModel(0.243, 4.414, 1 + 5e-8, 2.426);
        var below = new BgNbdModel(0.243, 4.414, 1 - 1e-4, 2.426);
        var above = new BgNbdModel(0.243, 4.414, 1 + 1e-4, 2.426);
        var value = at1.ConditionalExpectedTransactions(customer, 39);
        Assert.True(double.IsFinite(value) && value > 0);
        Assert.Equal(value, near.ConditionalExpectedTransactions(customer, 39), 1e-6);
        Assert.Equal((below.ConditionalExpectedTransactions(customer, 39) + above.ConditionalExpectedTransactions(customer, 39)) / 2, value, 1e-7);
        Assert.Equal((below.ExpectedTransactions(39) + above.ExpectedTransactions(39)) / 2, at1.ExpectedTransactions(39), 1e-7);
    }
    [Fact]
    public void Bgbb_expectations_add_up_period_by_period()
    {
        // An alive customer buys with probability p at each opportunity: the unconditional increment at opportunity t is
        // E[p] times the sBG probability of surviving t periods; the discounted sum discounts those same increments.
        var model = new BgBbModel(1.204, 0.750, 0.657, 2.783);
        var survival = new ShiftedBetaGeometricModel(0.657, 2.783);
        var meanP = 1.204 / (1.204 + 0.750);
        Assert.Equal(0, model.ExpectedTransactions(0));
        for (var t = 1; t <= 8; t++)
        {
            Assert.Equal(meanP * survival.Survival(t), model.ExpectedTransactions(t) - model.ExpectedTransactions(t - 1), 1e-12);
        }

        var customer = new DiscreteHistory(3, 5, 6);
        Assert.Equal(0, model.ConditionalExpectedTransactions(customer, 0));
        const double d = 0.1;
        var discounted = 0.0;
        var previous = 0.0;
        for (var t = 1; t <= 400; t++)
        {
            var cumulative = model.ConditionalExpectedTransactions(customer, t);
            discounted += (cumulative - previous) / Math.Pow(1 + d, t);
            previous = cumulative;
        }

        Assert.Equal(discounted, model.DiscountedExpectedTransactions(customer, d), 1e-10);
        // P(alive) is the chance of being alive at the next opportunity: for a new customer the sBG's first retention rate.
        Assert.Equal(survival.RetentionRate(1), model.ProbabilityAlive(new DiscreteHistory(0, 0, 0)), 1e-12);
        Assert.InRange(model.ProbabilityAlive(new DiscreteHistory(6, 6, 6)), 0.9, 1.0);

        Assert.Equal(["opportunities"], Paths(() => model.ExpectedTransactions(-1)));
        Assert.Equal(["opportunities"], Paths(() => model.ConditionalExpectedTransactions(customer, 1_000_001)));
        Assert.Equal(["discountRate"], Paths(() => model.DiscountedExpectedTransactions(customer, 0)));
    }
    [Fact]
    public void Pareto_conditional_expectation_matches_its_closed_form_and_its_s_equal_to_one_limit()
    {
        // E[Y(t) | x, tₓ, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive); at s = 1 the bracket
        // over s − 1 becomes ln((β+T+t)/(β+T)).
        var customer = new CustomerHistory(2, 30.43, 38.86);
        foreach (var s in new[] { 0.606, 1.0, 2.5 })
        {
            var model = new ParetoNbdModel(0.553, 10.58, s, 11.67);
            double x = 2, age = 38.86, r = 0.553, alpha = 10.58, beta = 11.67;
            foreach (var t in new[] { 1.0, 39.0, 100.0 })
            {
                var bracket = s == 1.0 ? Math.Log((beta + age + t) / (beta + age)) : (1 - Math.Pow((beta + age) / (beta + age + t), s - 1)) / (s - 1);
                var expected = (r + x) * (beta + age) / (alpha + age) * bracket * model.ProbabilityAlive(customer);
                Assert.Equal(expected, model.ConditionalExpectedTransactions(customer, t), 1e-11 * Math.Max(1, expected));
                Assert.Equal(model.ProbabilityAlive(customer) * Math.Pow((beta + age) / (beta + age + t), s), model.ConditionalSurvival(customer, t), 1e-12);
                Assert.Equal(Math.Pow(beta / (beta + t), s), model.Survival(t), 1e-12);
            }
        }

        var atOne = new ParetoNbdModel(0.553, 10.58, 1.0, 11.67).ConditionalExpectedTransactions(customer, 39);
        Assert.Equal(atOne, new ParetoNbdModel(0.553, 10.58, 1.0 + 1e-11, 11.67).ConditionalExpectedTransactions(customer, 39), 1e-9);
        Assert.Equal(atOne, new ParetoNbdModel(0.553, 10.58, 1.0 + 1e-6, 11.67).ConditionalExpectedTransactions(customer, 39), 1e-5);
        Assert.Equal(["duration"], Paths(() => new ParetoNbdModel(0.553, 10.58, 1.0, 11.67).Survival(-1)));
        Assert.Equal(["duration"], Paths(() => new ParetoNbdModel(0.553, 10.58, 1.0, 11.67).ConditionalSurvival(customer, -1)));
        Assert.Equal(1.0, new ParetoNbdModel(0.553, 10.58, 0.606, 11.67).ProbabilityAlive(new CustomerHistory(3, 38.86, 38.86)));
    }
}
