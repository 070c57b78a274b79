using System.Globalization;
using Kam.Core.Stages.Serialization;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// How strongly learned stage probabilities (<see cref="WinHistory.Learn"/>) hold to the playbook's probabilities: the
/// prior strength of each stage, as an equivalent number of closed opportunities.
/// </summary>
/// <remarks>
/// <para>
/// The learned probability of stage k is the posterior mean of a beta-binomial model whose prior has mean p0 (the
/// playbook's probability) and strength s: (wins + s·p0) / (reached + s). With s = 20 (the default), twenty closed
/// opportunities that completed a stage move its probability halfway from the playbook's value to the observed rate.
/// </para>
/// <para>Valid from the moment it exists (the constructor checks every value), immutable and thread-safe.</para>
/// </remarks>
public sealed class ShrinkagePolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="priorStrength">The strength of every stage's prior, in closed opportunities: finite, 0 to 1,000,000. Default 20.</param>
    /// <param name="stageStrengths">Eight strengths, stage 1 first, overriding <paramref name="priorStrength"/>; null to use it for every stage.</param>
    /// <exception cref="KamValidationException">A strength is negative, not finite or too large (paths <c>priorStrength</c>, <c>stageStrengths[i]</c>), or there are not eight (path <c>stageStrengths</c>).</exception>
    public ShrinkagePolicy(double priorStrength = 20d, IEnumerable<double>? stageStrengths = null)
    {
        var errors = new ValidationCollector();
        errors.FiniteInRange("priorStrength", priorStrength, 0d, MaxStrength);
        var strengths = stageStrengths?.ToArray();
        if (strengths is not null)
        {
            if (strengths.Length != StageExtensions.StageCount)
            {
                errors.Add("stageStrengths", KamErrorCodes.OutOfRange, strengths.Length, "Give exactly eight strengths, one per stage.");
            }

            for (var i = 0; i < strengths.Length; i++)
            {
                errors.FiniteInRange(string.Create(CultureInfo.InvariantCulture, $"stageStrengths[{i}]"), strengths[i], 0d, MaxStrength);
            }
        }

        errors.ThrowIfAny();
        PriorStrength = priorStrength;
        IsPerStage = strengths is not null;
        Strengths = strengths ?? Enumerable.Repeat(priorStrength, StageExtensions.StageCount).ToArray();
    }

    /// <summary>Gets the default policy: strength 20 for every stage.</summary>
    public static ShrinkagePolicy Default { get; } = new();

    /// <summary>Gets the strength given for every stage (overridden when <see cref="IsPerStage"/>).</summary>
    public double PriorStrength { get; }

    /// <summary>Gets a value indicating whether the eight strengths were given one by one.</summary>
    public bool IsPerStage { get; }

    /// <summary>Gets the strength of each stage's prior, stage 1 first.</summary>
    public IReadOnlyList<double> Strengths { get; }

    private const double MaxStrength = 1_000_000d;

    /// <summary>Reads the policy from JSON (<c>priorStrength</c>, <c>stageStrengths</c>; each optional) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths (<c>$.stageStrengths[2]</c>).</exception>
    public static ShrinkagePolicy FromJson(string json) => ForecastingJson.ReadShrinkagePolicy(json);

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => ForecastingJson.Write(this);
}
