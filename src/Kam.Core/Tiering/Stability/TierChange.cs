namespace Kam.Core.Tiering.Stability;

/// <summary>One account's tier change between two runs, with the reason.</summary>
/// <remarks>Immutable.</remarks>
public sealed class TierChange
{
    /// <summary>Creates the tier change.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="kind">The kind of change.</param>
    /// <param name="fromTier">The earlier tier, or <see langword="null"/> for a new account.</param>
    /// <param name="toTier">The later tier, or <see langword="null"/> for a gone account.</param>
    /// <param name="scoreBefore">The earlier score, or <see langword="null"/>.</param>
    /// <param name="scoreAfter">The later score, or <see langword="null"/>.</param>
    /// <param name="reason">Why, in words (scores and the threshold crossed).</param>
    internal TierChange(AccountId accountId, TierChangeKind kind, string? fromTier, string? toTier, double? scoreBefore, double? scoreAfter, string reason)
    {
        AccountId = accountId;
        Kind = kind;
        FromTier = fromTier;
        ToTier = toTier;
        ScoreBefore = scoreBefore;
        ScoreAfter = scoreAfter;
        Reason = reason;
    }

    /// <summary>Gets the account.</summary>
    public AccountId AccountId { get; }

    /// <summary>Gets the kind of change.</summary>
    public TierChangeKind Kind { get; }

    /// <summary>Gets the earlier tier, or <see langword="null"/> for a new account.</summary>
    public string? FromTier { get; }

    /// <summary>Gets the later tier, or <see langword="null"/> for a gone account.</summary>
    public string? ToTier { get; }

    /// <summary>Gets the earlier score, or <see langword="null"/>.</summary>
    public double? ScoreBefore { get; }

    /// <summary>Gets the later score, or <see langword="null"/>.</summary>
    public double? ScoreAfter { get; }

    /// <summary>Gets why, in words (scores and the threshold crossed).</summary>
    public string Reason { get; }
}
