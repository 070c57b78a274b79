using Kam.Core;
using NodaTime;

namespace Kam.Cli.Data;

/// <summary>One account as the CLI reads it (accounts.csv) or generates it (the demo sample): a year's figures and the tiering indicators.</summary>
/// <remarks>A plain host-side record: the commands map it to the Tiering and Value engines' types.</remarks>
internal sealed record AccountRow
{
    public required AccountId Id { get; init; }

    public required string Name { get; init; }

    public string Industry { get; init; } = string.Empty;

    public required Currency Currency { get; init; }

    /// <summary>Gets the year's revenue.</summary>
    public required decimal Revenue { get; init; }

    /// <summary>Gets the year's gross profit (may be negative).</summary>
    public required decimal GrossProfit { get; init; }

    /// <summary>Gets the year's cost to serve (sales, service, logistics attributable to the account).</summary>
    public decimal CostToServe { get; init; }

    /// <summary>Gets the year's discounts and rebates granted.</summary>
    public decimal Discounts { get; init; }

    public LocalDate? FirstOrder { get; init; }

    public LocalDate? LastOrder { get; init; }

    /// <summary>Gets the number of orders in the year (RFM frequency), when known.</summary>
    public int? Orders { get; init; }

    /// <summary>Gets a value indicating whether the account's credit is in good standing.</summary>
    public bool CreditOk { get; init; } = true;

    /// <summary>Gets the relationship stage 1..5 (exploratory .. strategic alliance; rule book: Relationship stages), when assessed.</summary>
    public int? RelationshipStage { get; init; }

    /// <summary>Gets the transactional (1) .. collaborative (5) indicator, when assessed.</summary>
    public int? Collaboration { get; init; }

    /// <summary>Gets the breadth/depth of contact, one link (1) .. many levels and functions (5), when assessed.</summary>
    public int? ContactBreadth { get; init; }

    /// <summary>Gets the Honeywell strategic-account criteria (rule book: Strategic-account criteria), each yes/no, or <see langword="null"/> when not assessed.</summary>
    public StrategicCriteria? Strategic { get; init; }

    /// <summary>Gets the row of accounts.csv the account was read from (not part of equality).</summary>
    public RowSource Source { get; init; }
}

/// <summary>The five yes/no strategic-account criteria of the Honeywell example (rule book: Strategic-account criteria).</summary>
/// <param name="SeesOurStrengthsAsStrategic">Sees our strengths as strategic investments.</param>
/// <param name="CommitsAsFirstChoiceSupplier">Commits to us as first-choice strategic supplier.</param>
/// <param name="WillingToFormAlliance">Willing to form an alliance.</param>
/// <param name="WillingToInvestInJointVentures">Willing to invest in joint ventures.</param>
/// <param name="HasGlobalNeeds">Has global needs.</param>
internal sealed record StrategicCriteria(
    bool SeesOurStrengthsAsStrategic,
    bool CommitsAsFirstChoiceSupplier,
    bool WillingToFormAlliance,
    bool WillingToInvestInJointVentures,
    bool HasGlobalNeeds);
