using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>The opportunity was lost (to a competitor, or the customer bought nothing).</summary>
public sealed class OpportunityLost : OpportunityClosed
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it was lost.</param>
    /// <param name="by">Who recorded it.</param>
    /// <param name="reason">Why, if known.</param>
    public OpportunityLost(Instant at, PersonId by, string? reason = null)
        : base(at, by)
    {
        Reason = reason;
    }

    /// <summary>Gets why, if known.</summary>
    public string? Reason { get; }

    private protected override OpportunityStatus Outcome => OpportunityStatus.Lost;

    private protected override string? Why => Reason;
}
