namespace Kam.Core.Relationships;

/// <summary>The kinds of gap the coverage analysis reports (rule book: accounts, coverage at every level); each has a weight in the <see cref="CoveragePolicy"/>.</summary>
public enum CoverageFindingKind
{
    /// <summary>A level the policy requires has no contact with a relationship of the policy's strength (or no contact mapped at all).</summary>
    LevelUncovered,

    /// <summary>One of the five decisions has no holder with such a relationship (or no holder mapped).</summary>
    DecisionUncovered,

    /// <summary>A contact who can veto the purchase has no such relationship.</summary>
    VetoHolderUncovered,

    /// <summary>Fewer contacts than the policy asks for carry the whole relationship.</summary>
    SingleThreaded,

    /// <summary>A level the policy names for peer coverage has no such relationship with one of our people at that level or above (executive to executive).</summary>
    NoPeerCoverage,

    /// <summary>A contact with the policy's influence or more is an opponent.</summary>
    InfluentialOpponent,

    /// <summary>A contact leans to a competitor.</summary>
    LeaningToCompetitor,
}
