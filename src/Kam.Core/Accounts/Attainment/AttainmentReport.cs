using System.Globalization;
using Kam.Core.Accounts.Targets;
using NodaTime;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// Attainment, forecast and gap for every account, account group and unit, every measure evaluated and every period
/// of the plan's year (the year, its quarters, its months), rolled up over both hierarchies: a unit covers the units
/// below it and their accounts; a group account covers its branches and outlets.
/// </summary>
/// <remarks>
/// The roll-ups are computed when the report is made (one pass over each tree, figures kept per fiscal month); a line
/// is built when it is asked for, so a report over 100,000 accounts holds arrays, not millions of objects. Immutable
/// and thread-safe.
/// </remarks>
public sealed class AttainmentReport
{
    private readonly AttainmentScope _scope;
    private readonly MeasureFigures[] _figures;
    private readonly int[] _groupOf;
    private readonly FiscalPeriod[] _periods;
    private readonly long[] _runNumerator;
    private readonly long[] _runDenominator;

    internal AttainmentReport(AttainmentTally tally)
    {
        _scope = tally.Scope;
        var hierarchy = _scope.Hierarchy;
        var tree = hierarchy.Tree;
        var n = hierarchy.Accounts.Count;
        _groupOf = new int[n];
        var groups = 0;
        for (var a = 0; a < n; a++)
        {
            _groupOf[a] = tree.ChildStart[a + 1] > tree.ChildStart[a] ? groups++ : -1;
        }

        _periods = PeriodsOf(_scope.Plan.Year);
        (_runNumerator, _runDenominator) = RunRateFactors(_periods, _scope.AsOf);
        var targets = AttainmentTargets.Read(_scope);
        _figures = new MeasureFigures[_scope.Measures.Length];
        for (var m = 0; m < _figures.Length; m++)
        {
            var key = _scope.Measures[m].Key;
            _figures[m] = Overflow.Guard($"roll-up of '{key}'", () => new MeasureFigures(_scope, tally, targets[m], m, _groupOf, groups));
        }

        Measures = Array.AsReadOnly(_scope.Measures);
        Periods = Array.AsReadOnly(_periods);
    }

    /// <summary>Gets the as-of day.</summary>
    public LocalDate AsOf => _scope.AsOf;

    /// <summary>Gets the rules the report was made by.</summary>
    public AttainmentPolicy Policy => _scope.Policy;

    /// <summary>Gets the measures evaluated.</summary>
    public IReadOnlyList<TargetMeasure> Measures { get; }

    /// <summary>Gets the periods: the plan's year, its four quarters, its twelve months.</summary>
    public IReadOnlyList<FiscalPeriod> Periods { get; }

    /// <summary>Gets the line of one account on its own (not the accounts below it).</summary>
    /// <param name="account">The account.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The plan's year, one of its quarters or months.</param>
    /// <returns>The line.</returns>
    /// <exception cref="KamValidationException">The account, the measure or the period is unknown (paths <c>account</c>, <c>measure</c>, <c>period</c>).</exception>
    public AttainmentLine Account(AccountId account, string measure, FiscalPeriod period)
    {
        var (m, s) = Locate(measure, period);
        return AccountLine(_scope.Hierarchy.IndexOf(account), m, s, group: false);
    }

    /// <summary>Gets the line of an account together with every account below it in its customer's structure (a group with its branches and outlets).</summary>
    /// <param name="account">The account.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The plan's year, one of its quarters or months.</param>
    /// <returns>The line (for an account with nothing below it, the same figures as <see cref="Account"/>).</returns>
    /// <exception cref="KamValidationException">The account, the measure or the period is unknown.</exception>
    public AttainmentLine AccountGroup(AccountId account, string measure, FiscalPeriod period)
    {
        var (m, s) = Locate(measure, period);
        return AccountLine(_scope.Hierarchy.IndexOf(account), m, s, group: true);
    }

    /// <summary>Gets the line of a unit: the accounts it and the units below it hold, against its own target.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The plan's year, one of its quarters or months.</param>
    /// <returns>The line.</returns>
    /// <exception cref="KamValidationException">The unit, the measure or the period is unknown.</exception>
    public AttainmentLine Unit(UnitId unit, string measure, FiscalPeriod period)
    {
        var (m, s) = Locate(measure, period);
        return UnitLine(_scope.Hierarchy.Organization.IndexOf(unit), m, s);
    }

    /// <summary>Gets every account's own line, in the hierarchy's order; each line is built as it is read.</summary>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The plan's year, one of its quarters or months.</param>
    /// <returns>The lines.</returns>
    /// <exception cref="KamValidationException">The measure or the period is unknown.</exception>
    public IEnumerable<AttainmentLine> Accounts(string measure, FiscalPeriod period)
    {
        var (m, s) = Locate(measure, period);
        return Enumerable.Range(0, _scope.AccountCount).Select(a => AccountLine(a, m, s, group: false));
    }

    /// <summary>Gets every unit's line, units top-down (a unit before the units below it); each line is built as it is read.</summary>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The plan's year, one of its quarters or months.</param>
    /// <returns>The lines.</returns>
    /// <exception cref="KamValidationException">The measure or the period is unknown.</exception>
    public IEnumerable<AttainmentLine> Units(string measure, FiscalPeriod period)
    {
        var (m, s) = Locate(measure, period);
        var tree = _scope.Hierarchy.Organization.Tree;
        return tree.Preorder.Select(u => UnitLine(u, m, s));
    }

