namespace Kam.Core.Tiering.Rfm;

/// <summary>One order or invoice of an account, the line of a transaction log from which RFM measures are aggregated.</summary>
/// <remarks>Immutable.</remarks>
public sealed class CustomerTransaction
{
    /// <summary>Creates a transaction.</summary>
    /// <param name="accountId">The buying account.</param>
    /// <param name="date">The date of the transaction.</param>
    /// <param name="amount">The amount; all transactions of a log must share one currency.</param>
    public CustomerTransaction(AccountId accountId, NodaTime.LocalDate date, Money amount)
    {
        AccountId = accountId;
        Date = date;
        Amount = amount;
    }

    /// <summary>Gets the buying account.</summary>
    public AccountId AccountId { get; }

    /// <summary>Gets the date of the transaction.</summary>
    public NodaTime.LocalDate Date { get; }

    /// <summary>Gets the amount.</summary>
    public Money Amount { get; }
}
