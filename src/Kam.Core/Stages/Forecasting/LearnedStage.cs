namespace Kam.Core.Stages.Forecasting;

/// <summary>One stage of <see cref="LearnedProbabilities"/>: the prior, the evidence and the posterior mean.</summary>
/// <remarks>Immutable.</remarks>
public sealed class LearnedStage
{
    internal LearnedStage(SalesStage stage, Percentage prior, double strength, long reached, long won, double posterior)
    {
        Stage = stage;
        Prior = prior;
        Strength = strength;
        Reached = reached;
        Won = won;
        Posterior = posterior;
        Observed = reached == 0 ? null : won / (double)reached;
        EvidenceWeight = reached + strength > 0d ? reached / (reached + strength) : 0d;
    }

    /// <summary>Gets the stage.</summary>
    public SalesStage Stage { get; }

    /// <summary>Gets the prior mean (the playbook's probability).</summary>
    public Percentage Prior { get; }

    /// <summary>Gets the prior strength, in closed opportunities.</summary>
    public double Strength { get; }

    /// <summary>Gets how many closed opportunities completed the stage.</summary>
    public long Reached { get; }

    /// <summary>Gets how many of those were won.</summary>
    public long Won { get; }

    /// <summary>Gets the observed rate, or null when none completed the stage.</summary>
    public double? Observed { get; }

    /// <summary>Gets the weight of the evidence, reached / (reached + s): 0 keeps the prior, 1 is the observed rate.</summary>
    public double EvidenceWeight { get; }

    /// <summary>Gets the posterior mean, (won + s·p0) / (reached + s), between the observed rate and the prior.</summary>
    public double Posterior { get; }
}
