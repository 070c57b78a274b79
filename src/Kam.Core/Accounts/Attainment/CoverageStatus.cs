namespace Kam.Core.Accounts.Attainment;

/// <summary>Whether a line's pipeline coverage could be computed, and why not.</summary>
public enum CoverageStatus
{
    /// <summary>Computed: open pipeline value ÷ remaining gap (target − actual), the gap being above zero.</summary>
    Computed = 1,

    /// <summary>No gap: the actual already meets the target, so there is nothing left to cover.</summary>
    NoGap = 2,

    /// <summary>No target for the subject, measure and period.</summary>
    NoTarget = 3,

    /// <summary>The measure has no pipeline (any measure but the bookings measure).</summary>
    NoPipeline = 4,
}
