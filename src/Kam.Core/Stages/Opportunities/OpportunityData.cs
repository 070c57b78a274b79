using System.Runtime.CompilerServices;
using NodaTime;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.Opportunities;

/// <summary>
/// The mutable working copy of an opportunity's state while one event is folded in; <see cref="OpportunityState"/>
/// wraps it immutably. Kept compact (progress is a bit set over the playbook's item indices) so that applying an
/// event allocates nothing.
/// </summary>
internal struct OpportunityData
{
    public OpportunityId Id;
    public AccountId Account;
    public PersonId Owner;
    public Money Value;
    public LocalDate ExpectedClose;
    public Instant OpenedAt;
    public Instant LastEventAt;
    public Instant PositionSince;
    public Instant ClosedAt;
    public UInt128 Done;
    public OpportunityStatus Status;
    public string? CloseReason;
    public string? CloseReasonCode;
    public string? Competitor;
    public int Version;
    public int Regressions;
    public byte Stage;
    public byte Completed;
    public byte Skipped;
    public byte EverSkipped;
    public byte EverEntered;
    public byte EverCompleted;
    public byte Procurement;
    public StageSeconds FirstEntered;

    /// <summary>Tells whether two working copies hold the same state, member by member.</summary>
    public readonly bool SameAs(in OpportunityData other) =>
        Id == other.Id && Account == other.Account && Owner == other.Owner && Value == other.Value && ExpectedClose == other.ExpectedClose
        && OpenedAt == other.OpenedAt && LastEventAt == other.LastEventAt && PositionSince == other.PositionSince
        && ClosedAt == other.ClosedAt && Done == other.Done && Status == other.Status
        && string.Equals(CloseReason, other.CloseReason, StringComparison.Ordinal)
        && string.Equals(CloseReasonCode, other.CloseReasonCode, StringComparison.Ordinal)
        && string.Equals(Competitor, other.Competitor, StringComparison.Ordinal) && Version == other.Version
        && Regressions == other.Regressions && Stage == other.Stage && Completed == other.Completed && Skipped == other.Skipped
        && EverSkipped == other.EverSkipped && EverEntered == other.EverEntered && EverCompleted == other.EverCompleted
        && Procurement == other.Procurement
        && ((ReadOnlySpan<int>)FirstEntered).SequenceEqual(other.FirstEntered);

    /// <summary>Derives stage, completed stage and skipped stages from the done set, and records what changed.</summary>
    public void Recompute(Playbook playbook, Instant at)
    {
        var done = Done;
        int stage = 0, completed = 0, leading = 0, entered = 0, completedMask = 0;
        for (var k = 1; k <= StageExtensions.StageCount; k++)
        {
            if ((done & playbook.StageItems(k)) != UInt128.Zero)
            {
                leading = k;
            }

            var milestones = playbook.RequiredMilestones(k);
            if ((done & milestones) == milestones)
            {
                stage = k;
                entered |= 1 << (k - 1);
                var success = playbook.RequiredSuccess(k);
                if ((done & success) == success)
                {
                    completed = k;
                    completedMask |= 1 << (k - 1);
                }
            }
        }

        // A stage is skipped when it is not entered while work of a later stage is recorded (rule book: stages, milestones and success criteria).
        var skipped = leading == 0 ? 0 : ((1 << (leading - 1)) - 1) & ~entered;
        if (stage < Stage || completed < Completed)
        {
            Regressions++;
        }

        if (stage != Stage || completed != Completed)
        {
            PositionSince = at;
        }

        var newlyEntered = entered & ~EverEntered;
        if (newlyEntered != 0)
        {
            var seconds = (int)Math.Min(int.MaxValue - 1, (at - OpenedAt).BclCompatibleTicks / NodaConstants.TicksPerSecond);
            for (var k = 0; k < StageExtensions.StageCount; k++)
            {
                if ((newlyEntered & (1 << k)) != 0)
                {
                    FirstEntered[k] = seconds + 1;
                }
            }
        }

        Stage = (byte)stage;
        Completed = (byte)completed;
        Skipped = (byte)skipped;
        EverSkipped |= (byte)skipped;
        EverEntered |= (byte)entered;
        EverCompleted |= (byte)completedMask;
    }
}

/// <summary>Seconds after opening at which each stage was first entered, plus one (0 = never entered).</summary>
[InlineArray(StageExtensions.StageCount)]
internal struct StageSeconds
{
    private int _element;
}
