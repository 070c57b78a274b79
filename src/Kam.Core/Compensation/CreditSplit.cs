namespace Kam.Core.Compensation;

/// <summary>A team member's share of the credit for a deal (key-account teams are cross-functional).</summary>
/// <remarks>The pay calculator checks the splits of each deal (shares sum to 100%, each person at most once).</remarks>
public readonly struct CreditSplit
{
    /// <summary>Creates a split.</summary>
    /// <param name="person">The team member.</param>
    /// <param name="share">The share of the deal credited to them; the shares of a deal sum to 100%.</param>
    public CreditSplit(PersonId person, Percentage share)
    {
        Person = person;
        Share = share;
    }

    /// <summary>Gets the team member.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the share of the deal credited to them.</summary>
    public Percentage Share { get; }
}
