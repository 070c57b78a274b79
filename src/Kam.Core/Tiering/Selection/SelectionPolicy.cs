using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Tiering.Selection;

/// <summary>
/// The rules of key-account selection with capacity: the value measure to maximize, the number of key-account
/// managers and accounts per manager (capacity = their product), the gates every key account must pass, and how many
/// near misses to report.
/// </summary>
/// <remarks>
/// <para>
/// Defaults from the rule book (tiering): one manager handles about 9 key accounts; rank by contribution after cost to
/// serve, not revenue (rule book: key-account selection; naming "the 65 largest customers by revenue, profitable or not"
/// is the classic failure); credit risk and negative contribution block selection. The number of managers is the
/// host's (default 1).
/// </para>
/// <para>The two tiers are "Key account" and "Not selected" unless the host names its own. Immutable and validated.</para>
/// </remarks>
public sealed class SelectionPolicy
{
    /// <summary>Gets the default: contribution, 1 manager × 9 accounts, credit-risk and contribution gates, 5 near misses.</summary>
    public static SelectionPolicy Default { get; } = new("contribution", 1, 9,
        [new SelectionGate("creditRisk", maximum: 0), new SelectionGate("contribution", minimum: 0)]);

    /// <summary>Gets the value measure to maximize.</summary>
    public string ValueMeasure { get; }

    /// <summary>Gets the number of key-account managers.</summary>
    public int Managers { get; }

    /// <summary>Gets the number of key accounts one manager can handle (9 by default).</summary>
    public int AccountsPerManager { get; }

    /// <summary>Gets the capacity: managers × accounts per manager.</summary>
    public int Capacity => Managers * AccountsPerManager;

    /// <summary>Gets the gates every key account must pass.</summary>
    public IReadOnlyList<SelectionGate> Gates { get; }

    /// <summary>Gets how many of the best unselected accounts are reported as near misses.</summary>
    public int NearMissCount { get; }

    /// <summary>Gets the two tiers: selected first, then not selected.</summary>
    public IReadOnlyList<TierDefinition> Tiers { get; }

    /// <summary>Creates a policy.</summary>
    /// <param name="valueMeasure">The value measure to maximize.</param>
    /// <param name="managers">The number of managers, 0 or more.</param>
    /// <param name="accountsPerManager">Accounts per manager, 1 or more.</param>
    /// <param name="gates">The gates.</param>
    /// <param name="nearMissCount">How many near misses to report, 0 or more.</param>
    /// <param name="tiers">Two tiers (selected, not selected), or null for the default names.</param>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public SelectionPolicy(string valueMeasure, int managers, int accountsPerManager, IReadOnlyList<SelectionGate> gates, int nearMissCount = 5, IReadOnlyList<TierDefinition>? tiers = null)
    {
        var errors = new ValidationCollector();
        errors.Required("valueMeasure", valueMeasure);
        errors.InRange("managers", managers, 0, 100_000);
        errors.InRange("accountsPerManager", accountsPerManager, 1, 10_000);
        errors.InRange("nearMissCount", nearMissCount, 0, 10_000);
        tiers ??= [new TierDefinition("Key account", "Managed by a key-account manager."), new TierDefinition("Not selected", "Served outside the key-account programme.")];
        TierDefinition.ValidateList(errors, "tiers", tiers, 2);
        if (tiers.Count != 2)
        {
            errors.Add("tiers", KamErrorCodes.OutOfRange, tiers.Count, "Selection has exactly two tiers: selected and not selected.");
        }

        if (errors.Required("gates", gates))
        {
            for (var i = 0; i < gates.Count; i++)
            {
                if (errors.Required($"gates[{i}]", gates[i]))
                {
                    errors.Required($"gates[{i}].measure", gates[i].Measure);
                    GateLimits.Validate(errors, $"gates[{i}]", gates[i].Minimum, gates[i].Maximum);
                }
            }
        }

        errors.ThrowIfAny();
        ValueMeasure = valueMeasure;
        Managers = managers;
        AccountsPerManager = accountsPerManager;
        Gates = Array.AsReadOnly(gates!.ToArray());
        NearMissCount = nearMissCount;
        Tiers = Array.AsReadOnly(tiers.ToArray());
    }

    /// <summary>Reads a policy from JSON (see docs/tiering.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid.</exception>
    public static SelectionPolicy FromJson(string json) => TieringJson.ReadSelection(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);
}
