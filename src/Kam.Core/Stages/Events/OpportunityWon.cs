using NodaTime;

namespace Kam.Core.Stages.Events;

/// <summary>The opportunity was won: the contract is signed (签约成交).</summary>
/// <remarks>
/// Winning does not mark any playbook item; a project won without its stage-8 items recorded keeps the completed
/// stage it had, which the conversion statistics show.
/// </remarks>
public sealed class OpportunityWon : OpportunityClosed
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it was won.</param>
    /// <param name="by">Who recorded it.</param>
    /// <param name="reasonCode">Why we won: a code from the host's reason list, or null.</param>
    /// <param name="note">Why, in free text, if known.</param>
    public OpportunityWon(Instant at, PersonId by, string? reasonCode = null, string? note = null)
        : base(at, by, reasonCode)
    {
        Note = note;
    }

    /// <summary>Gets why we won, in free text, if known.</summary>
    public string? Note { get; }

    private protected override string? Why => Note;

    private protected override OpportunityStatus Outcome => OpportunityStatus.Won;
}
