using System.Globalization;
using System.Runtime.CompilerServices;
using Kam.Core.Accounts.Targets;
using Kam.Core.Stages;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// What a set of opportunities and actuals adds up to, per account, measure and fiscal month, against one plan,
/// hierarchy, set of measures and as-of day: the partial result of <see cref="AttainmentEngine.Tally"/>, which
/// <see cref="Merge"/> combines and <see cref="AttainmentEngine.Report"/> turns into attainment, forecast and gap.
/// </summary>
/// <remarks>
/// A tally is a commutative monoid: <see cref="Merge"/> adds figures cell by cell with exact <see cref="decimal"/>
/// sums and integer counts, so the tallies of the parts of any partition of the opportunities and actuals, merged in
/// any order, equal the tally of the whole. Immutable and thread-safe.
/// </remarks>
public sealed class AttainmentTally
{
    /// <summary>
    /// Items whose accounts are resolved together before they are tallied. The identifier look-ups run in a short loop
    /// of their own, so the processor overlaps their cache misses instead of waiting on each in turn, and the tally
    /// loop then finds every account index ready; 1,024 indexes (4 KB) stay in the first-level cache.
    /// </summary>
    private const int Chunk = 1024;

    internal AttainmentTally(AttainmentScope scope)
    {
        Scope = scope;
        // Only the months a figure can fall in are kept (see AttainmentScope.ActualMonths and PipelineMonths): at
        // mid-year half the memory, which matters more than anything else here, since fresh memory costs page faults.
        var cells = scope.AccountCount * scope.ActualMonths;
        var m = scope.Measures.Length;
        Actual = new decimal[m][];
        Observations = new int[m][];
        for (var k = 0; k < m; k++)
        {
            Actual[k] = k == scope.Bookings ? [] : new decimal[cells];
            Observations[k] = scope.Measures[k].Kind == TargetMeasureKind.Money ? [] : new int[cells];
        }

        Bookings = new decimal[scope.Bookings >= 0 ? scope.AccountCount * scope.BookingsWidth : 0];
        OverdueCount = new int[scope.Bookings >= 0 ? scope.AccountCount : 0];
        OverdueValue = new decimal[OverdueCount.Length];
    }

    /// <summary>Gets the as-of day.</summary>
    public NodaTime.LocalDate AsOf => Scope.AsOf;

    /// <summary>Gets the number of opportunities tallied.</summary>
    public long OpportunityCount { get; private set; }

    /// <summary>Gets the number of actuals tallied.</summary>
    public long ActualCount { get; private set; }

    internal AttainmentScope Scope { get; }

    /// <summary>Per measure, account × <see cref="AttainmentScope.ActualMonths"/>: the money actual (summed actuals), or the sum of ratio and score observations; empty for the bookings measure (see <see cref="Bookings"/>).</summary>
    internal decimal[][] Actual { get; }

    /// <summary>Per ratio or score measure, account × <see cref="AttainmentScope.ActualMonths"/>: the number of observations (empty for money).</summary>
    internal int[][] Observations { get; }

    /// <summary>
    /// Per account, <see cref="AttainmentScope.BookingsWidth"/> figures: the bookings measure's actual (won deals) of
    /// each month up to the as-of month, then the value of open opportunities and their probability-weighted value,
    /// interleaved, of each month from the as-of month on, by expected close; empty without the bookings measure.
    /// An account's figures sit together, so an opportunity touches one place in memory.
    /// </summary>
    internal decimal[] Bookings { get; }

    /// <summary>Per account: the number of open opportunities whose expected close is before the as-of day.</summary>
    internal int[] OverdueCount { get; }

    /// <summary>Per account: their value.</summary>
    internal decimal[] OverdueValue { get; }

