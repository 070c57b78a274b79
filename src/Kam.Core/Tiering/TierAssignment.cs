namespace Kam.Core.Tiering;

/// <summary>One account's place in a tiering run: its tier, its score, why, and what the tier gives it.</summary>
/// <remarks>
/// <see cref="TierRank"/> is the tier's position in the policy (0 = best). What <see cref="Score"/> means depends on the
/// engine: the value measure for Pareto/ABC and selection, R+F+M for RFM, the weighted score (0-1) for a scorecard.
/// Immutable; equality is structural over the scalar members and by reference for <see cref="Explanation"/>.
/// </remarks>
/// <param name="AccountId">The account.</param>
/// <param name="Tier">The tier's name.</param>
/// <param name="TierRank">The tier's position in the policy, 0 for the best tier.</param>
/// <param name="Score">The account's score.</param>
/// <param name="Explanation">Why the account got this tier.</param>
/// <param name="Services">What the tier receives, from the policy, or <see langword="null"/>.</param>
public sealed record TierAssignment(AccountId AccountId, string Tier, int TierRank, double Score, TierExplanation Explanation, TierServices? Services);
