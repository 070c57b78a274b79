using FsCheck.Xunit;

namespace Kam.Core.Tests.Primitives;

public sealed class PercentageTests
{
    [Fact]
    public void Both_scales_are_explicit()
    {
        Assert.Equal(0.75m, Percentage.FromPercent(75m).Fraction);
        Assert.Equal(75m, Percentage.FromFraction(0.75m).Percent);
        Assert.Equal(Percentage.FromPercent(25m), Percentage.FromPercent(75m).Complement);
        Assert.Equal("75%", Percentage.FromPercent(75.00m).ToString());
        Assert.Equal("8.5%", Percentage.FromPercent(8.5m).ToString());
        Assert.Equal(Money.Of(7.5m, "CNY"), Money.Of(100m, "CNY") * Percentage.FromPercent(7.5m));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(100.01)]
    [InlineData(700)]
    public void Out_of_range_percent_is_refused(double percent)
    {
        var ex = Assert.Throws<KamValidationException>(() => Percentage.FromPercent((decimal)percent));
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[0].Code);
        Assert.Equal(nameof(Percentage), ex.Errors[0].Path);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Nan_and_infinity_are_refused(double value)
    {
        Assert.Equal(KamErrorCodes.NotFinite, Assert.Throws<KamValidationException>(() => Percentage.FromFraction(value)).Errors[0].Code);
        Assert.Equal(KamErrorCodes.NotFinite, Assert.Throws<KamValidationException>(() => Ratio.FromFraction(value)).Errors[0].Code);
    }

    [Theory]
    [InlineData("75")]
    [InlineData("0.75")]
    [InlineData("abc%")]
    [InlineData("101%")]
    public void Bad_text_is_refused(string text) =>
        Assert.Throws<KamValidationException>(() => Percentage.Parse(text));

    [Property(Arbitrary = [typeof(Generators.Arbitraries)])]
    public bool Text_form_round_trips(Percentage p) => Percentage.Parse(p.ToString()) == p;

    [Property(Arbitrary = [typeof(Generators.Arbitraries)])]
    public bool Always_between_zero_and_one(Percentage p) => p.Fraction is >= 0m and <= 1m && p.Complement.Complement == p;

    [Fact]
    public void Ratios_may_exceed_one_but_not_go_negative()
    {
        Assert.Equal(1.2m, Ratio.FromPercent(120m).Fraction);
        Assert.Equal("120%", Ratio.FromFraction(1.2m).ToString());
        Assert.Equal(Ratio.FromPercent(150m), Ratio.Of(Money.Of(150m, "CNY"), Money.Of(100m, "CNY")));
        Assert.Throws<KamValidationException>(() => Ratio.FromFraction(-0.1m));
        Assert.Throws<KamValidationException>(() => Ratio.Of(Money.Of(1m, "CNY"), Money.Of(0m, "CNY")));
        Assert.Throws<CurrencyMismatchException>(() => Ratio.Of(Money.Of(1m, "CNY"), Money.Of(1m, "USD")));
        Assert.Equal(Ratio.FromPercent(120m), Ratio.Parse("120%"));
    }
}