    /// <summary>Combines this tally with the tally of another part of the opportunities and actuals.</summary>
    /// <param name="other">The other tally, taken by an engine with the same rules against the same plan, hierarchy, measures and as-of day.</param>
    /// <returns>The tally of both parts; neither input changes.</returns>
    /// <exception cref="KamValidationException">The tallies were taken against different plans, hierarchies, measures, days or rules (path <c>other</c>), or a sum exceeds the range of decimal (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public AttainmentTally Merge(AttainmentTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Scope.Same(other.Scope))
        {
            throw new KamValidationException("other", KamErrorCodes.InvalidState, null, "Tallies taken against different plans, hierarchies, measures, as-of days or rules cannot be merged.");
        }

        var result = new AttainmentTally(Scope) { OpportunityCount = OpportunityCount + other.OpportunityCount, ActualCount = ActualCount + other.ActualCount };
        try
        {
            for (var k = 0; k < Actual.Length; k++)
            {
                Add(result.Actual[k], Actual[k], other.Actual[k]);
                Add(result.Observations[k], Observations[k], other.Observations[k]);
            }

            Add(result.Bookings, Bookings, other.Bookings);
            Add(result.OverdueCount, OverdueCount, other.OverdueCount);
            Add(result.OverdueValue, OverdueValue, other.OverdueValue);
        }
        catch (OverflowException)
        {
            throw Overflow.Error("merge of attainment tallies");
        }

