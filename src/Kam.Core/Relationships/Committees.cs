namespace Kam.Core.Relationships;

/// <summary>The committees of a purchase a contact sits on (rule book: accounts, the customer's people on three dimensions).</summary>
[Flags]
public enum Committees
{
    /// <summary>No committee.</summary>
    None = 0,

    /// <summary>The buying committee.</summary>
    Buying = 1,

    /// <summary>The evaluation committee (its expert evaluators may hold a veto).</summary>
    Evaluation = 2,
}
