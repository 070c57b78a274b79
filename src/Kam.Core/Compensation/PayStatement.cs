using System.Text.Json.Serialization;

namespace Kam.Core.Compensation;

/// <summary>Whether a statement is a month's pay or the year-end settlement.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatementKind>))]
public enum StatementKind
{
    /// <summary>A month's pay.</summary>
    Monthly = 0,

    /// <summary>The year-end settlement: commission true-up, year-end and team bonuses.</summary>
    YearEnd = 1,
}

/// <summary>A pay statement of one person for one period: a line per component with its inputs and rule, and the total.</summary>
/// <remarks>
/// <see cref="Total"/> is the sum of the lines' amounts; each line is rounded once with <see cref="Rounding"/>, so
/// the whole statement can be checked from itself. All amounts share <see cref="Currency"/>. Immutable.
/// </remarks>
public sealed class PayStatement
{
    /// <summary>Creates a statement that owns <paramref name="lines"/> (the calculator's fresh arrays, not copied again).</summary>
    /// <param name="person">The person paid.</param>
    /// <param name="period">The period.</param>
    /// <param name="kind">Monthly or year end.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="rounding">The rounding mode of the lines.</param>
    /// <param name="lines">The lines, owned by the statement from now on.</param>
    /// <param name="drawBalance">The recoverable draw still owed.</param>
    internal PayStatement(PersonId person, FiscalPeriod period, StatementKind kind, Currency currency, MidpointRounding rounding, PayLine[] lines, Money drawBalance)
    {
        Person = person;
        Period = period;
        Kind = kind;
        Currency = currency;
        Rounding = rounding;
        Lines = lines;
        DrawBalance = drawBalance;
        var total = 0m;
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (line.Amount.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, line.Amount.Currency, "pay statement total");
            }

            total = Overflow.Add(total, line.Amount.Amount, "total");
        }

        Total = new Money(total, currency);
    }

    /// <summary>Gets the person paid.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets whether this is a month's pay or the year-end settlement.</summary>
    public StatementKind Kind { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the rounding mode of the lines.</summary>
    public MidpointRounding Rounding { get; }

    /// <summary>Gets the lines.</summary>
    public IReadOnlyList<PayLine> Lines { get; }

    /// <summary>Gets the total: the sum of the lines.</summary>
    public Money Total { get; }

    /// <summary>Gets the recoverable draw still owed after this statement (zero without a recoverable draw).</summary>
    public Money DrawBalance { get; }
}
