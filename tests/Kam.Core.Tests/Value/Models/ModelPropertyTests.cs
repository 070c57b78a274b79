using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Models.ParetoNbd;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Tests.Value.Models;

/// <summary>The laws the predictions obey for any parameters and histories (FsCheck).</summary>
public sealed class ModelPropertyTests
{
    /// <summary>A positive parameter between 0.05 and 20, on a log scale.</summary>
    private static readonly Gen<double> Positive = Gen.Choose(-300, 300).Select(k => Math.Exp(k / 100.0));

    /// <summary>A scale parameter between 0.5 and 50.</summary>
    private static readonly Gen<double> Scale = Gen.Choose(-70, 390).Select(k => Math.Exp(k / 100.0));

    private static readonly Gen<ITransactionModel> Models =
        from kind in Gen.Elements(0, 1)
        from r in Positive
        from alpha in Scale
        from a in Positive
        from b in Scale
        select kind == 0 ? (ITransactionModel)new BgNbdModel(r, alpha, a, b) : new ParetoNbdModel(r, alpha, a, b);

    /// <summary>(x, earlier tₓ, later tₓ, T) with 1 ≤ x ≤ 60 and 0 &lt; tₓ₁ ≤ tₓ₂ ≤ T ≤ 80.</summary>
    private static readonly Gen<(double X, double Tx1, double Tx2, double T)> Histories =
        from x in Gen.Choose(1, 60)
        from t in Gen.Choose(10, 800)
        from u in Gen.Choose(1, 1000)
        from v in Gen.Choose(1, 1000)
        let ages = t / 10.0
        select ((double)x, ages * Math.Min(u, v) / 1000.0, ages * Math.Max(u, v) / 1000.0, ages);

    [Property]
    public Property Probability_alive_is_a_probability_that_falls_as_the_recency_gap_grows() =>
        Prop.ForAll(Models.ToArbitrary(), Histories.ToArbitrary(), (model, h) =>
        {
            var older = model.ProbabilityAlive(new CustomerHistory(h.X, h.Tx1, h.T));
            var recent = model.ProbabilityAlive(new CustomerHistory(h.X, h.Tx2, h.T));
            return older is >= 0 and <= 1 && recent is >= 0 and <= 1 && older <= recent + 1e-12;
        });

    [Property]
    public Property Expected_transactions_are_non_negative_and_grow_with_the_window() =>
        Prop.ForAll(Models.ToArbitrary(), Histories.ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (model, h, w) =>
        {
            var customer = new CustomerHistory(h.X, h.Tx2, h.T);
            var shorter = model.ConditionalExpectedTransactions(customer, w / 4.0);
            var longer = model.ConditionalExpectedTransactions(customer, (w / 4.0) + 1);
            var newShort = model.ExpectedTransactions(w / 4.0);
            var newLong = model.ExpectedTransactions((w / 4.0) + 1);
            return shorter >= 0 && longer >= shorter - 1e-12 && newShort >= 0 && newLong >= newShort - 1e-12;
        });

    [Property]
    public Property Contractual_lifetime_value_rises_with_retention_and_falls_with_the_discount_rate() =>
        Prop.ForAll(Positive.ToArbitrary(), Positive.ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (gamma, delta, percent) =>
        {
            var d = percent / 100.0;
            var model = new ShiftedBetaGeometricModel(gamma, delta);
            var moreLoyal = new ShiftedBetaGeometricModel(gamma, delta * 1.5);
            var value = model.DiscountedExpectedLifetime(d);
            return moreLoyal.DiscountedExpectedLifetime(d) > value
                && model.DiscountedExpectedLifetime(d + 0.01) < value
                && model.DiscountedExpectedResidualLifetime(3, d) > model.DiscountedExpectedResidualLifetime(3, d + 0.01);
        });

    [Property]
    public Property Customer_lifetime_value_falls_with_the_discount_rate() =>
        Prop.ForAll(Models.ToArbitrary(), Histories.ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (model, h, percent) =>
        {
            var calculator = new LifetimeValueCalculator();
            var customer = new CustomerHistory(h.X, h.Tx2, h.T);
            var low = calculator.DiscountedExpectedTransactions(model, customer, new LifetimeValueHorizon(6, 4, percent / 100.0));
            var high = calculator.DiscountedExpectedTransactions(model, customer, new LifetimeValueHorizon(6, 4, (percent + 5) / 100.0));
            return low >= 0 && high <= low + 1e-12;
        });
}
