using NodaTime;

namespace Kam.Core.Portfolio.Receivables;

/// <summary>Cash received from an account, and the invoices it settles.</summary>
/// <remarks>
/// <para>
/// Allocation: a payment that names its invoices (<see cref="Settles"/>) settles only those, the one due first first
/// (then the one issued first, then by invoice number), each up to its open balance; a payment that names none settles
/// the account's invoices issued on or before the day it is received, oldest due date first, the same way. Either way
/// the payment may not exceed what is open on the invoices it settles.
/// </para>
/// <para>
/// The constructor only records the values; <see cref="ReceivablesAnalyzer"/> checks every payment and reports each
/// problem with its path (<c>payments[2].settles[0]</c>). Immutable.
/// </para>
/// </remarks>
public readonly struct Payment
{
    /// <summary>Creates a payment.</summary>
    /// <param name="id">The payment's reference, unique among all payments.</param>
    /// <param name="account">The account that paid.</param>
    /// <param name="receivedOn">The day the cash was received.</param>
    /// <param name="amount">The amount received, in the account's currency; positive.</param>
    /// <param name="settles">The invoice numbers the payment settles (kept as given); <see langword="null"/> or empty to settle the oldest open invoices.</param>
    public Payment(string id, AccountId account, LocalDate receivedOn, Money amount, IReadOnlyList<string>? settles = null)
    {
        Id = id;
        Account = account;
        ReceivedOn = receivedOn;
        Amount = amount;
        Settles = settles;
    }

    /// <summary>Gets the payment's reference.</summary>
    public string Id { get; }

    /// <summary>Gets the account that paid.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the day the cash was received.</summary>
    public LocalDate ReceivedOn { get; }

    /// <summary>Gets the amount received.</summary>
    public Money Amount { get; }

    /// <summary>Gets the invoice numbers the payment settles, or <see langword="null"/> (or empty) for the oldest open invoices.</summary>
    public IReadOnlyList<string>? Settles { get; }
}
