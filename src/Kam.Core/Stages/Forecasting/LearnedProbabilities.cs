using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// Stage probabilities learned from closed opportunities: each stage's observed win rate shrunk toward the prior
/// (the playbook's probability) in proportion to the evidence, posterior mean = (won + s·p0) / (reached + s).
/// </summary>
/// <remarks>
/// <para>
/// Without any closed opportunity <see cref="HasEvidence"/> is false, every stage's value is its prior and
/// <see cref="ToTable"/> returns the prior table itself. A host adopts the learned values through the rules path:
/// <see cref="ToPlaybook"/> gives a playbook with the learned table, whose <see cref="Playbook.ToJson"/> is an ordinary
/// rule file; or it keeps the book's.
/// </para>
/// <para>Made by <see cref="WinHistory.Learn"/>. Immutable.</para>
/// </remarks>
public sealed class LearnedProbabilities
{
    private const decimal Step = 0.001m;

    internal LearnedProbabilities(WinProbabilityTable prior, bool hasEvidence, IReadOnlyList<LearnedStage> stages)
    {
        Prior = prior;
        HasEvidence = hasEvidence;
        Stages = stages;
    }

    /// <summary>Gets the prior table.</summary>
    public WinProbabilityTable Prior { get; }

    /// <summary>Gets a value indicating whether any closed opportunity informed the values; false means "no evidence: the prior unchanged".</summary>
    public bool HasEvidence { get; }

    /// <summary>Gets the eight stages, stage 1 first.</summary>
    public IReadOnlyList<LearnedStage> Stages { get; }

    /// <summary>
    /// Gets the learned values as a win-probability table: each posterior mean rounded to 0.1 percentage point; where a
    /// value does not rise above the previous stage's it is raised to 0.1 point above it (and, should the top pass 100%,
    /// the values are lowered from the top down), because a table must rise strictly. Without evidence, the prior itself.
    /// </summary>
    /// <returns>The table.</returns>
    public WinProbabilityTable ToTable()
    {
        if (!HasEvidence)
        {
            return Prior;
        }

        var values = Stages.Select(s => decimal.Round((decimal)s.Posterior, 3, MidpointRounding.ToEven)).ToArray();
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] <= values[k - 1])
            {
                values[k] = values[k - 1] + Step;
            }
        }

        if (values[^1] > 1m)
        {
            values[^1] = 1m;
            for (var k = values.Length - 2; k >= 0; k--)
            {
                values[k] = Math.Min(values[k], values[k + 1] - Step);
            }
        }

        return new WinProbabilityTable(values.Select(Percentage.FromFraction));
    }

    /// <summary>Gets a playbook with the same items as the given one and the learned table (<see cref="ToTable"/>).</summary>
    /// <param name="playbook">The playbook whose items to keep.</param>
    /// <returns>The new playbook; the given one is unchanged.</returns>
    public Playbook ToPlaybook(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return new Playbook(playbook.Items, ToTable());
    }
}
