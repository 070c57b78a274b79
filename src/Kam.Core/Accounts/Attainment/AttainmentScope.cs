using System.Globalization;
using Kam.Core.Accounts.Targets;
using NodaTime;

namespace Kam.Core.Accounts.Attainment;

/// <summary>What a tally is taken against: the plan, the hierarchy, the measures, the as-of day and the rules; checked once.</summary>
internal sealed class AttainmentScope
{
    private AttainmentScope(AttainmentPolicy policy, TargetPlan plan, AccountHierarchy hierarchy, TargetMeasure[] measures, LocalDate asOf)
    {
        Policy = policy;
        Plan = plan;
        Hierarchy = hierarchy;
        Measures = measures;
        AsOf = asOf;
        YearStart = plan.Year.Start;
        AsOfMonth = MonthIndex(asOf);
        Bookings = Array.FindIndex(measures, m => string.Equals(m.Key, policy.BookingsMeasure, StringComparison.Ordinal));
        var probabilities = new decimal[9];
        for (var stage = 1; stage <= 8; stage++)
        {
            probabilities[stage] = policy.Probabilities[(Stages.SalesStage)stage].Fraction;
        }

        Probabilities = probabilities;
    }

    public AttainmentPolicy Policy { get; }

    public TargetPlan Plan { get; }

    public AccountHierarchy Hierarchy { get; }

    /// <summary>Gets the measures evaluated, in the order asked for.</summary>
    public TargetMeasure[] Measures { get; }

    public LocalDate AsOf { get; }

    public YearMonth YearStart { get; }

    /// <summary>Gets the fiscal month (0-11) of the as-of day.</summary>
    public int AsOfMonth { get; }

    /// <summary>
    /// Gets the number of fiscal months an actual or a win can fall in: the months up to the as-of day's (0 to
    /// <see cref="AsOfMonth"/>), since nothing dated after the as-of day is accepted. The tally keeps only these.
    /// </summary>
    public int ActualMonths => AsOfMonth + 1;

    /// <summary>
    /// Gets the number of fiscal months the open pipeline can fall in: the as-of day's month to the year's last (an
    /// expected close before the as-of day counts in the as-of month or not at all). The tally keeps only these.
    /// </summary>
    public int PipelineMonths => 12 - AsOfMonth;

    /// <summary>Gets the bookings figures per account: the actual of each of <see cref="ActualMonths"/>, then the open and weighted pipeline of each of <see cref="PipelineMonths"/>.</summary>
    public int BookingsWidth => ActualMonths + (2 * PipelineMonths);

    /// <summary>Gets the index in <see cref="Measures"/> of the bookings measure, or -1 when it is not evaluated.</summary>
    public int Bookings { get; }

    /// <summary>Gets the earned probability as a fraction by completed stage (0 = none completed).</summary>
    public decimal[] Probabilities { get; }

    public int AccountCount => Hierarchy.Accounts.Count;

    /// <summary>Checks the arguments of a tally and builds the scope; every problem is reported.</summary>
    public static AttainmentScope Create(AttainmentPolicy policy, TargetPlan plan, AccountHierarchy hierarchy, LocalDate asOf, IReadOnlyList<string>? measures)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var errors = new ValidationCollector();
        if (!plan.Year.Contains(asOf))
        {
            errors.Add("asOf", KamErrorCodes.OutOfRange, asOf.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"The plan covers {plan.Year} ({plan.Year.Interval.Start:uuuu-MM-dd} to {plan.Year.Interval.End:uuuu-MM-dd}); the as-of day must be a day of it (its last day for a year-end review)."));
        }

        var keys = measures ?? plan.Measures.Select(m => m.Key).ToArray();
        var chosen = new List<TargetMeasure>(keys.Count);
        if (keys.Count == 0)
        {
            errors.Add("measures", KamErrorCodes.Empty, null, "At least one measure is needed.");
        }

        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var found = key is null ? null : plan.Measures.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.Ordinal));
            if (found is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"measures[{i}]"), key is null ? KamErrorCodes.Required : KamErrorCodes.Unknown, key, "The plan has no measure with this key.");
            }
            else if (chosen.Contains(found))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"measures[{i}]"), KamErrorCodes.Duplicate, key, "The measure is listed more than once.");
            }
            else
            {
                if (string.Equals(key, policy.BookingsMeasure, StringComparison.Ordinal) && found.Kind != TargetMeasureKind.Money)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"measures[{i}]"), KamErrorCodes.InvalidState, key, $"The bookings measure must be money; the plan has it as a {found.Kind.ToString().ToLowerInvariant()}.");
                }

                chosen.Add(found);
            }
        }

        errors.ThrowIfAny();
        return new AttainmentScope(policy, plan, hierarchy, [.. chosen], asOf);
    }

    /// <summary>Gets the fiscal month (0-11) of a day, or a value outside 0-11 when the day is outside the plan's year.</summary>
    public int MonthIndex(LocalDate date) => ((date.Year - YearStart.Year) * 12) + date.Month - YearStart.Month;

    /// <summary>Tells whether another scope is the same plan, hierarchy, measures, as-of day and rules.</summary>
    public bool Same(AttainmentScope other) =>
        ReferenceEquals(this, other)
        || (ReferenceEquals(Plan, other.Plan) && ReferenceEquals(Hierarchy, other.Hierarchy) && AsOf == other.AsOf
            && Measures.AsSpan().SequenceEqual(other.Measures) && Policy.SameRules(other.Policy));
}
