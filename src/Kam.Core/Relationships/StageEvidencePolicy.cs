using Kam.Core.Accounts;
using Kam.Core.Stages;

namespace Kam.Core.Relationships;

/// <summary>
/// The rules by which the buying-center map answers two playbook items and one pipeline check (rule book: stages,
/// visiting the customer and demonstrating the solution; accounts, coverage at every level): when the customer's
/// organization counts as <em>mapped</em> (the stage-2 milestone), when its decision makers count as
/// <em>influenced</em> (the stage-4 item), and from which sales stage an opportunity without a covered contact at the
/// decision level is an anomaly. The defaults are documented in docs/relationships.md.
/// </summary>
/// <remarks>Immutable and valid from construction; every problem is reported at once, with paths relative to the policy (<c>mappedLevels[1]</c>).</remarks>
public sealed class StageEvidencePolicy
{
    /// <summary>The key of the default playbook's stage-2 milestone "customer organization and roles mapped".</summary>
    public const string DefaultOrganizationMappedItem = "s2.organisation-mapped";

    /// <summary>The key of the default playbook's stage-4 item "main decision makers and key people influenced".</summary>
    public const string DefaultDecisionMakersInfluencedItem = "s4.decision-makers-influenced";

    private static readonly DecisionLevel[] AllLevels = [DecisionLevel.Operational, DecisionLevel.Management, DecisionLevel.Decision];

    /// <summary>Creates a policy.</summary>
    /// <param name="organizationMappedItem">The playbook item the map can mark as done when the organization is mapped; <see langword="null"/> not to evaluate it. Default <see cref="DefaultOrganizationMappedItem"/>.</param>
    /// <param name="minContacts">How many present contacts a mapped organization has at least, 1 to 1,000; default 3.</param>
    /// <param name="mappedLevels">The levels that must each have a present contact (copied); <see langword="null"/> for all three.</param>
    /// <param name="mappedDecisions">The decisions that must each have a present holder; default all five (<see cref="BuyingDecisions.All"/>).</param>
    /// <param name="decisionMakersInfluencedItem">The playbook item the map can mark as done when the decision makers are influenced; <see langword="null"/> not to evaluate it. Default <see cref="DefaultDecisionMakersInfluencedItem"/>.</param>
    /// <param name="influenceDecisions">Who counts as a decision maker besides contacts with the decision-maker role: holders of any of these decisions; default all five. <see cref="BuyingDecisions.None"/> for the role alone.</param>
    /// <param name="minStrength">The relationship strength from which a contact counts as covered (and a decision maker as reached), 1 to <see cref="Relationship.MaxStrength"/>; default 3, as the coverage policy's.</param>
    /// <param name="minAttitude">The attitude a decision maker must have at least to count as influenced; default <see cref="Attitude.Neutral"/>.</param>
    /// <param name="uncoveredFrom">The sales stage from which an open opportunity without a covered contact at the decision level is an anomaly; default <see cref="SalesStage.SolutionDemonstration"/> (stage 4).</param>
    /// <param name="withdraw">Whether an item that is done while the map no longer supports it is undone (or withdrawn); default <see langword="false"/>: the map only adds evidence, a person's record stands.</param>
    /// <exception cref="KamValidationException">A value is out of range, undefined, repeated or blank; every problem is reported.</exception>
    public StageEvidencePolicy(
        string? organizationMappedItem = DefaultOrganizationMappedItem,
        int minContacts = 3,
        IReadOnlyList<DecisionLevel>? mappedLevels = null,
        BuyingDecisions mappedDecisions = BuyingDecisions.All,
        string? decisionMakersInfluencedItem = DefaultDecisionMakersInfluencedItem,
        BuyingDecisions influenceDecisions = BuyingDecisions.All,
        int minStrength = 3,
        Attitude minAttitude = Attitude.Neutral,
        SalesStage uncoveredFrom = SalesStage.SolutionDemonstration,
        bool withdraw = false)
    {
        var errors = new ValidationCollector();
        NotBlank(errors, "organizationMappedItem", organizationMappedItem);
        errors.InRange("minContacts", minContacts, 1, 1000);
        var levels = (mappedLevels ?? AllLevels).ToArray();
        for (var i = 0; i < levels.Length; i++)
        {
            if (!Enum.IsDefined(levels[i]))
            {
                errors.Add($"mappedLevels[{i}]", KamErrorCodes.OutOfRange, levels[i], "Not a defined level.");
            }
            else if (Array.IndexOf(levels, levels[i]) < i)
            {
                errors.Add($"mappedLevels[{i}]", KamErrorCodes.Duplicate, levels[i], "This level is listed twice.");
            }
        }

        Decisions(errors, "mappedDecisions", mappedDecisions);
        NotBlank(errors, "decisionMakersInfluencedItem", decisionMakersInfluencedItem);
        Decisions(errors, "influenceDecisions", influenceDecisions);
        errors.InRange("minStrength", minStrength, 1, Relationship.MaxStrength);
        Checks.Defined(errors, "minAttitude", minAttitude);
        if (!Enum.IsDefined(uncoveredFrom))
        {
            errors.Add("uncoveredFrom", KamErrorCodes.OutOfRange, uncoveredFrom, "Not a sales stage (1 to 8).");
        }

        errors.ThrowIfAny();
        OrganizationMappedItem = organizationMappedItem;
        MinContacts = minContacts;
        MappedLevels = Array.AsReadOnly(levels);
        MappedDecisions = mappedDecisions;
        DecisionMakersInfluencedItem = decisionMakersInfluencedItem;
        InfluenceDecisions = influenceDecisions;
        MinStrength = minStrength;
        MinAttitude = minAttitude;
        UncoveredFrom = uncoveredFrom;
        Withdraw = withdraw;
    }