    private static FiscalPeriod[] PeriodsOf(FiscalPeriod year)
    {
        var result = new FiscalPeriod[17];
        result[0] = year;
        var quarters = year.Children(PeriodKind.Quarter);
        var months = year.Children(PeriodKind.Month);
        for (var q = 0; q < 4; q++)
        {
            result[1 + q] = quarters[q];
        }

        for (var k = 0; k < 12; k++)
        {
            result[5 + k] = months[k];
        }

        return result;
    }

    /// <summary>The run rate of each period: projection = actual × numerator ÷ denominator (elapsed days), or 1 ÷ 1 when the period is complete or not begun.</summary>
    private static (long[] Numerator, long[] Denominator) RunRateFactors(FiscalPeriod[] periods, LocalDate asOf)
    {
        var numerator = new long[17];
        var denominator = new long[17];
        for (var s = 0; s < 17; s++)
        {
            var interval = periods[s].Interval;
            numerator[s] = denominator[s] = 1;
            if (asOf >= interval.Start && asOf < interval.End)
            {
                numerator[s] = interval.Length;
                denominator[s] = Period.DaysBetween(interval.Start, asOf) + 1;
            }
        }

        return (numerator, denominator);
    }

    /// <summary>The first fiscal month (0-11) and the number of months of a period slot.</summary>
    internal static (int First, int Count) MonthsOf(int slot) => slot == 0 ? (0, 12) : slot <= 4 ? ((slot - 1) * 3, 3) : (slot - 5, 1);

    private (int Measure, int Slot) Locate(string measure, FiscalPeriod period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var errors = new ValidationCollector();
        var m = Array.FindIndex(_scope.Measures, x => string.Equals(x.Key, measure, StringComparison.Ordinal));
        if (m < 0)
        {
            errors.Add("measure", KamErrorCodes.Unknown, measure, "The report has no measure with this key.");
        }

        var s = Array.IndexOf(_periods, period);
        if (s < 0)
        {
            errors.Add("period", KamErrorCodes.OutOfRange, period, $"The report covers {_periods[0]}, its quarters and its months.");
        }

        errors.ThrowIfAny();
        return (m, s);
    }

    private AttainmentLine AccountLine(int a, int m, int s, bool group)
    {
        var account = _scope.Hierarchy.Accounts[a].Id;
        var g = group ? _groupOf[a] : -1;
        var f = _figures[m];
        return Build(TargetSubject.ForAccount(account), group, m, s, g >= 0 ? f.Group : f.Own, g >= 0 ? g : a, f.AccountTargets, a, g >= 0 ? f.GroupTargets : null, g);
    }

    private AttainmentLine UnitLine(int u, int m, int s)
    {
        var f = _figures[m];
        return Build(TargetSubject.ForUnit(_scope.Hierarchy.Organization.Units[u].Id), false, m, s, f.Unit, u, f.UnitTargets, u, f.UnitBottomUp, u);
    }

    private AttainmentLine Build(TargetSubject subject, bool group, int m, int s, NodeFigures node, int at, TargetTable own, int ownAt, TargetTable? rolled, int rolledAt)
    {
        var measure = _scope.Measures[m];
        var money = measure.Kind == TargetMeasureKind.Money;
        var bookings = m == _scope.Bookings;
        var (first, count) = MonthsOf(s);
        var figures = default(LineFigures);
        try
        {
            figures.OwnTarget = own.Get(ownAt, s);
            figures.AccountsTarget = !money ? null : rolled is null ? (subject.IsAccount ? figures.OwnTarget : null) : rolled.Get(rolledAt, s);
            figures.Target = subject.IsUnit ? figures.OwnTarget ?? figures.AccountsTarget : money ? figures.AccountsTarget : figures.OwnTarget;
            decimal actual = 0m, weighted = 0m, open = 0m, completed = 0m;
            var observations = 0;
            var completeMonths = 0;
            for (var k = first; k < first + count; k++)
            {
                actual += node.Actual(at, k);
                observations += node.ObservationsOf(at, k);
                if (bookings)
                {
                    weighted += node.Weighted(at, k);
                    open += node.Open(at, k);
                }

                if (k < _scope.AsOfMonth || (k == _scope.AsOfMonth && _scope.AsOf.Plus(Period.FromDays(1)).Day == 1))
                {
                    completed += node.Actual(at, k);
                    completeMonths++;
                }
            }

            if (money)
            {
                figures.Actual = actual;
                figures.Weighted = weighted;
                figures.Open = open;
                figures.HasPipeline = bookings;
                var runRate = _scope.Policy.RunRate == RunRateMethod.ElapsedDays
                    ? actual * _runNumerator[s] / _runDenominator[s]
                    : completeMonths == 0 || completeMonths == count ? actual : completed * count / completeMonths;
                figures.RunRate = decimal.Round(runRate, measure.Currency.MinorUnits, MidpointRounding.ToEven);
                figures.Forecast = bookings && _scope.Policy.Forecast == ForecastMethod.ActualPlusWeightedPipeline ? actual + weighted : figures.RunRate;
            }
            else if (observations > 0)
            {
                figures.Observations = observations;
                figures.Actual = figures.RunRate = figures.Forecast = actual / observations;
            }

            if (bookings && node.OverdueCount.Length > 0 && first <= _scope.AsOfMonth && _scope.AsOfMonth < first + count)
            {
                figures.OverdueCount = node.OverdueCount[at];
                figures.OverdueValue = node.OverdueValue[at];
            }

            return new AttainmentLine(subject, group, measure, _periods[s], figures);
        }
        catch (OverflowException)
        {
            throw Overflow.Error(string.Create(CultureInfo.InvariantCulture, $"attainment of '{measure.Key}' for {subject} in {_periods[s]}"));
        }
    }
}
