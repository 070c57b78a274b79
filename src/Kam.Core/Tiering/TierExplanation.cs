using System.Globalization;
using System.Text;

namespace Kam.Core.Tiering;

/// <summary>
/// Why an account got its tier: the contribution of each criterion, the thresholds compared, and the gates applied.
/// Every name in it is a criterion, measure or tier of the policy that produced it.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class TierExplanation
{
    internal static readonly TierExplanation Empty = new([], [], []);

    /// <summary>Creates an explanation (engines only).</summary>
    /// <param name="contributions">The criterion contributions.</param>
    /// <param name="thresholds">The thresholds compared, in the order the policy checks them.</param>
    /// <param name="gates">The gates checked.</param>
    internal TierExplanation(IReadOnlyList<CriterionContribution> contributions, IReadOnlyList<ThresholdCheck> thresholds, IReadOnlyList<GateCheck> gates)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(gates);
        Contributions = contributions;
        Thresholds = thresholds;
        Gates = gates;
    }

    /// <summary>Gets the contribution of each criterion to the score.</summary>
    public IReadOnlyList<CriterionContribution> Contributions { get; }

    /// <summary>Gets the thresholds compared.</summary>
    public IReadOnlyList<ThresholdCheck> Thresholds { get; }

    /// <summary>Gets the gates checked.</summary>
    public IReadOnlyList<GateCheck> Gates { get; }

    /// <summary>Renders the explanation on one line, for example <c>revenue 0.30×0.80=0.24; score 0.71 &gt;= 0.70 → A</c>.</summary>
    /// <returns>A readable sentence.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var c in Contributions)
        {
            Append(text, c.RawValue is null
                ? string.Create(CultureInfo.InvariantCulture, $"{c.Criterion} missing{(c.Imputed ? " (imputed)" : string.Empty)} → {c.Points:0.###}")
                : string.Create(CultureInfo.InvariantCulture, $"{c.Criterion}={c.RawValue:0.###} → {c.Weight:0.###}×{c.NormalizedScore:0.###}={c.Points:0.###}"));
        }

        foreach (var t in Thresholds)
        {
            Append(text, string.Create(CultureInfo.InvariantCulture, $"{t.Quantity} {t.Value:0.####} {(t.Met ? t.Comparison : "not " + t.Comparison)} {t.Limit:0.####} ({t.Tier})"));
        }

        foreach (var g in Gates)
        {
            Append(text, g.Passed
                ? $"gate {g.Criterion} passed"
                : $"gate {g.Criterion} failed → at most {g.CapTier}{(g.Applied ? " (applied)" : string.Empty)}");
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string part)
    {
        if (text.Length > 0)
        {
            text.Append("; ");
        }

        text.Append(part);
    }
}
