using System.Collections.ObjectModel;
using Kam.Core.Accounts;

namespace Kam.Core.Relationships;

/// <summary>
/// The rules of the coverage analysis (rule book: accounts, coverage at every level): which relationship counts, which
/// levels must be covered and which need a peer of ours, how many contacts must carry the relationship, who is an
/// influential opponent, and the weight of each kind of gap in the score. The defaults are documented in
/// docs/relationships.md.
/// </summary>
/// <remarks>Immutable and valid from construction; every problem is reported at once, with paths relative to the policy (<c>weights.SingleThreaded</c>).</remarks>
public sealed class CoveragePolicy
{
    private static readonly DecisionLevel[] AllLevels = [DecisionLevel.Operational, DecisionLevel.Management, DecisionLevel.Decision];

    /// <summary>Creates a policy.</summary>
    /// <param name="minStrength">The strength from which a relationship covers a contact, 1 to <see cref="Relationship.MaxStrength"/>; default 3.</param>
    /// <param name="requiredLevels">The customer's levels that must each have a covered contact (copied); <see langword="null"/> for all three.</param>
    /// <param name="peerLevels">The customer's levels that must each have a contact covered by one of our people at the same level or above (copied); <see langword="null"/> for the decision level only.</param>
    /// <param name="minThreads">How many covered contacts an account needs not to be single-threaded, 1 to 100; default 2.</param>
    /// <param name="influentialAt">The influence from which an opponent is influential, 0 to <see cref="ContactProfile.MaxInfluence"/>; default 3.</param>
    /// <param name="opponentAt">The attitude at or below which a contact counts as an opponent; default <see cref="Attitude.Opponent"/>.</param>
    /// <param name="weights">The weight of each kind of finding in the score, 0 to 1,000 each with at most 4 decimal places, not all zero (copied); a kind not listed keeps its default (<see cref="DefaultWeight"/>).</param>
    /// <exception cref="KamValidationException">A value is out of range, undefined or repeated, or every weight is zero; every problem is reported.</exception>
    public CoveragePolicy(
        int minStrength = 3,
        IReadOnlyList<DecisionLevel>? requiredLevels = null,
        IReadOnlyList<DecisionLevel>? peerLevels = null,
        int minThreads = 2,
        int influentialAt = 3,
        Attitude opponentAt = Attitude.Opponent,
        IReadOnlyDictionary<CoverageFindingKind, decimal>? weights = null)
    {
        var errors = new ValidationCollector();
        errors.InRange("minStrength", minStrength, 1, Relationship.MaxStrength);
        var required = Levels(errors, "requiredLevels", requiredLevels ?? AllLevels);
        var peers = Levels(errors, "peerLevels", peerLevels ?? [DecisionLevel.Decision]);
        errors.InRange("minThreads", minThreads, 1, 100);
        errors.InRange("influentialAt", influentialAt, 0, ContactProfile.MaxInfluence);
        Checks.Defined(errors, "opponentAt", opponentAt);
        var kinds = Enum.GetValues<CoverageFindingKind>();
        var weightArray = WeightTable.Build(errors, weights, DefaultWeight, "Not a kind of coverage finding.");

        errors.ThrowIfAny();
        MinStrength = minStrength;
        RequiredLevels = Array.AsReadOnly(required);
        PeerLevels = Array.AsReadOnly(peers);
        MinThreads = minThreads;
        InfluentialAt = influentialAt;
        OpponentAt = opponentAt;
        WeightArray = weightArray;
        Weights = new ReadOnlyDictionary<CoverageFindingKind, decimal>(kinds.ToDictionary(k => k, k => weightArray[(int)k]));
    }

    /// <summary>Gets the policy with every default.</summary>
    public static CoveragePolicy Default { get; } = new();

    /// <summary>Gets the strength from which a relationship covers a contact.</summary>
    public int MinStrength { get; }

    /// <summary>Gets the levels that must each have a covered contact, in the order given.</summary>
    public IReadOnlyList<DecisionLevel> RequiredLevels { get; }

    /// <summary>Gets the levels that must each have a contact covered by one of our people at that level or above, in the order given.</summary>
    public IReadOnlyList<DecisionLevel> PeerLevels { get; }

    /// <summary>Gets how many covered contacts an account needs not to be single-threaded.</summary>
    public int MinThreads { get; }

    /// <summary>Gets the influence from which an opponent is influential.</summary>
    public int InfluentialAt { get; }

    /// <summary>Gets the attitude at or below which a contact counts as an opponent.</summary>
    public Attitude OpponentAt { get; }

    /// <summary>Gets the weight of every kind of finding in the score.</summary>
    public IReadOnlyDictionary<CoverageFindingKind, decimal> Weights { get; }

    /// <summary>Gets the weights indexed by kind (internal: never handed out).</summary>
    internal decimal[] WeightArray { get; }

    /// <summary>Gets the default weight of a kind of finding: levels 20, decisions 25, veto holders 15, single-threading 10, peer coverage 10, influential opponents 10, leaning to a competitor 10 (100 in all).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The weight.</returns>
    public static decimal DefaultWeight(CoverageFindingKind kind) => kind switch
    {
        CoverageFindingKind.LevelUncovered => 20m,
        CoverageFindingKind.DecisionUncovered => 25m,
        CoverageFindingKind.VetoHolderUncovered => 15m,
        _ => 10m,
    };

    /// <summary>Reads a policy from JSON (the format and defaults are in docs/relationships.md; its schema in docs/schemas/coverage-policy.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy invalid; paths are JSON paths in the file's member names (<c>$.weights.SingleThreaded</c>).</exception>
    public static CoveragePolicy FromJson(string json) => Serialization.RelationshipsJson.ReadCoveragePolicy(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.RelationshipsJson.Write(this);

    private static DecisionLevel[] Levels(ValidationCollector errors, string path, IReadOnlyList<DecisionLevel> levels)
    {
        var copy = levels.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (!Enum.IsDefined(copy[i]))
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.OutOfRange, copy[i], "Not a defined level.");
            }
            else if (Array.IndexOf(copy, copy[i], 0, i) >= 0)
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.Duplicate, copy[i], "This level is listed twice.");
            }
        }

        return copy;
    }
}
