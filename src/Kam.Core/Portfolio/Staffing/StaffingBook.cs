using Kam.Core.Accounts;
using System.Globalization;

namespace Kam.Core.Portfolio.Staffing;

/// <summary>
/// The accounts and managers of one unit of ours (with every unit below it) or of the whole plan, and the managers
/// they need in each period of the plan.
/// </summary>
/// <remarks>Immutable. It keeps only counts (accounts per grade, managers, the sum of their quality factors), from which every figure is computed, so that books merge exactly.</remarks>
public sealed class StaffingBook
{
    private readonly long[] _counts;

    internal StaffingBook(StaffingOptions options, IReadOnlyList<StaffingPeriod> periods, UnitId? unit, long[] counts, long managers, decimal availableFte)
    {
        _counts = counts;
        Unit = unit;
        Accounts = counts.Sum();
        Managers = managers;
        AvailableFte = availableFte;
        Periods = Array.AsReadOnly(periods.Select(p => Compute(options, p, counts, managers, availableFte)).ToArray());
    }

    /// <summary>Gets the unit, or <see langword="null"/> for the whole plan.</summary>
    public UnitId? Unit { get; }

    /// <summary>Gets how many accounts the book holds.</summary>
    public long Accounts { get; }

    /// <summary>Gets how many managers there are.</summary>
    public long Managers { get; }

    /// <summary>Gets the managers there are as full-time equivalents of standard quality (the sum of their quality factors).</summary>
    public decimal AvailableFte { get; }

    /// <summary>Gets the figures of each period, in the plan's order.</summary>
    public IReadOnlyList<StaffingPeriodFigures> Periods { get; }

    /// <summary>Gets the accounts per grade, in the options' order.</summary>
    internal IReadOnlyList<long> Counts => _counts;

    /// <summary>The book of two disjoint sets of accounts and managers.</summary>
    internal StaffingBook Merge(StaffingOptions options, IReadOnlyList<StaffingPeriod> periods, StaffingBook other) =>
        new(options, periods, Unit, [.. _counts.Zip(other._counts, (a, b) => checked(a + b))], checked(Managers + other.Managers), AvailableFte + other.AvailableFte);

    private static StaffingPeriodFigures Compute(StaffingOptions options, StaffingPeriod period, long[] counts, long managers, decimal availableFte)
    {
        var capacity = options.CapacityHoursPerMonth;
        var months = (int)options.Period;
        var grades = new List<GradeStaffing>();
        var hours = 0m;
        Money? cost = options.Currency is { } currency ? Money.Zero(currency) : null;
        for (var g = 0; g < counts.Length; g++)
        {
            if (counts[g] == 0)
            {
                continue;
            }

            var grade = Grade(options, options.Loads[g], period, counts[g], capacity, months);
            grades.Add(grade);
            hours += grade.Hours;
            cost = cost is { } c && grade.Cost is { } gc ? c + gc : null;
        }

        var fte = Round(hours / capacity);
        var needed = Whole(fte);
        var gap = fte - availableFte;
        var hire = gap > 0m ? Whole(gap) : 0L;
        List<string> reasons =
        [
            $"{N(hours)} h a month ÷ {N(capacity)} h a manager = {N(fte)} FTE → {needed} managers",
            $"{managers} managers there are, worth {N(availableFte)} FTE by quality: "
                + (gap > 0m ? $"short by {N(gap)} FTE → hire {hire}" : gap < 0m ? $"{N(-gap)} FTE more than needed" : "exactly enough"),
        ];
        if (cost is { } total)
        {
            reasons.Add($"cost {Amount(total)} over {months} months (the sum of the grades')");
        }

        return new StaffingPeriodFigures(period, grades.AsReadOnly(), hours, fte, needed, managers, availableFte, hire, cost, reasons.AsReadOnly());
    }

    private static GradeStaffing Grade(StaffingOptions options, GradeLoad load, StaffingPeriod period, long accounts, decimal capacity, int months)
    {
        var perAccount = load.HoursPerMonth;
        var lost = Round(accounts * period.ChurnRate.Fraction);
        var baseHours = accounts * perAccount;
        var replacement = Round(lost * perAccount * (options.NewAccountFactor - 1m));
        var hours = Round((baseHours + replacement) * period.Surge);
        var fte = Round(hours / capacity);
        var needed = Whole(fte);
        List<string> reasons =
        [
            $"{load.Grade}: {accounts} accounts × {N(perAccount)} h a month = {N(baseHours)} h",
            $"churn {N(period.ChurnRate.Percent)}%: {N(lost)} accounts lost and replaced, a new account ×{N(options.NewAccountFactor)} at first: + {N(replacement)} h",
        ];
        if (period.Surge != 1m)
        {
            reasons.Add($"demand surge ×{N(period.Surge)}: ({N(baseHours)} + {N(replacement)}) × {N(period.Surge)} = {N(hours)} h");
        }

        reasons.Add($"{N(hours)} h ÷ {N(capacity)} h a manager = {N(fte)} FTE → {needed} managers");
        Money? cost = null;
        if (options.CostOf(load) is { } monthly)
        {
            cost = (monthly * (fte * months)).Round(MidpointRounding.AwayFromZero);
            reasons.Add($"cost {N(fte)} FTE × {Amount(monthly)} a month × {months} months = {Amount(cost.Value)}");
        }

        return new GradeStaffing(load.Grade, accounts, lost, perAccount, baseHours, replacement, hours, fte, needed, cost, reasons.AsReadOnly());
    }

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static long Whole(decimal value) => value > long.MaxValue ? throw new OverflowException() : (long)decimal.Ceiling(value);

    private static string N(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Amount(Money money) => money.Amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + money.Currency.Code;
}
