using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>The opportunity was lost (to a competitor, or the customer bought nothing).</summary>
public sealed class OpportunityLost : OpportunityClosed
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it was lost.</param>
    /// <param name="by">Who recorded it.</param>
    /// <param name="reason">Why, in free text, if known.</param>
    /// <param name="reasonCode">Why: a code from the host's reason list, or null.</param>
    /// <param name="competitor">The competitor who won the business, if known.</param>
    public OpportunityLost(Instant at, PersonId by, string? reason = null, string? reasonCode = null, string? competitor = null)
        : base(at, by, reasonCode)
    {
        Reason = reason;
        Competitor = competitor;
    }

    /// <summary>Gets why, in free text, if known.</summary>
    public string? Reason { get; }

    /// <summary>Gets the competitor who won the business, if known.</summary>
    public string? Competitor { get; }

    private protected override string? WinningCompetitor => Competitor;

    private protected override OpportunityStatus Outcome => OpportunityStatus.Lost;

    private protected override string? Why => Reason;
}
