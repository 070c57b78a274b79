using System.Globalization;
using Kam.Core.Accounts.Targets;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// Attainment, forecast and gap of one account, account group or unit, for one measure and one period of the plan's
/// year (the formulas are in docs/accounts.md).
/// </summary>
/// <remarks>
/// Amounts are plain numbers in <see cref="Currency"/> (a money measure) or ratios as fractions and scores (
/// <see cref="Currency"/> is <see cref="Currency.None"/>). Immutable.
/// </remarks>
public sealed class AttainmentLine
{
    internal AttainmentLine(TargetSubject subject, bool includesAccountsBelow, TargetMeasure measure, FiscalPeriod period, in LineFigures f)
    {
        Subject = subject;
        IncludesAccountsBelow = includesAccountsBelow;
        Measure = measure;
        Period = period;
        OwnTarget = f.OwnTarget;
        AccountsTarget = f.AccountsTarget;
        Target = f.Target;
        Actual = f.Actual;
        Observations = f.Observations;
        WeightedPipeline = f.Weighted;
        OpenPipeline = f.Open;
        RunRate = f.RunRate;
        Forecast = f.Forecast;
        OverdueCount = f.OverdueCount;
        OverdueValue = f.OverdueValue;
        Gap = Target is { } t && Forecast is { } fc ? t - fc : null;
        ReconciliationGap = subject.IsUnit && OwnTarget is { } own && AccountsTarget is { } accounts ? own - accounts : null;
        Attainment = Target is { } target && target > 0m && Actual is { } actual && actual >= 0m ? Ratio.FromFraction(actual / target) : null;
        if (Target is not { } goal)
        {
            CoverageStatus = CoverageStatus.NoTarget;
        }
        else if (!f.HasPipeline)
        {
            CoverageStatus = CoverageStatus.NoPipeline;
        }
        else if (goal - (Actual ?? 0m) <= 0m)
        {
            CoverageStatus = CoverageStatus.NoGap;
        }
        else
        {
            CoverageStatus = CoverageStatus.Computed;
            Coverage = Ratio.FromFraction(OpenPipeline / (goal - (Actual ?? 0m)));
        }
    }

    /// <summary>Gets the account or unit.</summary>
    public TargetSubject Subject { get; }

    /// <summary>Gets a value indicating whether an account's line covers the accounts below it in its customer's structure too (a group's line); units always cover the units below them.</summary>
    public bool IncludesAccountsBelow { get; }

    /// <summary>Gets the measure.</summary>
    public TargetMeasure Measure { get; }

    /// <summary>Gets the currency of every amount of a money measure, or <see cref="Currency.None"/>.</summary>
    public Currency Currency => Measure.Currency;

    /// <summary>Gets the period: the plan's year, one of its quarters or one of its months.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the subject's own target (a unit's top-down target), or <see langword="null"/>; a quarter or year without one is made up of all its months' or quarters' (money only).</summary>
    public decimal? OwnTarget { get; }

    /// <summary>Gets the sum of the own targets of the accounts the line covers (money only; an account's line: its own target), or <see langword="null"/> when none has one.</summary>
    public decimal? AccountsTarget { get; }

    /// <summary>Gets the target the forecast is set against: a unit's own target, else the sum of its accounts'; an account's or group's <see cref="AccountsTarget"/> (ratio and score: the own target).</summary>
    public decimal? Target { get; }

    /// <summary>Gets a unit's top-down target minus the roll-up of its accounts' targets (positive: the accounts' targets fall short), or <see langword="null"/>.</summary>
    public decimal? ReconciliationGap { get; }

    /// <summary>Gets the actual to date: won bookings or summed actuals (money); the mean of the observations (ratio, score), <see langword="null"/> without any.</summary>
    public decimal? Actual { get; }

    /// <summary>Gets the number of observations averaged into <see cref="Actual"/> (ratio and score; 0 for money).</summary>
    public int Observations { get; }

    /// <summary>Gets the weighted pipeline: Σ value × earned win probability of the open opportunities expected to close in the period (bookings only).</summary>
    public decimal WeightedPipeline { get; }

    /// <summary>Gets the value of the open opportunities expected to close in the period (bookings only).</summary>
    public decimal OpenPipeline { get; }

    /// <summary>Gets the run-rate projection of the actual to the whole period, rounded to the currency's minor unit (money; the actual for ratio and score).</summary>
    public decimal? RunRate { get; }

    /// <summary>Gets the forecast: actual + weighted pipeline, or the run rate (see <see cref="AttainmentPolicy.Forecast"/>); the mean actual for ratio and score.</summary>
    public decimal? Forecast { get; }

    /// <summary>Gets the gap: <see cref="Target"/> − <see cref="Forecast"/> (positive: the forecast falls short), or <see langword="null"/> without a target or a forecast.</summary>
    public decimal? Gap { get; }

    /// <summary>Gets the attainment to date: <see cref="Actual"/> ÷ <see cref="Target"/>, or <see langword="null"/> without a target above zero.</summary>
    public Ratio? Attainment { get; }

    /// <summary>Gets the pipeline coverage: <see cref="OpenPipeline"/> ÷ (<see cref="Target"/> − <see cref="Actual"/>), when <see cref="CoverageStatus"/> is <see cref="CoverageStatus.Computed"/>.</summary>
    public Ratio? Coverage { get; }

    /// <summary>Gets whether the coverage was computed, and why not.</summary>
    public CoverageStatus CoverageStatus { get; }

    /// <summary>Gets the coverage, or why there is none, in words.</summary>
    public string CoverageNote => CoverageStatus switch
    {
        CoverageStatus.Computed => string.Create(CultureInfo.InvariantCulture, $"{Coverage!.Value.Fraction:0.00}× the remaining gap of {Amount(Target - Actual)}"),
        CoverageStatus.NoGap => string.Create(CultureInfo.InvariantCulture, $"no gap: the actual {Amount(Actual)} already meets the target {Amount(Target)}"),
        CoverageStatus.NoTarget => "no target",
        _ => "no pipeline: only the bookings measure has one",
    };

    /// <summary>An amount as the notes write it: thousands separated, at most two decimals, and the currency for money (<c>12,753,500 CNY</c>).</summary>
    private string Amount(decimal? value)
    {
        var text = (value ?? 0m).ToString("#,0.##", CultureInfo.InvariantCulture);
        return Currency == default ? text : text + " " + Currency.ToString();
    }

    /// <summary>Gets the number of open opportunities of the line whose expected close is before the as-of day (on the periods that contain the as-of day).</summary>
    public int OverdueCount { get; }

    /// <summary>Gets their value.</summary>
    public decimal OverdueValue { get; }
}

/// <summary>The figures a line is built from.</summary>
internal struct LineFigures
{
    public decimal? OwnTarget;
    public decimal? AccountsTarget;
    public decimal? Target;
    public decimal? Actual;
    public int Observations;
    public decimal Weighted;
    public decimal Open;
    public decimal? RunRate;
    public decimal? Forecast;
    public bool HasPipeline;
    public int OverdueCount;
    public decimal OverdueValue;
}
