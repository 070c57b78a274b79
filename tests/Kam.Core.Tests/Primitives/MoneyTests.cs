using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Kam.Core.Tests.Primitives;

public sealed class MoneyTests
{
    private static readonly Currency Cny = Currency.CNY;

    [Property(Arbitrary = [typeof(Generators.Arbitraries)])]
    public bool Addition_is_commutative_within_a_currency(Money a, Money b) => a + b == b + a;

    [Property(Arbitrary = [typeof(Generators.Arbitraries)])]
    public bool Addition_is_associative_within_a_currency(Money a, Money b, Money c) => (a + b) + c == a + (b + c);

    [Property(Arbitrary = [typeof(Generators.Arbitraries)])]
    public bool Zero_is_the_identity_and_negation_the_inverse(Money a) =>
        a + Money.Zero(Cny) == a && a + (-a) == Money.Zero(Cny) && a - a == Money.Zero(Cny);

    [Property(Arbitrary = [typeof(Generators.Arbitraries)])]
    public bool Text_form_round_trips(Money a) => Money.Parse(a.ToString()) == a;

    [Fact]
    public void Adding_two_currencies_is_an_error_not_a_silent_sum()
    {
        var ex = Assert.Throws<CurrencyMismatchException>(() => Money.Of(10m, "CNY") + Money.Of(1m, "USD"));
        Assert.Equal(Cny, ex.Expected);
        Assert.Equal(Currency.USD, ex.Actual);
        Assert.Equal(KamErrorCodes.CurrencyMismatch, ex.ToValidationError("x").Code);
        Assert.Throws<CurrencyMismatchException>(() => Money.Of(10m, "CNY") < Money.Of(1m, "USD"));
        Assert.Throws<CurrencyMismatchException>(() => new[] { Money.Of(1m, "CNY"), Money.Of(1m, "EUR") }.Sum(Cny));
    }

    [Fact]
    public void Arithmetic_never_rounds_implicitly_and_rounding_is_explicit()
    {
        var third = Money.Of(100m, "CNY") / 3m;
        Assert.Equal(33.333333333333333333333333333m, third.Amount);
        Assert.Equal(33.33m, third.Round(MidpointRounding.ToEven).Amount);
        Assert.Equal(0.13m, Money.Of(0.125m, "CNY").Round(MidpointRounding.AwayFromZero).Amount);
        Assert.Equal(0.12m, Money.Of(0.125m, "CNY").Round(MidpointRounding.ToEven).Amount);
        Assert.Equal(1m, Money.Of(0.5m, "JPY").Round(MidpointRounding.AwayFromZero).Amount);
        Assert.Equal(0.125m, Money.Of(0.1245m, "KWD").Round(MidpointRounding.AwayFromZero).Amount);
    }

    [Fact]
    public void Equality_ignores_scale_but_not_currency()
    {
        Assert.Equal(Money.Of(1.0m, "CNY"), Money.Of(1.00m, "CNY"));
        Assert.Equal(Money.Of(1.0m, "CNY").GetHashCode(), Money.Of(1.00m, "CNY").GetHashCode());
        Assert.NotEqual(Money.Of(1m, "CNY"), Money.Of(1m, "USD"));
    }

    [Fact]
    public void Dividing_by_zero_is_a_validation_error()
    {
        var ex = Assert.Throws<KamValidationException>(() => Money.Of(1m, "CNY") / 0m);
        Assert.Equal("divisor", ex.Errors[0].Path);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12 cny")]
    [InlineData("12 ABC")]
    [InlineData("abc CNY")]
    [InlineData("")]
    public void Bad_text_is_refused_with_the_value(string text)
    {
        var ex = Assert.Throws<KamValidationException>(() => Money.Parse(text));
        Assert.Equal(text, ex.Errors[0].AttemptedValue);
        Assert.Equal(KamErrorCodes.InvalidFormat, ex.Errors[0].Code);
    }

    [Fact]
    public void Allocation_splits_by_weight_with_the_remainder_to_the_largest_fractions()
    {
        var parts = Money.Of(100m, "CNY").Allocate([1m, 1m, 1m]);
        Assert.Equal([33.34m, 33.33m, 33.33m], parts.Select(p => p.Amount));

        var weighted = Money.Of(10m, "CNY").Allocate([0.7m, 0.2m, 0.1m]);
        Assert.Equal([7m, 2m, 1m], weighted.Select(p => p.Amount));
    }

    [Fact]
    public void Allocation_refuses_bad_weights()
    {
        var ex = Assert.Throws<KamValidationException>(() => Money.Of(10m, "CNY").Allocate([1m, -1m]));
        Assert.Equal("weights[1]", ex.Errors[0].Path);
        Assert.Throws<KamValidationException>(() => Money.Of(10m, "CNY").Allocate([0m, 0m]));
        Assert.Throws<KamValidationException>(() => Money.Of(10m, "CNY").Allocate([]));
    }

    [Property]
    public Property Allocation_conserves_the_rounded_total()
    {
        var gen = from amount in Generators.Amount
                  from n in Gen.Choose(1, 12)
                  from weights in Gen.ArrayOf(Gen.Choose(0, 1000).Select(w => (decimal)w), n)
                  where weights.Sum() > 0
                  select (amount, weights);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var money = new Money(t.amount, Cny);
            var parts = money.Allocate(t.weights);
            return parts.Length == t.weights.Length
                   && parts.Sum(Cny) == money.Round(MidpointRounding.AwayFromZero)
                   && parts.All(p => p.Amount == decimal.Round(p.Amount, 2));
        });
    }
}
