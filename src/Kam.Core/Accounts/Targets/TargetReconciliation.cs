namespace Kam.Core.Accounts.Targets;

/// <summary>
/// Top-down against bottom-up for one money measure of a <see cref="TargetPlan"/>: for every unit and every period of
/// the plan's year (the year, its quarters, its months), the unit's target, the roll-up of its accounts' targets over
/// the organization, and the gap.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class TargetReconciliation
{
    private readonly Dictionary<(UnitId Unit, FiscalPeriod Period), ReconciliationLine> _lines;

    internal TargetReconciliation(TargetMeasure measure, List<ReconciliationLine> lines)
    {
        Measure = measure;
        Lines = lines.AsReadOnly();
        _lines = lines.ToDictionary(l => (l.Unit, l.Period));
    }

    /// <summary>Gets the measure.</summary>
    public TargetMeasure Measure { get; }

    /// <summary>
    /// Gets the lines: units top-down (a unit before the units below it), and for each unit the periods in order (the
    /// year, then each quarter followed by its months). A unit and period appear when the unit has a target for it or
    /// at least one of its accounts has.
    /// </summary>
    public IReadOnlyList<ReconciliationLine> Lines { get; }

    /// <summary>Gets the line of a unit and period, if there is one.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="period">The period.</param>
    /// <returns>The line, or <see langword="null"/> when neither the unit nor any of its accounts has a target for the period.</returns>
    public ReconciliationLine? Line(UnitId unit, FiscalPeriod period) => _lines.GetValueOrDefault((unit, period));
}
