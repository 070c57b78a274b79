namespace Kam.Core.Compensation;

/// <summary>A team member's share of the credit for a deal (key-account teams are cross-functional).</summary>
/// <param name="Person">The team member.</param>
/// <param name="Share">The share of the deal credited to them; the shares of a deal sum to 100%.</param>
public readonly record struct CreditSplit(PersonId Person, Percentage Share);