        return result;
    }

    /// <summary>Adds opportunities and actuals to this (new, private) tally; every problem is reported together.</summary>
    internal void Add(ReadOnlySpan<AttainmentOpportunity> opportunities, ReadOnlySpan<AttainmentActual> actuals, int firstOpportunity, int firstActual)
    {
        var errors = new ValidationCollector();
        AddOpportunities(errors, opportunities, firstOpportunity);
        AddActuals(errors, actuals, firstActual);
        errors.ThrowIfAny();
        OpportunityCount = opportunities.Length;
        ActualCount = actuals.Length;
    }

    private static string PathOf(string list, int index, string member) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{member}");

    private static void Add(decimal[] into, decimal[] a, decimal[] b)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = a[i] + b[i];
        }
    }

    private static void Add(int[] into, int[] a, int[] b)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = checked(a[i] + b[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddOpportunities(ValidationCollector errors, ReadOnlySpan<AttainmentOpportunity> opportunities, int first)
    {
        var scope = Scope;
        var hierarchy = scope.Hierarchy;
        var bookings = scope.Bookings;
        var currency = bookings >= 0 ? scope.Measures[bookings].Currency : Currency.None;
        var cells = Bookings;
        var probabilities = scope.Probabilities;
        var asOf = scope.AsOf;
        var current = scope.AsOfMonth;
        var width = scope.BookingsWidth;
        var actualMonths = scope.ActualMonths;
        var pipelineMonths = scope.PipelineMonths;
        var overdueCounts = scope.Policy.OverdueInCurrentPeriod;
        Span<int> accounts = stackalloc int[Chunk];
        var resolver = new AccountResolver(hierarchy);
        var i = 0;
        try
        {
            for (; i < opportunities.Length; i++)
            {
                var k = i % Chunk;
                if (k == 0)
                {
                    resolver.Resolve<OpportunityAccount, AttainmentOpportunity>(opportunities.Slice(i, Math.Min(Chunk, opportunities.Length - i)), accounts);
                }

                ref readonly var o = ref opportunities[i];
                var at = first + i;
                var ok = true;
                var a = accounts[k];
                if (a == AccountResolver.Missing)
                {
                    errors.Add(PathOf("opportunities", at, "account"), KamErrorCodes.Required, null, "An opportunity names its account.");
                    ok = false;
                }
                else if (a == AccountResolver.Unknown)
                {
                    errors.Add(PathOf("opportunities", at, "account"), KamErrorCodes.Unknown, o.Account, "No account of the hierarchy has this identifier.");
                    ok = false;
                }

                if (bookings >= 0 && o.Value.Currency != currency)
                {
                    errors.Add(PathOf("opportunities", at, "value"), KamErrorCodes.CurrencyMismatch, o.Value, $"The bookings measure '{scope.Measures[bookings].Key}' is money in {currency.Code}; an opportunity's value must be in {currency.Code}.");
                    ok = false;
                }
                else if (o.Value.Amount < 0m)
                {
                    errors.Add(PathOf("opportunities", at, "value"), KamErrorCodes.OutOfRange, o.Value, "An opportunity's value must not be negative.");
                    ok = false;
                }

                if (o.Status is < OpportunityStatus.Open or > OpportunityStatus.Abandoned)
                {
                    errors.Add(PathOf("opportunities", at, "status"), KamErrorCodes.OutOfRange, (int)o.Status, "Not a defined opportunity status.");
                    ok = false;
                }

                if (o.CompletedStage is { } stage && stage is < SalesStage.AccountPlanning or > SalesStage.ContractSigned)
                {
                    errors.Add(PathOf("opportunities", at, "completedStage"), KamErrorCodes.OutOfRange, (int)stage, "Not a defined sales stage.");
                    ok = false;
                }

                if (o.Status == OpportunityStatus.Won && o.ClosedOn is null)
                {
                    errors.Add(PathOf("opportunities", at, "closedOn"), KamErrorCodes.Required, null, "A won opportunity needs the day it closed.");
                    ok = false;
                }
                else if (o.Status != OpportunityStatus.Open && o.ClosedOn is { } closed && closed > asOf)
                {
                    errors.Add(PathOf("opportunities", at, "closedOn"), KamErrorCodes.OutOfRange, closed.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"The opportunity closed after the as-of day {asOf:uuuu-MM-dd}; the as-of day must not be earlier than the latest close."));
                    ok = false;
                }

                if (!ok || bookings < 0 || errors.HasErrors)
                {
                    continue;
                }

                var value = o.Value.Amount;
                if (o.Status == OpportunityStatus.Won)
                {
                    var month = scope.MonthIndex(o.ClosedOn!.Value);
                    if ((uint)month < (uint)actualMonths)
                    {
                        cells[(a * width) + month] += value;
                    }
                }
                else if (o.Status == OpportunityStatus.Open)
                {
                    int month;
                    if (o.ExpectedClose < asOf)
                    {
                        OverdueCount[a]++;
                        OverdueValue[a] += value;
                        if (!overdueCounts)
                        {
                            continue;
                        }

                        month = current;
                    }
                    else
                    {
                        month = scope.MonthIndex(o.ExpectedClose);
                    }

                    var p = month - current;
                    if ((uint)p < (uint)pipelineMonths)
                    {
                        var cell = (a * width) + actualMonths + (2 * p);
                        cells[cell] += value;
                        cells[cell + 1] += value * probabilities[o.CompletedStage is { } s ? (int)s : 0];
                    }
                }
            }
        }
        catch (OverflowException)
        {
            throw Overflow.Error(PathOf("opportunities", first + i, "value"), opportunities[i].Value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddActuals(ValidationCollector errors, ReadOnlySpan<AttainmentActual> actuals, int first)
    {
        var scope = Scope;
        var hierarchy = scope.Hierarchy;
        var measures = scope.Measures;
        var asOf = scope.AsOf;
        Span<int> accounts = stackalloc int[Chunk];
        var resolver = new AccountResolver(hierarchy);
        var i = 0;
        try
        {
            for (; i < actuals.Length; i++)
            {
                var k = i % Chunk;
                if (k == 0)
                {
                    resolver.Resolve<ActualAccount, AttainmentActual>(actuals.Slice(i, Math.Min(Chunk, actuals.Length - i)), accounts);
                }

                ref readonly var x = ref actuals[i];
                var at = first + i;
                var ok = true;
                var a = accounts[k];
                if (a == AccountResolver.Missing)
                {
                    errors.Add(PathOf("actuals", at, "account"), KamErrorCodes.Required, null, "An actual names its account.");
                    ok = false;
                }
                else if (a == AccountResolver.Unknown)
                {
                    errors.Add(PathOf("actuals", at, "account"), KamErrorCodes.Unknown, x.Account, "No account of the hierarchy has this identifier.");
                    ok = false;
                }

                var m = MeasureIndex(errors, x, at, ref ok);
                var month = scope.MonthIndex(x.Date);
                if ((uint)month >= 12u)
                {
                    errors.Add(PathOf("actuals", at, "date"), KamErrorCodes.OutOfRange, x.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), $"The date is outside the plan's year {scope.Plan.Year}.");
                    ok = false;
                }
                else if (x.Date > asOf)
                {
                    errors.Add(PathOf("actuals", at, "date"), KamErrorCodes.OutOfRange, x.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                        string.Create(CultureInfo.InvariantCulture, $"The date is after the as-of day {asOf:uuuu-MM-dd}: an actual cannot come from the future."));
                    ok = false;
                }

                if (!ok || m < 0 || errors.HasErrors)
                {
                    continue;
                }

                var cell = (a * scope.ActualMonths) + month;
                Actual[m][cell] += x.Value;
                if (measures[m].Kind != TargetMeasureKind.Money)
                {
                    Observations[m][cell]++;
                }
            }
        }
        catch (OverflowException)
        {
            throw Overflow.Error(PathOf("actuals", first + i, "value"), actuals[i].Value);
        }
    }

    /// <summary>Finds the evaluated measure of an actual, or reports why it cannot be used; -1 when it is skipped or refused.</summary>
    private int MeasureIndex(ValidationCollector errors, in AttainmentActual x, int at, ref bool ok)
    {
        var scope = Scope;
        var measures = scope.Measures;
        var m = -1;
        for (var k = 0; k < measures.Length; k++)
        {
            if (string.Equals(measures[k].Key, x.Measure, StringComparison.Ordinal))
            {
                m = k;
                break;
            }
        }

        TargetMeasure? measure = m >= 0 ? measures[m] : null;
        if (measure is null)
        {
            var key = x.Measure;
            measure = key is null ? null : scope.Plan.Measures.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));
            if (measure is null)
            {
                errors.Add(PathOf("actuals", at, "measure"), x.Measure is null ? KamErrorCodes.Required : KamErrorCodes.Unknown, x.Measure, "The plan has no measure with this key.");
                ok = false;
                return -1;
            }
        }

        if (string.Equals(measure.Key, scope.Policy.BookingsMeasure, StringComparison.Ordinal))
        {
            errors.Add(PathOf("actuals", at, "measure"), KamErrorCodes.InvalidState, x.Measure, "Bookings come from the won opportunities; an actual of the bookings measure would count them twice.");
            ok = false;
            return -1;
        }

        if (measure.Kind == TargetMeasureKind.Money && x.Currency != measure.Currency)
        {
            errors.Add(PathOf("actuals", at, "value"), KamErrorCodes.CurrencyMismatch, Shown(x), $"The measure '{measure.Key}' is money in {measure.Currency.Code}; its actuals must be in {measure.Currency.Code}.");
            ok = false;
        }
        else if (measure.Kind != TargetMeasureKind.Money && x.Currency != Currency.None)
        {
            errors.Add(PathOf("actuals", at, "value"), KamErrorCodes.CurrencyMismatch, Shown(x), $"The measure '{measure.Key}' is a {measure.Kind.ToString().ToLowerInvariant()}, not money.");
            ok = false;
        }

        return m;
    }

    /// <summary>An actual's value as an error shows it: money with its currency, or the plain number (boxed only when an error is reported).</summary>
    private static object Shown(in AttainmentActual x) => x.Currency == Currency.None ? x.Value : new Money(x.Value, x.Currency);
}
