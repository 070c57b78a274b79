namespace Kam.Core.Compensation;

/// <summary>The statements of a pay run for one fiscal year.</summary>
/// <remarks>Statements are stored per payee in input order: 12 monthly statements, then the year-end settlement. Immutable.</remarks>
public sealed class PayrollResult
{
    private readonly PayStatement[] _statements;
    private readonly Dictionary<PersonId, int> _index;

    internal PayrollResult(PayPlan plan, FiscalPeriod year, PayStatement[] statements, Dictionary<PersonId, int> index)
    {
        Plan = plan;
        Year = year;
        _statements = statements;
        _index = index;
    }

    /// <summary>The number of statements per payee: 12 months and the year end.</summary>
    public const int StatementsPerPayee = 13;

    /// <summary>Gets the plan.</summary>
    public PayPlan Plan { get; }

    /// <summary>Gets the fiscal year.</summary>
    public FiscalPeriod Year { get; }

    /// <summary>Gets every statement.</summary>
    public IReadOnlyList<PayStatement> Statements => _statements;

    /// <summary>Gets the statements of one payee: 12 months, then the year end.</summary>
    /// <param name="person">The payee.</param>
    /// <returns>The 13 statements.</returns>
    /// <exception cref="KamValidationException">The person was not a payee of this run.</exception>
    public IReadOnlyList<PayStatement> StatementsOf(PersonId person) =>
        _index.TryGetValue(person, out var i)
            ? new ArraySegment<PayStatement>(_statements, i * StatementsPerPayee, StatementsPerPayee)
            : throw new KamValidationException(nameof(person), KamErrorCodes.Unknown, person.Value, "Not a payee of this pay run.");
}
