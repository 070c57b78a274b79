using Kam.Core.Tiering.Json;

namespace Kam.Core.Tiering;

/// <summary>
/// The tiering section of <see cref="Kam.Core.DependencyInjection.KamCoreOptions"/>: the policy each tiering engine uses by default in a host. Each
/// defaults to the SPEC.md §2 policy; replace one with a policy built in code or read with its <c>FromJson</c>.
/// </summary>
/// <remarks>
/// <para>Policies are validated when they are built, so only missing (null) policies are reported by <see cref="Validate"/>.</para>
/// <para>
/// <see cref="FromJson"/> and <see cref="ToJson"/> read and write all policies as one rule file (a tier policy), one
/// section per policy: <c>{ "pareto": …, "rfm": …, "scorecard": …, "grading": …, "relationship": …, "selection": …,
/// "stability": … }</c>, each section in the format of that policy's own <c>FromJson</c> (see docs/tiering.md).
/// </para>
/// </remarks>
public sealed class TieringOptions
{
    /// <summary>Gets or sets the Pareto/ABC policy. Default: <see cref="ParetoPolicy.Default"/>.</summary>
    public ParetoPolicy Pareto { get; set; } = ParetoPolicy.Default;

    /// <summary>Gets or sets the RFM policy. Default: <see cref="RfmPolicy.Default"/>.</summary>
    public RfmPolicy Rfm { get; set; } = RfmPolicy.Default;

    /// <summary>Gets or sets the scorecard. Default: <see cref="ScorecardPolicy.Default"/>.</summary>
    public ScorecardPolicy Scorecard { get; set; } = ScorecardPolicy.Default;

    /// <summary>Gets or sets the opportunity grading policy. Default: <see cref="GradingPolicy.Default"/>.</summary>
    public GradingPolicy Grading { get; set; } = GradingPolicy.Default;

    /// <summary>Gets or sets the relationship-stage policy. Default: <see cref="RelationshipPolicy.Default"/>.</summary>
    public RelationshipPolicy Relationship { get; set; } = RelationshipPolicy.Default;

    /// <summary>Gets or sets the key-account selection policy. Default: <see cref="SelectionPolicy.Default"/>.</summary>
    public SelectionPolicy Selection { get; set; } = SelectionPolicy.Default;

    /// <summary>Gets or sets the tier-stability policy. Default: <see cref="TierStabilityPolicy.Default"/>.</summary>
    public TierStabilityPolicy Stability { get; set; } = TierStabilityPolicy.Default;

    /// <summary>
    /// Reads a combined tier-policy file. Every section is optional: a missing (or null) section is that policy's
    /// default. Problems of all sections are reported together, with JSON paths such as <c>$.scorecard.criteria[2].weight</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>New options holding the policies read (defaults for missing sections).</returns>
    /// <exception cref="KamValidationException">The JSON is malformed, has a member the schema does not know, or a policy is invalid.</exception>
    public static TieringOptions FromJson(string json) => TieringJson.ReadOptions(json);

    /// <summary>Writes every policy as one combined tier-policy file that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);

    /// <summary>Reports every missing policy, with paths under <paramref name="path"/>.</summary>
    /// <param name="path">The section's path, for example <c>options.Tiering</c>.</param>
    /// <returns>The problems; empty when the section is valid.</returns>
    public IReadOnlyList<KamValidationError> Validate(string path)
    {
        var errors = new ValidationCollector();
        errors.Required($"{path}.{nameof(Pareto)}", Pareto);
        errors.Required($"{path}.{nameof(Rfm)}", Rfm);
        errors.Required($"{path}.{nameof(Scorecard)}", Scorecard);
        errors.Required($"{path}.{nameof(Grading)}", Grading);
        errors.Required($"{path}.{nameof(Relationship)}", Relationship);
        errors.Required($"{path}.{nameof(Selection)}", Selection);
        errors.Required($"{path}.{nameof(Stability)}", Stability);
        return errors.Errors;
    }
}
