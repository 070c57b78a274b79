namespace Kam.Core.Tiering;

/// <summary>Builds a <see cref="PortfolioSummary"/> from per-account tiers and values in one pass.</summary>
internal static class TierCounting
{
    public static PortfolioSummary Summarize(IReadOnlyList<TierDefinition> tiers, int[] tierIndex, MeasureColumn? valueColumn, string valueMeasure)
    {
        var counts = new int[tiers.Count];
        var values = new double[tiers.Count];
        var raw = valueColumn?.RawValues;
        var missing = valueColumn?.RawMissing;
        for (var i = 0; i < tierIndex.Length; i++)
        {
            var t = tierIndex[i];
            counts[t]++;
            if (raw is not null && (missing is null || !missing[i]))
            {
                values[t] += raw[i];
            }
        }

        var names = new string[tiers.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = tiers[i].Name;
        }

        return PortfolioSummary.Create(valueMeasure, valueColumn?.Currency, names, counts, values);
    }
}
