using System.Collections.ObjectModel;

namespace Kam.Core.Relationships.Health;

/// <summary>
/// The rules of relationship health (rule book: accounts, relationship health): the partnership check list grouped by
/// transaction, process and strategic level, the scales of the check and of satisfaction, the weight of each part of
/// the health index, and the thresholds of the alerts. The defaults are documented in docs/relationships.md.
/// </summary>
/// <remarks>Immutable and valid from construction; every problem is reported at once, with paths relative to the policy (<c>checkItems[3].weight</c>, <c>weights.Contact</c>).</remarks>
public sealed class HealthPolicy
{
    private readonly Dictionary<string, int> _itemIndex;

    /// <summary>Creates a policy.</summary>
    /// <param name="checkItems">The partnership check list (copied); <see langword="null"/> for <see cref="DefaultCheckItems"/>.</param>
    /// <param name="checkScale">The highest score of a check item (items score 0 to this), 1 to 100; default 5.</param>
    /// <param name="satisfactionScale">The highest satisfaction score (scores are 0 to this), 1 to 100; default 10.</param>
    /// <param name="weights">The weight of each part of the index, 0 to 1,000 with at most 4 decimal places, not all zero (copied); a part not listed keeps its default (<see cref="DefaultWeight"/>).</param>
    /// <param name="compensatedCredit">The credit of a broken promise that was apologized for and compensated, against 1 for a kept one and 0 for a broken one, 0 to 1; default 0.5.</param>
    /// <param name="promiseWindowDays">The days before a date in which promises falling due count, 1 to 3,660; default 365.</param>
    /// <param name="noContactDays">The days without contact that raise an alert and bring the contact part to 0, 1 to 3,660; default 60.</param>
    /// <param name="fallingBy">The drop of the index over <paramref name="trendPeriods"/> months that raises an alert, above 0 and at most 1; default 0.1.</param>
    /// <param name="trendPeriods">The months over which the trend is measured, 1 to 24; default 3.</param>
    /// <param name="leftWithinDays">The days back in which a decision maker's leaving raises an alert, 1 to 3,660; default 90.</param>
    /// <exception cref="KamValidationException">A value is out of range, an item is missing or listed twice, or every weight is zero; every problem is reported.</exception>
    public HealthPolicy(
        IReadOnlyList<PartnershipCheckItem>? checkItems = null,
        int checkScale = 5,
        int satisfactionScale = 10,
        IReadOnlyDictionary<HealthPart, decimal>? weights = null,
        decimal compensatedCredit = 0.5m,
        int promiseWindowDays = 365,
        int noContactDays = 60,
        decimal fallingBy = 0.1m,
        int trendPeriods = 3,
        int leftWithinDays = 90)
    {
        var errors = new ValidationCollector();
        var items = (checkItems ?? DefaultCheckItems).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        if (items.Length == 0)
        {
            errors.Add("checkItems", KamErrorCodes.Empty, null, "The check list has at least one item.");
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                errors.Add($"checkItems[{i}]", KamErrorCodes.Required, null, "An item is required.");
            }
            else if (!index.TryAdd(items[i].Id, i))
            {
                errors.Add($"checkItems[{i}].id", KamErrorCodes.Duplicate, items[i].Id, "This item is listed twice.");
            }
        }

        errors.InRange("checkScale", checkScale, 1, 100);
        errors.InRange("satisfactionScale", satisfactionScale, 1, 100);
        var parts = Enum.GetValues<HealthPart>();
        var weightArray = WeightTable.Build(errors, weights, DefaultWeight, "Not a part of the health index.");

        errors.InRange("compensatedCredit", compensatedCredit, 0m, 1m);
        errors.InRange("promiseWindowDays", promiseWindowDays, 1, 3660);
        errors.InRange("noContactDays", noContactDays, 1, 3660);
        if (fallingBy <= 0m || fallingBy > 1m)
        {
            errors.Add("fallingBy", KamErrorCodes.OutOfRange, fallingBy, "Must be above 0 and at most 1.");
        }

