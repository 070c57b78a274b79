using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>The opportunity was lost (to a competitor, or the customer bought nothing).</summary>
/// <param name="At">When it was lost.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Reason">Why, if known.</param>
public sealed record OpportunityLost(Instant At, PersonId By, string? Reason = null) : OpportunityClosed(At, By)
{
    private protected override OpportunityStatus Outcome => OpportunityStatus.Lost;

    private protected override string? Why => Reason;
}