    /// <summary>Gets the policy with every default.</summary>
    public static StageEvidencePolicy Default { get; } = new();

    /// <summary>Gets the key of the item "organization mapped", or <see langword="null"/> when it is not evaluated.</summary>
    public string? OrganizationMappedItem { get; }

    /// <summary>Gets how many present contacts a mapped organization has at least.</summary>
    public int MinContacts { get; }

    /// <summary>Gets the levels that must each have a present contact.</summary>
    public IReadOnlyList<DecisionLevel> MappedLevels { get; }

    /// <summary>Gets the decisions that must each have a present holder.</summary>
    public BuyingDecisions MappedDecisions { get; }

    /// <summary>Gets the key of the item "decision makers influenced", or <see langword="null"/> when it is not evaluated.</summary>
    public string? DecisionMakersInfluencedItem { get; }

    /// <summary>Gets the decisions whose holders count as decision makers (with the contacts who have the decision-maker role).</summary>
    public BuyingDecisions InfluenceDecisions { get; }

    /// <summary>Gets the relationship strength from which a contact counts as covered.</summary>
    public int MinStrength { get; }

    /// <summary>Gets the attitude a decision maker must have at least to count as influenced.</summary>
    public Attitude MinAttitude { get; }

    /// <summary>Gets the sales stage from which an open opportunity without decision-level coverage is an anomaly.</summary>
    public SalesStage UncoveredFrom { get; }

    /// <summary>Gets whether an item the map no longer supports is undone.</summary>
    public bool Withdraw { get; }

    /// <summary>Reads a policy from JSON (the format and defaults are in docs/relationships.md; its schema in docs/schemas/stage-evidence-policy.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy invalid; paths are JSON paths in the file's member names (<c>$.minContacts</c>).</exception>
    public static StageEvidencePolicy FromJson(string json) => Serialization.RelationshipsJson.ReadStageEvidencePolicy(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.RelationshipsJson.Write(this);

    private static void NotBlank(ValidationCollector errors, string path, string? key)
    {
        if (key is not null && string.IsNullOrWhiteSpace(key))
        {
            errors.Add(path, KamErrorCodes.Required, key, "An item key is not blank; leave it out (null) not to evaluate the item.");
        }
    }

    private static void Decisions(ValidationCollector errors, string path, BuyingDecisions decisions)
    {
        if ((decisions & ~BuyingDecisions.All) != BuyingDecisions.None)
        {
            errors.Add(path, KamErrorCodes.OutOfRange, (int)decisions, "Not a combination of the five decisions.");
        }
    }
}
