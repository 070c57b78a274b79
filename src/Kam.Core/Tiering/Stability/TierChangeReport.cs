using System.Globalization;

namespace Kam.Core.Tiering.Stability;

/// <summary>The tier changes between two runs of the same policy: promoted, demoted, new and gone accounts, with reasons.</summary>
/// <remarks>Changes are ordered by account identifier (ordinal). Immutable.</remarks>
public sealed class TierChangeReport
{
    private TierChangeReport(IReadOnlyList<TierChange> changes) => Changes = changes;

    /// <summary>Gets every change; accounts whose tier did not change are not listed.</summary>
    public IReadOnlyList<TierChange> Changes { get; }

    /// <summary>Counts the changes of one kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The number of changes of that kind.</returns>
    public int CountOf(TierChangeKind kind)
    {
        var count = 0;
        foreach (var c in Changes)
        {
            count += c.Kind == kind ? 1 : 0;
        }

        return count;
    }

    /// <summary>Compares two runs.</summary>
    /// <param name="before">The earlier run.</param>
    /// <param name="after">The later run; must have the same tiers in the same order.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KamValidationException">The runs have different tiers.</exception>
    public static TierChangeReport Compare(TieringResult before, TieringResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var errors = new ValidationCollector();
        if (before.Tiers.Count != after.Tiers.Count)
        {
            errors.Add("after.tiers", KamErrorCodes.OutOfRange, after.Tiers.Count, "Both runs must use the same tiers.");
        }
        else
        {
            for (var t = 0; t < before.Tiers.Count; t++)
            {
                if (!string.Equals(before.Tiers[t].Name, after.Tiers[t].Name, StringComparison.Ordinal))
                {
                    errors.Add($"after.tiers[{t}]", KamErrorCodes.Unknown, after.Tiers[t].Name, "Both runs must use the same tiers in the same order.");
                }
            }
        }

        errors.ThrowIfAny();
        var earlier = new Dictionary<AccountId, int>(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            earlier[before.AccountAt(i)] = i;
        }

        var changes = new List<TierChange>();
        var seen = new HashSet<AccountId>();
        for (var j = 0; j < after.Count; j++)
        {
            var id = after.AccountAt(j);
            seen.Add(id);
            var to = after.TierIndexAt(j);
            var scoreAfter = after.ScoreAt(j);
            if (!earlier.TryGetValue(id, out var i))
            {
                changes.Add(new TierChange(id, TierChangeKind.New, null, after.Tiers[to].Name, null, scoreAfter, "not in the earlier run"));
                continue;
            }

            var from = before.TierIndexAt(i);
            if (from == to)
            {
                continue;
            }

            var scoreBefore = before.ScoreAt(i);
            var kind = to < from ? TierChangeKind.Promoted : TierChangeKind.Demoted;
            var boundary = kind == TierChangeKind.Promoted ? after.ThresholdOf(to) : after.ThresholdOf(from);
            var reason = string.Create(CultureInfo.InvariantCulture, $"score {scoreBefore:0.####} → {scoreAfter:0.####}");
            if (boundary is { } b)
            {
                reason += kind == TierChangeKind.Promoted
                    ? string.Create(CultureInfo.InvariantCulture, $"; reached the {after.Tiers[to].Name} threshold {b:0.####}")
                    : string.Create(CultureInfo.InvariantCulture, $"; fell below the {after.Tiers[from].Name} threshold {b:0.####}");
            }

            changes.Add(new TierChange(id, kind, before.Tiers[from].Name, after.Tiers[to].Name, scoreBefore, scoreAfter, reason));
        }

        for (var i = 0; i < before.Count; i++)
        {
            var id = before.AccountAt(i);
            if (!seen.Contains(id))
            {
                var from = before.TierIndexAt(i);
                changes.Add(new TierChange(id, TierChangeKind.Gone, before.Tiers[from].Name, null, before.ScoreAt(i), null, "not in the later run"));
            }
        }

        changes.Sort((a, b) => a.AccountId.CompareTo(b.AccountId));
        return new TierChangeReport(changes);
    }
}
