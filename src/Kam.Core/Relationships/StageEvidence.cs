using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>What one account's buying-center map (or an opportunity's contacts in it) says about the stage machine's organization items, on the map's date.</summary>
public sealed class StageEvidence
{
    internal StageEvidence(AccountId account, OpportunityId? opportunity, LocalDate date, StageItemEvidence? organizationMapped, StageItemEvidence? decisionMakersInfluenced, bool decisionLevelCovered)
    {
        Account = account;
        Opportunity = opportunity;
        Date = date;
        OrganizationMapped = organizationMapped;
        DecisionMakersInfluenced = decisionMakersInfluenced;
        DecisionLevelCovered = decisionLevelCovered;
        Items = Array.AsReadOnly(new[] { organizationMapped, decisionMakersInfluenced }.OfType<StageItemEvidence>().ToArray());
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the opportunity whose contacts were evaluated, or <see langword="null"/> for the whole account.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the date of the map.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the evidence for the item "organization mapped", or <see langword="null"/> when the policy does not evaluate it.</summary>
    public StageItemEvidence? OrganizationMapped { get; }

    /// <summary>Gets the evidence for the item "decision makers influenced", or <see langword="null"/> when the policy does not evaluate it.</summary>
    public StageItemEvidence? DecisionMakersInfluenced { get; }

    /// <summary>Gets whether a present contact at the decision level has a relationship with us of the policy's strength or more.</summary>
    public bool DecisionLevelCovered { get; }

    /// <summary>Gets the evaluated items, "organization mapped" first.</summary>
    public IReadOnlyList<StageItemEvidence> Items { get; }
}
