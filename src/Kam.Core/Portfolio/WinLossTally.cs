using Kam.Core.Stages;

namespace Kam.Core.Portfolio;

/// <summary>
/// The running totals behind <see cref="WinLossFigures"/>: counts and values per outcome, and the cycle times as a
/// histogram of whole days. Integer counts and <see cref="decimal"/> sums only, so adding tallies is exactly
/// associative and commutative, and the median of a union is the median of the merged histogram.
/// </summary>
internal sealed class WinLossTally : IEquatable<WinLossTally>
{
    public readonly long[] Counts = new long[3];
    public readonly decimal[] Values = new decimal[3];
    public readonly SortedDictionary<int, long> Days = [];
    public long DaysSum;

    public static int Slot(OpportunityStatus outcome) => outcome switch
    {
        OpportunityStatus.Won => 0,
        OpportunityStatus.Lost => 1,
        _ => 2,
    };

    public void Add(OpportunityStatus outcome, decimal value, int days)
    {
        var slot = Slot(outcome);
        Counts[slot]++;
        Values[slot] = Overflow.Add(Values[slot], value, Paths[slot]);
        Days[days] = Days.GetValueOrDefault(days) + 1;
        DaysSum += days;
    }

    public void Add(WinLossTally other)
    {
        for (var i = 0; i < 3; i++)
        {
            Counts[i] += other.Counts[i];
            Values[i] = Overflow.Add(Values[i], other.Values[i], Paths[i]);
        }

        foreach (var (days, count) in other.Days)
        {
            Days[days] = Days.GetValueOrDefault(days) + count;
        }

        DaysSum += other.DaysSum;
    }

    public WinLossTally Copy()
    {
        var copy = new WinLossTally();
        copy.Add(this);
        return copy;
    }

    public bool Equals(WinLossTally? other) =>
        other is not null && Counts.AsSpan().SequenceEqual(other.Counts) && Values.AsSpan().SequenceEqual(other.Values)
        && DaysSum == other.DaysSum && Days.Count == other.Days.Count && Days.SequenceEqual(other.Days);

    public override bool Equals(object? obj) => Equals(obj as WinLossTally);

    public override int GetHashCode() => HashCode.Combine(Counts[0], Counts[1], Counts[2], DaysSum);

    private static readonly string[] Paths = ["won value", "lost value", "abandoned value"];
}
