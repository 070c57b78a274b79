using System.Globalization;
using Kam.Core.Accounts.Serialization;

namespace Kam.Core.Accounts.Targets;

/// <summary>
/// The targets of one fiscal year: the measures they are set on and the targets per account or unit and per period
/// (year → quarters → months) (rule book: accounts, targets).
/// </summary>
/// <remarks>
/// <para>
/// Immutable and valid from construction. Every problem is reported together as one
/// <see cref="KamValidationException"/>: a duplicate measure key (<c>measures[1].key</c>), a target of an unknown
/// measure (<c>targets[3].measure</c>), a target in another currency than its measure's, or a money value for a
/// ratio (<c>targets[3].value</c>, code <see cref="KamErrorCodes.CurrencyMismatch"/>), a money amount finer than the
/// currency's minor unit or a negative money or ratio value (<c>targets[3].value</c>), a period outside the plan's
/// fiscal year or of another fiscal calendar (<c>targets[3].period</c>), and a second target for the same subject,
/// measure and period (<c>targets[3]</c>).
/// </para>
/// <para>
/// Whether the accounts and units exist is checked when the plan is used with an <see cref="AccountHierarchy"/>
/// (<see cref="TargetAllocator.Reconcile"/>). Load from JSON with <see cref="FromJson"/>; the format and its JSON
/// Schema are in docs/accounts.md.
/// </para>
/// </remarks>
public sealed class TargetPlan
{
    private readonly Dictionary<string, TargetMeasure> _measures;
    private readonly Dictionary<(TargetSubject Subject, string Measure, FiscalPeriod Period), Target> _targets;
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

    /// <summary>Creates a plan.</summary>
    /// <param name="calendar">The fiscal calendar the periods belong to.</param>
    /// <param name="fiscalYear">The fiscal year the plan covers (1-9998).</param>
    /// <param name="measures">The measures (copied); keys unique.</param>
    /// <param name="targets">The targets (copied), in any order.</param>
    /// <exception cref="KamValidationException">The plan is invalid; every problem is reported.</exception>
    public TargetPlan(FiscalCalendar calendar, int fiscalYear, IReadOnlyList<TargetMeasure> measures, IReadOnlyList<Target> targets)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(targets);
        var errors = new ValidationCollector();
        var yearOk = errors.InRange("fiscalYear", fiscalYear, 1, 9998);
        var measureList = measures.ToArray();
        var targetList = targets.ToArray();
        _measures = new Dictionary<string, TargetMeasure>(StringComparer.Ordinal);
        for (var i = 0; i < measureList.Length; i++)
        {
            if (measureList[i] is null)
            {
                errors.Add($"measures[{i}]", KamErrorCodes.Required, null, "A measure is required.");
            }
            else if (!_measures.TryAdd(measureList[i].Key, measureList[i]))
            {
                errors.Add($"measures[{i}].key", KamErrorCodes.Duplicate, measureList[i].Key, "Another measure has this key; keys must be unique.");
            }
        }

        var year = yearOk ? calendar.Year(fiscalYear) : default;
        _targets = new(targetList.Length);
        var lastMeasure = (string?)null;
        var lastSlots = 0;
        for (var i = 0; i < targetList.Length; i++)
        {
            var target = targetList[i];
            if (target is null)
            {
                errors.Add($"targets[{i}]", KamErrorCodes.Required, null, "A target is required.");
                continue;
            }

            CheckValue(errors, i, target);
            var slot = Slot(target.Period);
            if ((uint)slot < 17u)
            {
                if (!ReferenceEquals(target.Measure, lastMeasure))
                {
                    lastMeasure = target.Measure;
                    lastSlots = _slots.GetValueOrDefault(lastMeasure);
                }

                if ((lastSlots & (1 << slot)) == 0)
                {
                    lastSlots |= 1 << slot;
                    _slots[lastMeasure] = lastSlots;
                }
            }

            if (yearOk && !InYear(calendar, year, target.Period))
            {
                errors.Add($"targets[{i}].period", KamErrorCodes.OutOfRange, target.Period,
                    string.Create(CultureInfo.InvariantCulture, $"The plan covers {year} ({year.Start:uuuu-MM} to {year.End:uuuu-MM}) of the {calendar}; the period must be that year, one of its quarters or one of its months."));
            }

            if (!_targets.TryAdd((target.Subject, target.Measure, target.Period), target))
            {
                errors.Add($"targets[{i}]", KamErrorCodes.Duplicate, $"{target.Subject} {target.Measure} {target.Period}", "Another target has the same subject, measure and period.");
            }
        }

