using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.DealControl;

/// <summary>
/// Running counts over closed opportunities, per stage: entered, advanced beyond, completed, won after completing,
/// and total seconds spent. Integer sums only, so merging is exactly associative and commutative.
/// </summary>
internal sealed class ClosedCounts : IEquatable<ClosedCounts>
{
    private const int N = StageExtensions.StageCount;

    public long Closed;
    public long Won;
    public readonly long[] Entered = new long[N];
    public readonly long[] Advanced = new long[N];
    public readonly long[] Completed = new long[N];
    public readonly long[] WonAfterCompleted = new long[N];
    public readonly long[] Seconds = new long[N];
    public readonly long[] Timed = new long[N];

    public void Add(in OpportunityData data)
    {
        Closed++;
        var won = data.Status == OpportunityStatus.Won;
        if (won)
        {
            Won++;
        }

        var closedSeconds = (data.ClosedAt - data.OpenedAt).BclCompatibleTicks / NodaTime.NodaConstants.TicksPerSecond;
        for (var k = 0; k < N; k++)
        {
            var bit = 1 << k;
            if ((data.EverEntered & bit) != 0)
            {
                Entered[k]++;
                if ((data.EverEntered >> (k + 1)) != 0)
                {
                    Advanced[k]++;
                }

                // Time in stage k: from its first entry to the first entry of a later stage after it, else to the close.
                long start = data.FirstEntered[k] - 1, end = closedSeconds;
                for (var j = k + 1; j < N; j++)
                {
                    long next = data.FirstEntered[j] - 1;
                    if (next >= start && next < end)
                    {
                        end = next;
                    }
                }

                if (end >= start)
                {
                    Seconds[k] += end - start;
                    Timed[k]++;
                }
            }

            if ((data.EverCompleted & bit) != 0)
            {
                Completed[k]++;
                if (won)
                {
                    WonAfterCompleted[k]++;
                }
            }
        }
    }

    public void Add(ClosedCounts other)
    {
        Closed += other.Closed;
        Won += other.Won;
        for (var k = 0; k < N; k++)
        {
            Entered[k] += other.Entered[k];
            Advanced[k] += other.Advanced[k];
            Completed[k] += other.Completed[k];
            WonAfterCompleted[k] += other.WonAfterCompleted[k];
            Seconds[k] += other.Seconds[k];
            Timed[k] += other.Timed[k];
        }
    }

    public bool Equals(ClosedCounts? other) =>
        other is not null && Closed == other.Closed && Won == other.Won
        && Entered.AsSpan().SequenceEqual(other.Entered) && Advanced.AsSpan().SequenceEqual(other.Advanced)
        && Completed.AsSpan().SequenceEqual(other.Completed) && WonAfterCompleted.AsSpan().SequenceEqual(other.WonAfterCompleted)
        && Seconds.AsSpan().SequenceEqual(other.Seconds) && Timed.AsSpan().SequenceEqual(other.Timed);

    public override bool Equals(object? obj) => Equals(obj as ClosedCounts);

    public override int GetHashCode() => HashCode.Combine(Closed, Won);
}
