using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>The opportunity was won: the contract is signed (签约成交).</summary>
/// <remarks>
/// Winning does not mark any playbook item; a project won without its stage-8 items recorded keeps the completed
/// stage it had, which the conversion statistics show.
/// </remarks>
/// <param name="At">When it was won.</param>
/// <param name="By">Who recorded it.</param>
public sealed record OpportunityWon(Instant At, PersonId By) : OpportunityClosed(At, By)
{
    private protected override OpportunityStatus Outcome => OpportunityStatus.Won;
}
