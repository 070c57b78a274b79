namespace Kam.Core.Relationships;

/// <summary>The roles a contact plays in a purchase (rule book: accounts, the customer's people on three dimensions); a contact may play several.</summary>
[Flags]
public enum BuyingRoles
{
    /// <summary>No role recorded.</summary>
    None = 0,

    /// <summary>Starts the purchase: sees the need and sets it going.</summary>
    Initiator = 1,

    /// <summary>Takes the decision.</summary>
    DecisionMaker = 2,

    /// <summary>Uses what is bought.</summary>
    User = 4,

    /// <summary>Designs the solution or writes the specification.</summary>
    Designer = 8,

    /// <summary>Evaluates the offers (an expert evaluator may hold a veto).</summary>
    Evaluator = 16,
}
