namespace Kam.Core.Tiering;

/// <summary>One account's place in a tiering run: its tier, its score, why, and what the tier gives it.</summary>
/// <remarks>
/// <see cref="TierRank"/> is the tier's position in the policy (0 = best). What <see cref="Score"/> means depends on the
/// engine: the value measure for Pareto/ABC and selection, R+F+M for RFM, the weighted score (0-1) for a scorecard.
/// Immutable.
/// </remarks>
public sealed class TierAssignment
{
    internal TierAssignment(AccountId accountId, string tier, int tierRank, double score, TierExplanation explanation, TierServices? services)
    {
        AccountId = accountId;
        Tier = tier;
        TierRank = tierRank;
        Score = score;
        Explanation = explanation;
        Services = services;
    }

    /// <summary>Gets the account.</summary>
    public AccountId AccountId { get; }

    /// <summary>Gets the tier's name.</summary>
    public string Tier { get; }

    /// <summary>Gets the tier's position in the policy, 0 for the best tier.</summary>
    public int TierRank { get; }

    /// <summary>Gets the account's score.</summary>
    public double Score { get; }

    /// <summary>Gets why the account got this tier.</summary>
    public TierExplanation Explanation { get; }

    /// <summary>Gets what the tier receives, from the policy, or <see langword="null"/>.</summary>
    public TierServices? Services { get; }
}
