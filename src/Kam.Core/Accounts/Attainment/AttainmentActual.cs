using System.Runtime.InteropServices;
using NodaTime;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// One actual value of a measure that is not booked from won opportunities — gross profit earned, a service level
/// or a satisfaction score measured — for an account on a day. A host fills it from its CRM or its finance system.
/// </summary>
/// <remarks>
/// A small value (no allocation per item): pass many as an array or a span. Money values of one account and period
/// add up; ratio and score values are averaged. Nothing is checked here; <see cref="AttainmentEngine"/> checks each
/// item and reports problems at its place (<c>actuals[3].measure</c>).
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct AttainmentActual
{
    /// <summary>Creates an actual of a money measure.</summary>
    /// <param name="account">The account.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="date">The day the value was earned or measured.</param>
    /// <param name="value">The amount, in the measure's currency.</param>
    public AttainmentActual(AccountId account, string measure, LocalDate date, Money value)
    {
        Account = account;
        Measure = measure;
        Date = date;
        Value = value.Amount;
        Currency = value.Currency;
    }

    /// <summary>Creates an actual of a ratio or score measure.</summary>
    /// <param name="account">The account.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="date">The day the value was measured.</param>
    /// <param name="value">The value (a ratio as a fraction: 0.95 for 95%).</param>
    public AttainmentActual(AccountId account, string measure, LocalDate date, decimal value)
    {
        Account = account;
        Measure = measure;
        Date = date;
        Value = value;
        Currency = Currency.None;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the measure's key.</summary>
    public string Measure { get; }

    /// <summary>Gets the day.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the value (for money, the amount in <see cref="Currency"/>).</summary>
    public decimal Value { get; }

    /// <summary>Gets the currency of a money value, or <see cref="Currency.None"/>.</summary>
    public Currency Currency { get; }
}
