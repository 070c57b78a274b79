namespace Kam.Core.Tests.Primitives;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    public void Known_codes_carry_their_minor_units(string code, int minorUnits)
    {
        var currency = Currency.Parse(code);
        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(code, currency.ToString());
    }

    [Theory]
    [InlineData("cny")]
    [InlineData("RMB")]
    [InlineData("")]
    [InlineData("CNYX")]
    public void Unknown_codes_are_refused(string code)
    {
        var ex = Assert.Throws<KamValidationException>(() => Currency.Parse(code));
        Assert.Equal(KamErrorCodes.Unknown, ex.Errors[0].Code);
        Assert.Equal(code, ex.Errors[0].AttemptedValue);
        Assert.False(Currency.TryParse(code, out _));
    }

    [Fact]
    public void Default_is_no_currency()
    {
        Assert.Equal("XXX", default(Currency).Code);
        Assert.Equal(Currency.None, default);
        Assert.Equal(Currency.All.Count, Currency.All.Select(c => c.Code).Distinct().Count());
    }
}
