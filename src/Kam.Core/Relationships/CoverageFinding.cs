namespace Kam.Core.Relationships;

/// <summary>One gap the coverage analysis found, with what it is about and the reasons behind it.</summary>
public sealed class CoverageFinding
{
    internal CoverageFinding(CoverageFindingKind kind, string message, IReadOnlyList<string> reasons, DecisionLevel? level = null, BuyingDecisions decision = BuyingDecisions.None, ContactId? contact = null)
    {
        Kind = kind;
        Message = message;
        Reasons = reasons;
        Level = level;
        Decision = decision;
        Contact = contact;
    }

    /// <summary>Gets the kind of gap.</summary>
    public CoverageFindingKind Kind { get; }

    /// <summary>Gets the gap in one sentence.</summary>
    public string Message { get; }

    /// <summary>Gets the facts of the map that make the finding (the contacts concerned, their relationships with us and how strong they are), one sentence each.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Gets the customer's level the finding is about (<see cref="CoverageFindingKind.LevelUncovered"/>, <see cref="CoverageFindingKind.NoPeerCoverage"/>), or <see langword="null"/>.</summary>
    public DecisionLevel? Level { get; }

    /// <summary>Gets the decision the finding is about (<see cref="CoverageFindingKind.DecisionUncovered"/>), or <see cref="BuyingDecisions.None"/>.</summary>
    public BuyingDecisions Decision { get; }

    /// <summary>Gets the contact the finding is about (veto holder, opponent, contact leaning to a competitor, the one contact of a single-threaded account), or <see langword="null"/>.</summary>
    public ContactId? Contact { get; }

    /// <summary>Returns the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
