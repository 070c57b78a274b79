namespace Kam.Core.Tiering;

/// <summary>One order or invoice of an account, the line of a transaction log from which RFM measures are aggregated.</summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="AccountId">The buying account.</param>
/// <param name="Date">The date of the transaction.</param>
/// <param name="Amount">The amount; all transactions of a log must share one currency.</param>
public sealed record CustomerTransaction(AccountId AccountId, NodaTime.LocalDate Date, Money Amount);
