namespace Kam.Core.Compensation;

/// <summary>One line of a pay statement: a component, the terms it was computed from, the rule used, and the amount.</summary>
/// <param name="Component">The component's name.</param>
/// <param name="Kind">The component's kind.</param>
/// <param name="Rule">The rule used, as text.</param>
/// <param name="Terms">The inputs: the unrounded amount is the sum of their values.</param>
/// <param name="Amount">The amount: the sum of the terms rounded once with the statement's mode.</param>
/// <remarks>A line is reproducible from itself: <see cref="Recompute"/> gives <see cref="Amount"/> again.</remarks>
public sealed record PayLine(string Component, PayComponentKind Kind, string Rule, IReadOnlyList<PayTerm> Terms, Money Amount)
{
    /// <summary>Gets the unrounded amount: the sum of the terms' values.</summary>
    public decimal Unrounded
    {
        get
        {
            var sum = 0m;
            foreach (var term in Terms)
            {
                sum += term.Value;
            }

            return sum;
        }
    }

    /// <summary>Recomputes the amount from the terms alone.</summary>
    /// <param name="rounding">The statement's rounding mode.</param>
    /// <returns>The sum of the terms, rounded once to the currency's minor units.</returns>
    public Money Recompute(MidpointRounding rounding) => new Money(Unrounded, Amount.Currency).Round(rounding);
}
