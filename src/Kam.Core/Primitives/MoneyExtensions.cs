namespace Kam.Core;

/// <summary>Aggregation of <see cref="Money"/> sequences, refusing to mix currencies.</summary>
public static class MoneyExtensions
{
    /// <summary>Adds up amounts that must all be in one currency.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <param name="currency">The currency of the total; also the result for an empty sequence (zero).</param>
    /// <returns>The total.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    public static Money Sum(this IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0m;
        foreach (var amount in amounts)
        {
            if (amount.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, amount.Currency, "summation");
            }

            total += amount.Amount;
        }

        return new Money(total, currency);
    }
}
