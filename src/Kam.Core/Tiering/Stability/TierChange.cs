namespace Kam.Core.Tiering;

/// <summary>One account's tier change between two runs, with the reason.</summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="AccountId">The account.</param>
/// <param name="Kind">The kind of change.</param>
/// <param name="FromTier">The earlier tier, or <see langword="null"/> for a new account.</param>
/// <param name="ToTier">The later tier, or <see langword="null"/> for a gone account.</param>
/// <param name="ScoreBefore">The earlier score, or <see langword="null"/>.</param>
/// <param name="ScoreAfter">The later score, or <see langword="null"/>.</param>
/// <param name="Reason">Why, in words (scores and the threshold crossed).</param>
public sealed record TierChange(AccountId AccountId, TierChangeKind Kind, string? FromTier, string? ToTier, double? ScoreBefore, double? ScoreAfter, string Reason);