        errors.ThrowIfAny();
        Calendar = calendar;
        FiscalYear = fiscalYear;
        Year = year;
        Measures = Array.AsReadOnly(measureList);
        Targets = Array.AsReadOnly(targetList);
    }

    /// <summary>Gets the fiscal calendar.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>Gets the fiscal year the plan covers.</summary>
    public int FiscalYear { get; }

    /// <summary>Gets the plan's fiscal year as a period.</summary>
    public FiscalPeriod Year { get; }

    /// <summary>Gets the measures, in the order given.</summary>
    public IReadOnlyList<TargetMeasure> Measures { get; }

    /// <summary>Gets the targets, in the order given.</summary>
    public IReadOnlyList<Target> Targets { get; }

    /// <summary>Reads a plan from JSON (the format is in docs/accounts.md; its schema in docs/schemas/target-plan.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated plan.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the plan invalid; paths are JSON paths in the file's member names (<c>$.targets[3].period</c>).</exception>
    public static TargetPlan FromJson(string json) => AccountsJson.ReadTargetPlan(json);

    /// <summary>Writes the plan as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AccountsJson.Write(this);

    /// <summary>Gets a measure by key.</summary>
    /// <param name="key">The measure's key.</param>
    /// <returns>The measure.</returns>
    /// <exception cref="KamValidationException">The plan has no measure with the key (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public TargetMeasure Measure(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _measures.TryGetValue(key, out var measure) ? measure : throw new KamValidationException("measure", KamErrorCodes.Unknown, key, "The plan has no measure with this key.");
    }

    /// <summary>Gets the target set for a subject, measure and period exactly, if there is one.</summary>
    /// <param name="subject">The account or unit.</param>
    /// <param name="measure">The measure's key.</param>
    /// <param name="period">The period.</param>
    /// <returns>The target, or <see langword="null"/>.</returns>
    public Target? Find(TargetSubject subject, string measure, FiscalPeriod period)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return _targets.GetValueOrDefault((subject, measure, period));
    }

    /// <summary>Gets which period slots (bit 0 the year, 1-4 the quarters, 5-16 the months) have a target of a measure, for any subject.</summary>
    /// <param name="measure">The measure's key.</param>
    /// <returns>The bits; 0 when the measure has no target.</returns>
    internal int SlotsOf(string measure) => _slots.GetValueOrDefault(measure);

    /// <summary>The position of a period among the year (0), its quarters (1-4) and its months (5-16).</summary>
    internal static int Slot(FiscalPeriod period) => period.Kind switch
    {
        PeriodKind.Year => 0,
        PeriodKind.Quarter => period.Index,
        _ => 4 + period.Index,
    };

    private static bool InYear(FiscalCalendar calendar, FiscalPeriod year, FiscalPeriod period) =>
        period.FiscalYear == year.FiscalYear && year.Contains(period) && calendar.PeriodOf(period.Start.OnDayOfMonth(1), period.Kind) == period;

    private void CheckValue(ValidationCollector errors, int i, Target target)
    {
        if (!_measures.TryGetValue(target.Measure, out var measure))
        {
            errors.Add($"targets[{i}].measure", KamErrorCodes.Unknown, target.Measure, "The plan has no measure with this key.");
            return;
        }

        var path = $"targets[{i}].value";
        var shown = target.Currency == Currency.None ? (object)target.Value : new Money(target.Value, target.Currency);
        if (measure.Kind == TargetMeasureKind.Money && target.Currency != measure.Currency)
        {
            errors.Add(path, KamErrorCodes.CurrencyMismatch, shown, $"The measure '{measure.Key}' is money in {measure.Currency.Code}; a target of it must be in {measure.Currency.Code}.");
        }
        else if (measure.Kind != TargetMeasureKind.Money && target.Currency != Currency.None)
        {
            errors.Add(path, KamErrorCodes.CurrencyMismatch, shown, $"The measure '{measure.Key}' is a {measure.Kind.ToString().ToLowerInvariant()}, not money.");
        }
        else if (measure.Kind != TargetMeasureKind.Score && target.Value < 0m)
        {
            errors.Add(path, KamErrorCodes.OutOfRange, shown, "A money or ratio target must not be negative.");
        }
        else if (measure.Kind == TargetMeasureKind.Money && target.Value.Scale > measure.Currency.MinorUnits && decimal.Round(target.Value, measure.Currency.MinorUnits) != target.Value)
        {
            errors.Add(path, KamErrorCodes.InvalidFormat, shown, $"An amount of {measure.Currency.Code} has at most {measure.Currency.MinorUnits} decimal places (its minor unit), so that allocation can conserve it exactly.");
        }
    }
}
