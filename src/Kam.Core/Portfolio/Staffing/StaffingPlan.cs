namespace Kam.Core.Portfolio.Staffing;

/// <summary>
/// The key-account managers a portfolio needs, period by period, by grade and in total, against the managers there
/// are: for the whole plan and for every unit of ours with accounts or managers (rolled up: a unit's book holds every
/// unit below it).
/// </summary>
/// <remarks>
/// Immutable. Plans <b>merge</b>: the plan of two disjoint sets of accounts and managers, made with the same options
/// and periods, is <c>a.Merge(b)</c>, exactly (the books keep counts; every figure is computed from them);
/// <see cref="Empty"/> is the identity.
/// </remarks>
public sealed class StaffingPlan
{
    internal StaffingPlan(StaffingOptions options, IReadOnlyList<StaffingPeriod> periods, StaffingBook total, IReadOnlyList<StaffingBook> byUnit)
    {
        Options = options;
        Periods = periods;
        Total = total;
        ByUnit = byUnit;
    }

    /// <summary>Gets the options the plan was made with.</summary>
    public StaffingOptions Options { get; }

    /// <summary>Gets the plan's periods.</summary>
    public IReadOnlyList<StaffingPeriod> Periods { get; }

    /// <summary>Gets the book of every account and manager.</summary>
    public StaffingBook Total { get; }

    /// <summary>Gets the book of every unit with accounts or managers in it or below it, ordered by unit identifier (ordinal); empty when the plan was made without an organization.</summary>
    public IReadOnlyList<StaffingBook> ByUnit { get; }

    /// <summary>Creates the plan of no accounts and no managers: the identity of <see cref="Merge"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="periods">The periods (copied); at least one.</param>
    /// <returns>The empty plan.</returns>
    /// <exception cref="KamValidationException">No period is given, or a period is missing.</exception>
    public static StaffingPlan Empty(StaffingOptions options, IReadOnlyList<StaffingPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = StaffingPlanner.CheckPeriods(periods);
        return new StaffingPlan(options, copy, new StaffingBook(options, copy, null, new long[options.Loads.Count], 0, 0m), []);
    }

    /// <summary>Merges the plan of another, disjoint, set of accounts and managers into this one.</summary>
    /// <param name="other">The other plan, made with the same options (the same loads, capacity, factor, costs and period) and the same periods.</param>
    /// <returns>The plan of both sets.</returns>
    /// <exception cref="KamValidationException">The options or the periods differ (<see cref="KamErrorCodes.InvalidState"/>), or a count overflows.</exception>
    public StaffingPlan Merge(StaffingPlan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Options.SameRules(other.Options))
        {
            throw new KamValidationException("other.options", KamErrorCodes.InvalidState, null, "Only plans made with the same options merge.");
        }

        if (Periods.Count != other.Periods.Count || Periods.Zip(other.Periods).Any(p => !p.First.SameAs(p.Second)))
        {
            throw new KamValidationException("other.periods", KamErrorCodes.InvalidState, null, "Only plans of the same periods merge.");
        }

        return Overflow.Guard("staffing plan", () =>
        {
            var units = new SortedDictionary<string, StaffingBook>(StringComparer.Ordinal);
            foreach (var book in ByUnit.Concat(other.ByUnit))
            {
                var key = book.Unit!.Value.Value;
                units[key] = units.TryGetValue(key, out var seen) ? seen.Merge(Options, Periods, book) : book;
            }

            return new StaffingPlan(Options, Periods, Total.Merge(Options, Periods, other.Total), Array.AsReadOnly(units.Values.ToArray()));
        });
    }
}
