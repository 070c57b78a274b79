namespace Kam.Core.Tiering.Relationship;

/// <summary>Places each relationship in a stage of the five-stage model (see <see cref="RelationshipPolicy"/>).</summary>
/// <remarks>Indicators must lie within 0…1. Immutable and thread-safe.</remarks>
public sealed class RelationshipStageEngine : IRelationshipStageEngine
{
    private readonly RelationshipPolicy _policy;

    /// <summary>Creates the engine with its policy.</summary>
    /// <param name="policy">The policy (immutable, so it is kept as given).</param>
    public RelationshipStageEngine(RelationshipPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <inheritdoc />
    public RelationshipPolicy Policy => _policy;

    /// <inheritdoc />
    public TieringResult Assign(AccountMeasures portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        portfolio.RequireAccounts("relationship policy");
        var collaboration = portfolio.RequireComplete(policy.CollaborationMeasure, 0d, 1d);
        var contact = portfolio.RequireComplete(policy.ContactBreadthMeasure, 0d, 1d);
        var stages = policy.Stages.ToArray();
        var tier = new int[collaboration.Length];
        var score = new double[collaboration.Length];
        for (var i = 0; i < tier.Length; i++)
        {
            var t = 0;
            while (t < stages.Length - 1 && !(collaboration[i] >= stages[t].MinCollaboration && contact[i] >= stages[t].MinContactBreadth))
            {
                t++;
            }

            tier[i] = t;
            score[i] = (collaboration[i] + contact[i]) / 2d;
        }

        var summary = TierCounting.Summarize(policy.Tiers, tier, null, "accounts");
        return new TieringResult(policy.Tiers, portfolio.RawIds, tier, score, i => Explain(policy, collaboration[i], contact[i], tier[i]), summary);
    }

    private static TierExplanation Explain(RelationshipPolicy policy, double collaboration, double contact, int tier)
    {
        var checks = new List<ThresholdCheck>();
        for (var t = 0; t <= tier && t < policy.Stages.Count; t++)
        {
            var s = policy.Stages[t];
            checks.Add(new ThresholdCheck(policy.CollaborationMeasure, collaboration, ">=", s.MinCollaboration, collaboration >= s.MinCollaboration, s.Tier.Name));
            checks.Add(new ThresholdCheck(policy.ContactBreadthMeasure, contact, ">=", s.MinContactBreadth, contact >= s.MinContactBreadth, s.Tier.Name));
        }

        return new TierExplanation(
        [
            new CriterionContribution(policy.CollaborationMeasure, collaboration, collaboration, 0.5, collaboration / 2d),
            new CriterionContribution(policy.ContactBreadthMeasure, contact, contact, 0.5, contact / 2d),
        ], checks, []);
    }
}
