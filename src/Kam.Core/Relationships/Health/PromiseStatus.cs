namespace Kam.Core.Relationships.Health;

/// <summary>What became of a promise made to a customer.</summary>
public enum PromiseStatus
{
    /// <summary>Not yet due, or due and not yet settled (counted as broken once past due).</summary>
    Open,

    /// <summary>Kept.</summary>
    Kept,

    /// <summary>Broken, with no apology and compensation recorded.</summary>
    Broken,

    /// <summary>Broken, then apologized for and compensated.</summary>
    Compensated,
}
