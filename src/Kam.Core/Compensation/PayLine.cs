namespace Kam.Core.Compensation;

/// <summary>One line of a pay statement: a component, the terms it was computed from, the rule used, and the amount.</summary>
/// <remarks>A line is reproducible from itself: <see cref="Recompute"/> gives <see cref="Amount"/> again. Immutable.</remarks>
public sealed class PayLine
{
    internal PayLine(string component, PayComponentKind kind, string rule, IReadOnlyList<PayTerm> terms, Money amount)
    {
        Component = component;
        Kind = kind;
        Rule = rule;
        Terms = terms;
        Amount = amount;
    }

    /// <summary>Gets the component's name.</summary>
    public string Component { get; }

    /// <summary>Gets the component's kind.</summary>
    public PayComponentKind Kind { get; }

    /// <summary>Gets the rule used, as text.</summary>
    public string Rule { get; }

    /// <summary>Gets the inputs: the unrounded amount is the sum of their values.</summary>
    public IReadOnlyList<PayTerm> Terms { get; }

    /// <summary>Gets the amount: the sum of the terms rounded once with the statement's mode.</summary>
    public Money Amount { get; }

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
