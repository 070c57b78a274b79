using Kam.Core.Tiering;

namespace Kam.Core.Stages.Grading;

/// <summary>
/// Grades accounts or projects A/B/C/D by expected close time and likelihood to close (see <see cref="GradingPolicy"/>);
/// each assignment's tier description is the action the grade implies.
/// </summary>
/// <remarks>Likelihoods must lie within 0…1 and days to close must not be negative. Immutable and thread-safe.</remarks>
public sealed class OpportunityGradingEngine : IOpportunityGradingEngine
{
    private readonly GradingPolicy _policy;

    /// <summary>Creates the engine with its policy.</summary>
    /// <param name="policy">The policy (immutable, so it is kept as given).</param>
    public OpportunityGradingEngine(GradingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <inheritdoc />
    public GradingPolicy Policy => _policy;

    /// <inheritdoc />
    public TieringResult Assign(AccountMeasures portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        portfolio.RequireAccounts("grading policy");
        var days = portfolio.RequireComplete(policy.DaysToCloseMeasure, 0d);
        var likelihood = portfolio.RequireComplete(policy.LikelihoodMeasure, 0d, 1d);
        var grades = policy.Grades.ToArray();
        var tier = new int[days.Length];
        for (var i = 0; i < days.Length; i++)
        {
            var t = 0;
            while (t < grades.Length - 1 && !(days[i] <= grades[t].MaxDaysToClose && likelihood[i] >= grades[t].MinLikelihood))
            {
                t++;
            }

            tier[i] = t;
        }

        var summary = TierCounting.Summarize(policy.Tiers, tier, null, "accounts");
        return new TieringResult(policy.Tiers, portfolio.RawIds, tier, likelihood, i => Explain(policy, days[i], likelihood[i], tier[i]), summary);
    }

    private static TierExplanation Explain(GradingPolicy policy, double days, double likelihood, int tier)
    {
        var checks = new List<ThresholdCheck>();
        for (var t = 0; t <= tier && t < policy.Grades.Count; t++)
        {
            var g = policy.Grades[t];
            var name = g.Tier.Name;
            checks.Add(new ThresholdCheck(policy.DaysToCloseMeasure, days, "<=", g.MaxDaysToClose, days <= g.MaxDaysToClose, name));
            checks.Add(new ThresholdCheck(policy.LikelihoodMeasure, likelihood, ">=", g.MinLikelihood, likelihood >= g.MinLikelihood, name));
        }

        return new TierExplanation(
        [
            new CriterionContribution(policy.DaysToCloseMeasure, days, 0d, 0d, 0d),
            new CriterionContribution(policy.LikelihoodMeasure, likelihood, likelihood, 1d, likelihood),
        ], checks, []);
    }
}
