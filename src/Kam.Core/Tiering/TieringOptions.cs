using Kam.Core.Stages.Grading;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Serialization;
using Kam.Core.Tiering.Stability;

namespace Kam.Core.Tiering;

/// <summary>
/// The tiering section of <see cref="Kam.Core.DependencyInjection.KamCoreOptions"/>: the policy each tiering engine uses by default in a host. Each
/// defaults to the policy of the rule book (tiering); replace one with a policy built in code or read with its
/// <c>FromJson</c>.
/// </summary>
/// <remarks>
/// <para>Immutable; every policy is validated when it is built, and a policy not given is the default one.</para>
/// <para>
/// <see cref="FromJson"/> and <see cref="ToJson"/> read and write all policies as one rule file (a tier policy), one
/// section per policy: <c>{ "pareto": …, "rfm": …, "scorecard": …, "grading": …, "relationship": …, "selection": …,
/// "stability": …, "program": … }</c>, each section in the format of that policy's own <c>FromJson</c> (see docs/tiering.md).
/// </para>
/// </remarks>
public sealed class TieringOptions
{
    /// <summary>Creates the tiering options; a policy not given (or <see langword="null"/>) is that policy's default.</summary>
    /// <param name="pareto">The Pareto/ABC policy.</param>
    /// <param name="rfm">The RFM policy.</param>
    /// <param name="scorecard">The account scorecard.</param>
    /// <param name="grading">The opportunity grading policy.</param>
    /// <param name="relationship">The relationship-stage policy.</param>
    /// <param name="selection">The key-account selection policy.</param>
    /// <param name="stability">The tier-stability policy.</param>
    /// <param name="program">The key-account program sizing policy.</param>
    public TieringOptions(
        ParetoPolicy? pareto = null,
        RfmPolicy? rfm = null,
        AccountScorecardPolicy? scorecard = null,
        GradingPolicy? grading = null,
        RelationshipPolicy? relationship = null,
        SelectionPolicy? selection = null,
        TierStabilityPolicy? stability = null,
        ProgramPolicy? program = null)
    {
        Pareto = pareto ?? ParetoPolicy.Default;
        Rfm = rfm ?? RfmPolicy.Default;
        Scorecard = scorecard ?? AccountScorecardPolicy.Default;
        Grading = grading ?? GradingPolicy.Default;
        Relationship = relationship ?? RelationshipPolicy.Default;
        Selection = selection ?? SelectionPolicy.Default;
        Stability = stability ?? TierStabilityPolicy.Default;
        Program = program ?? ProgramPolicy.Default;
    }

    /// <summary>Gets the options holding every default policy.</summary>
    public static TieringOptions Default { get; } = new();

    /// <summary>Gets the Pareto/ABC policy. Default: <see cref="ParetoPolicy.Default"/>.</summary>
    public ParetoPolicy Pareto { get; }

    /// <summary>Gets the RFM policy. Default: <see cref="RfmPolicy.Default"/>.</summary>
    public RfmPolicy Rfm { get; }

    /// <summary>Gets the account scorecard. Default: <see cref="AccountScorecardPolicy.Default"/>.</summary>
    public AccountScorecardPolicy Scorecard { get; }

    /// <summary>Gets the opportunity grading policy. Default: <see cref="GradingPolicy.Default"/>.</summary>
    public GradingPolicy Grading { get; }

    /// <summary>Gets the relationship-stage policy. Default: <see cref="RelationshipPolicy.Default"/>.</summary>
    public RelationshipPolicy Relationship { get; }

    /// <summary>Gets the key-account selection policy. Default: <see cref="SelectionPolicy.Default"/>.</summary>
    public SelectionPolicy Selection { get; }

    /// <summary>Gets the tier-stability policy. Default: <see cref="TierStabilityPolicy.Default"/>.</summary>
    public TierStabilityPolicy Stability { get; }

    /// <summary>Gets the key-account program sizing policy. Default: <see cref="ProgramPolicy.Default"/>.</summary>
    public ProgramPolicy Program { get; }

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
}