        errors.InRange("trendPeriods", trendPeriods, 1, 24);
        errors.InRange("leftWithinDays", leftWithinDays, 1, 3660);
        errors.ThrowIfAny();
        CheckItems = Array.AsReadOnly(items);
        _itemIndex = index;
        CheckScale = checkScale;
        SatisfactionScale = satisfactionScale;
        WeightArray = weightArray;
        Weights = new ReadOnlyDictionary<HealthPart, decimal>(parts.ToDictionary(p => p, p => weightArray[(int)p]));
        CompensatedCredit = compensatedCredit;
        PromiseWindowDays = promiseWindowDays;
        NoContactDays = noContactDays;
        FallingBy = fallingBy;
        TrendPeriods = trendPeriods;
        LeftWithinDays = leftWithinDays;
    }

    /// <summary>Gets the default check list: three items per level, a short list of ours to start from (a real partnership agreement checks 40 or more items, which the host lists).</summary>
    public static IReadOnlyList<PartnershipCheckItem> DefaultCheckItems { get; } = new ReadOnlyCollection<PartnershipCheckItem>(
    [
        new("delivery", PartnershipLevel.Transaction, "Orders are delivered complete and on time."),
        new("quality", PartnershipLevel.Transaction, "Quality meets the agreed specification."),
        new("invoicing", PartnershipLevel.Transaction, "Invoices and payments run without dispute."),
        new("planning", PartnershipLevel.Process, "Demand and supply are planned together."),
        new("service", PartnershipLevel.Process, "Service requests are answered within the agreed time."),
        new("reviews", PartnershipLevel.Process, "Business reviews are held as agreed."),
        new("goals", PartnershipLevel.Strategic, "The partnership's goals are shared and tracked."),
        new("executives", PartnershipLevel.Strategic, "Executives of both sides meet as agreed."),
        new("development", PartnershipLevel.Strategic, "Joint development or improvement projects are running."),
    ]);

    /// <summary>Gets the policy with every default.</summary>
    public static HealthPolicy Default { get; } = new();

    /// <summary>Gets the check list, in the order given.</summary>
    public IReadOnlyList<PartnershipCheckItem> CheckItems { get; }

    /// <summary>Gets the highest score of a check item.</summary>
    public int CheckScale { get; }

    /// <summary>Gets the highest satisfaction score.</summary>
    public int SatisfactionScale { get; }

    /// <summary>Gets the weight of every part of the index.</summary>
    public IReadOnlyDictionary<HealthPart, decimal> Weights { get; }

    /// <summary>Gets the credit of a compensated broken promise.</summary>
    public decimal CompensatedCredit { get; }

    /// <summary>Gets the days before a date in which promises falling due count.</summary>
    public int PromiseWindowDays { get; }

    /// <summary>Gets the days without contact that raise an alert.</summary>
    public int NoContactDays { get; }

    /// <summary>Gets the drop of the index over <see cref="TrendPeriods"/> months that raises an alert.</summary>
    public decimal FallingBy { get; }

    /// <summary>Gets the months over which the trend is measured.</summary>
    public int TrendPeriods { get; }

    /// <summary>Gets the days back in which a decision maker's leaving raises an alert.</summary>
    public int LeftWithinDays { get; }

    /// <summary>Gets the weights indexed by part (internal: never handed out).</summary>
    internal decimal[] WeightArray { get; }

    /// <summary>Gets the default weight of a part: checks 40, satisfaction 25, promises 20, contact 15 (100 in all).</summary>
    /// <param name="part">The part.</param>
    /// <returns>The weight.</returns>
    public static decimal DefaultWeight(HealthPart part) => part switch
    {
        HealthPart.Checks => 40m,
        HealthPart.Satisfaction => 25m,
        HealthPart.Promises => 20m,
        _ => 15m,
    };

    /// <summary>Reads a policy from JSON (the format and defaults are in docs/relationships.md; its schema in docs/schemas/health-policy.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy invalid; paths are JSON paths (<c>$.checkItems[3].weight</c>).</exception>
    public static HealthPolicy FromJson(string json) => Serialization.ActivitiesJson.ReadHealthPolicy(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.ActivitiesJson.Write(this);

    /// <summary>Gets the index of a check item, or −1.</summary>
    internal int ItemIndex(string id) => _itemIndex.TryGetValue(id, out var i) ? i : -1;
}
