namespace Kam.Core.Relationships;

/// <summary>
/// The five decisions of a purchase that the decision level makes (rule book: accounts, the customer's people on three
/// dimensions): whether to buy, when, the budget, which supplier, and the signature. A contact may hold several.
/// </summary>
[Flags]
public enum BuyingDecisions
{
    /// <summary>No decision held.</summary>
    None = 0,

    /// <summary>Whether to buy at all.</summary>
    Whether = 1,

    /// <summary>When to buy.</summary>
    When = 2,

    /// <summary>The budget.</summary>
    Budget = 4,

    /// <summary>Which supplier.</summary>
    Supplier = 8,

    /// <summary>Signs the contract.</summary>
    Signature = 16,

    /// <summary>All five decisions.</summary>
    All = Whether | When | Budget | Supplier | Signature,
}
