namespace Kam.Core.Tiering.Pareto;

/// <summary>
/// The plan of the exact two-pass Pareto path: which value buckets hold the cuts. Each partition collects its accounts
/// in those buckets (<see cref="Collect"/>), the host merges the candidates and resolves the exact boundaries
/// (<see cref="Resolve"/>), and each partition tiers itself with <see cref="ParetoEngine.AssignWithBoundaries"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Created by <see cref="ValueHistogram.PlanPareto"/>.</remarks>
public sealed class ParetoCutPlan
{
    private readonly Cut[] _cuts;
    private readonly bool[] _planned = new bool[ValueHistogram.Buckets];

    internal ParetoCutPlan(ParetoPolicy policy, Cut[] cuts)
    {
        Policy = policy;
        _cuts = cuts;
        foreach (var cut in cuts)
        {
            if (cut.Bucket >= 0)
            {
                _planned[cut.Bucket] = true;
            }

            if (cut.NextBucket >= 0)
            {
                _planned[cut.NextBucket] = true;
            }
        }
    }

    /// <summary>Gets the policy the plan is for.</summary>
    public ParetoPolicy Policy { get; }

    /// <summary>Second pass on one partition: the accounts whose value falls in a planned bucket.</summary>
    /// <param name="partition">The partition's accounts.</param>
    /// <returns>The partition's candidates; merge them with <see cref="CutCandidates.Merge"/>.</returns>
    /// <exception cref="KamValidationException">The measure is absent or has missing values.</exception>
    public CutCandidates Collect(AccountMeasures partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var values = partition.RequireComplete(Policy.Measure);
        var ids = partition.RawIds;
        var found = new List<(double, AccountId)>();
        for (var i = 0; i < values.Length; i++)
        {
            if (_planned[ValueHistogram.BucketOf(values[i])])
            {
                found.Add((values[i], ids[i]));
            }
        }

        return new CutCandidates([.. found]);
    }

    /// <summary>Finds the exact first account outside each cut from the merged candidates of every partition.</summary>
    /// <param name="candidates">The candidates of all partitions, merged.</param>
    /// <returns>One boundary per cut.</returns>
    public IReadOnlyList<ParetoBoundary> Resolve(CutCandidates candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var sorted = candidates.Items.ToArray();
        Array.Sort(sorted, (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Id.CompareTo(b.Id));
        var boundaries = new ParetoBoundary[_cuts.Length];
        for (var c = 0; c < _cuts.Length; c++)
        {
            boundaries[c] = ResolveCut(_cuts[c], sorted);
        }

        return boundaries;
    }

    private static ParetoBoundary ResolveCut(Cut cut, (double Value, AccountId Id)[] sorted)
    {
        var before = cut.ValueBefore;
        var seen = cut.CountBefore;
        foreach (var (value, id) in sorted)
        {
            var bucket = ValueHistogram.BucketOf(value);
            if (bucket != cut.Bucket && bucket != cut.NextBucket)
            {
                continue;
            }

            if (cut.ByValue ? before >= cut.Limit || value <= 0d : seen >= cut.CountLimit)
            {
                return new ParetoBoundary(false, value, id);
            }

            before += value > 0d ? value : 0d;
            seen++;
        }

        return new ParetoBoundary(true, 0d, default);
    }

    internal readonly record struct Cut(bool ByValue, double Limit, long CountLimit, double ValueBefore, long CountBefore, int Bucket, int NextBucket);
}
