namespace Kam.Core;

/// <summary>Aggregation of <see cref="Money"/> sequences, refusing to mix currencies.</summary>
public static class MoneyExtensions
{
    /// <summary>Adds up amounts that must all be in one currency.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <param name="currency">The currency of the total; also the result for an empty sequence (zero).</param>
    /// <returns>The total.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="KamValidationException">The total exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public static Money Sum(this IEnumerable<Money> amounts, Currency currency) => Money.Sum(amounts, currency);
}
