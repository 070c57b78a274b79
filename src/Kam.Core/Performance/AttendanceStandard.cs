namespace Kam.Core.Performance;

/// <summary>
/// The rule book's attendance standard for a key-account (industry) manager, as graded standards over a month and over a
/// year (rule book: docs/rules/performance-and-pay.md).
/// </summary>
/// <remarks>
/// <para>Observation names: <see cref="Late"/>, <see cref="EarlyLeave"/> (counts), <see cref="AbsenceDays"/>,
/// <see cref="PersonalLeaveDays"/> (days).</para>
/// <para>Year: A ≤3 late, no early leave or absence, ≤3 days personal leave; B ≤5 late, early leave + absence ≤1,
/// ≤3 days leave; C late + early leave ≤10 (the rule book: "within ten"; D is "more than ten"), absence ≤2 days, leave
/// ≤5 days; D otherwise. Month: A no late/early leave and no personal leave; B no late/early leave (leave taken);
/// C one late or early leave; D more. The grade scores (A 100%, B 80%, C 60%, D 40%) are this library's defaults;
/// the rule book gives only the letters.</para>
/// </remarks>
public static class AttendanceStandard
{
    /// <summary>The observation name for late arrivals (count).</summary>
    public const string Late = "late";

    /// <summary>The observation name for early leaves (count).</summary>
    public const string EarlyLeave = "earlyLeave";

    /// <summary>The observation name for days of unexcused absence.</summary>
    public const string AbsenceDays = "absenceDays";

    /// <summary>The observation name for days of personal leave.</summary>
    public const string PersonalLeaveDays = "personalLeaveDays";

    /// <summary>Gets the yearly standard.</summary>
    public static GradedStandardRule Yearly { get; } = new(
    [
        new StandardGrade("A", Ratio.FromPercent(100m), [Limit(3m, Late), Limit(0m, EarlyLeave), Limit(0m, AbsenceDays), Limit(3m, PersonalLeaveDays)]),
        new StandardGrade("B", Ratio.FromPercent(80m), [Limit(5m, Late), Limit(1m, EarlyLeave, AbsenceDays), Limit(3m, PersonalLeaveDays)]),
        new StandardGrade("C", Ratio.FromPercent(60m), [Limit(10m, Late, EarlyLeave), Limit(2m, AbsenceDays), Limit(5m, PersonalLeaveDays)]),
        new StandardGrade("D", Ratio.FromPercent(40m), []),
    ]);

    /// <summary>Gets the monthly standard.</summary>
    public static GradedStandardRule Monthly { get; } = new(
    [
        new StandardGrade("A", Ratio.FromPercent(100m), [Limit(0m, Late, EarlyLeave), Limit(0m, PersonalLeaveDays)]),
        new StandardGrade("B", Ratio.FromPercent(80m), [Limit(0m, Late, EarlyLeave)]),
        new StandardGrade("C", Ratio.FromPercent(60m), [Limit(1m, Late, EarlyLeave)]),
        new StandardGrade("D", Ratio.FromPercent(40m), []),
    ]);

    /// <summary>Builds the observations of the attendance standard.</summary>
    /// <param name="late">Late arrivals.</param>
    /// <param name="earlyLeave">Early leaves.</param>
    /// <param name="absenceDays">Days of absence.</param>
    /// <param name="personalLeaveDays">Days of personal leave.</param>
    /// <returns>The actual to score.</returns>
    /// <exception cref="KamValidationException">A count is negative.</exception>
    public static IndicatorActual Observe(decimal late, decimal earlyLeave, decimal absenceDays, decimal personalLeaveDays) =>
        IndicatorActual.Observed(new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [Late] = late,
            [EarlyLeave] = earlyLeave,
            [AbsenceDays] = absenceDays,
            [PersonalLeaveDays] = personalLeaveDays,
        });

    private static ObservationLimit Limit(decimal max, params string[] observations) => new(observations, max);
}
