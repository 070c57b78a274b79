namespace Kam.Core.Performance;

/// <summary>Entered and converted opportunity counts of one sales stage in an appraisal period.</summary>
/// <remarks>Immutable. The <see cref="SalesProcessFacts"/> that hold the counts validate them.</remarks>
public sealed class StageConversionCount
{
    /// <summary>Creates the counts of one stage.</summary>
    /// <param name="stage">The stage's name (as the stage machine names it).</param>
    /// <param name="entered">Opportunities that entered the stage.</param>
    /// <param name="converted">Of those, opportunities that moved on to the next stage.</param>
    public StageConversionCount(string stage, int entered, int converted)
    {
        Stage = stage;
        Entered = entered;
        Converted = converted;
    }

    /// <summary>Gets the stage's name (as the stage machine names it).</summary>
    public string Stage { get; }

    /// <summary>Gets the opportunities that entered the stage.</summary>
    public int Entered { get; }

    /// <summary>Gets, of those, the opportunities that moved on to the next stage.</summary>
    public int Converted { get; }
}

/// <summary>
/// Sales-process facts of one person and period, from which the sales-process indicators are scored: progress
/// reported on time, conversion per stage, pipeline coverage of quota.
/// </summary>
/// <remarks>
/// A host, or an adapter over the stage machine's views, fills this value; Performance does not depend on the stage
/// machine. All counts must be non-negative, converted must not exceed entered, and pipeline and quota share a
/// currency. Immutable and thread-safe.
/// </remarks>
public sealed class SalesProcessFacts
{
    /// <summary>Creates the facts and validates them.</summary>
    /// <param name="reportedOnTime">Opportunities whose progress was reported on time.</param>
    /// <param name="opportunities">Opportunities that should have been reported.</param>
    /// <param name="stages">Entered/converted counts per stage; copied.</param>
    /// <param name="pipeline">Open pipeline value.</param>
    /// <param name="quota">Quota of the period; must be positive.</param>
    /// <exception cref="KamValidationException">A count is negative or inconsistent, or the quota is not positive.</exception>
    /// <exception cref="CurrencyMismatchException">Pipeline and quota are in different currencies.</exception>
    public SalesProcessFacts(int reportedOnTime, int opportunities, IEnumerable<StageConversionCount> stages, Money pipeline, Money quota)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var copy = stages.ToArray();
        var errors = new ValidationCollector();
        errors.InRange(nameof(opportunities), opportunities, 0, int.MaxValue);
        errors.InRange(nameof(reportedOnTime), reportedOnTime, 0, Math.Max(0, opportunities));
        for (var i = 0; i < copy.Length; i++)
        {
            if (!errors.Required($"stages[{i}]", copy[i]))
            {
                continue;
            }

            errors.InRange($"stages[{i}].entered", copy[i].Entered, 0, int.MaxValue);
            errors.InRange($"stages[{i}].converted", copy[i].Converted, 0, Math.Max(0, copy[i].Entered));
        }

        if (pipeline.Currency != quota.Currency)
        {
            throw new CurrencyMismatchException(quota.Currency, pipeline.Currency, "pipeline coverage");
        }

        errors.NotNegative(nameof(pipeline), pipeline.Amount);
        if (quota.Amount <= 0m)
        {
            errors.Add(nameof(quota), KamErrorCodes.OutOfRange, quota, "The quota must be positive.");
        }

        errors.ThrowIfAny();
        ReportedOnTime = reportedOnTime;
        Opportunities = opportunities;
        Stages = copy;
        Pipeline = pipeline;
        Quota = quota;
    }

    /// <summary>Gets the opportunities whose progress was reported on time.</summary>
    public int ReportedOnTime { get; }

    /// <summary>Gets the opportunities that should have been reported.</summary>
    public int Opportunities { get; }

    /// <summary>Gets the entered/converted counts per stage.</summary>
    public IReadOnlyList<StageConversionCount> Stages { get; }

    /// <summary>Gets the open pipeline value.</summary>
    public Money Pipeline { get; }

    /// <summary>Gets the quota of the period.</summary>
    public Money Quota { get; }

    /// <summary>Gets the share of opportunities reported on time (100% when there were none to report).</summary>
    public Percentage ReportedOnTimeShare =>
        Opportunities == 0 ? Percentage.FromFraction(1m) : Percentage.FromFraction((decimal)ReportedOnTime / Opportunities);

    /// <summary>Gets the overall stage conversion: converted ÷ entered summed over stages (0% when nothing entered).</summary>
    public Percentage Conversion
    {
        get
        {
            long entered = 0;
            long converted = 0;
            foreach (var stage in Stages)
            {
                entered += stage.Entered;
                converted += stage.Converted;
            }

            return entered == 0 ? Percentage.FromFraction(0m) : Percentage.FromFraction((decimal)converted / entered);
        }
    }

    /// <summary>Gets the conversion of one stage: converted ÷ entered (0% when nothing entered).</summary>
    /// <param name="stage">The stage's name (ordinal comparison).</param>
    /// <returns>The stage's conversion.</returns>
    /// <exception cref="KamValidationException">No counts were given for the stage.</exception>
    public Percentage ConversionOf(string stage)
    {
        foreach (var count in Stages)
        {
            if (string.Equals(count.Stage, stage, StringComparison.Ordinal))
            {
                return count.Entered == 0 ? Percentage.FromFraction(0m) : Percentage.FromFraction((decimal)count.Converted / count.Entered);
            }
        }

        throw new KamValidationException(nameof(stage), KamErrorCodes.Unknown, stage, "No counts were given for this stage.");
    }

    /// <summary>Gets the pipeline coverage of quota (pipeline ÷ quota).</summary>
    public Ratio Coverage => Ratio.Of(Pipeline, Quota);

    /// <summary>Gets the actual of a sales-process measure, in the unit the measure declares.</summary>
    /// <param name="measure">The measure.</param>
    /// <returns>The actual.</returns>
    /// <exception cref="KamValidationException"><paramref name="measure"/> is <see cref="SalesProcessMeasure.None"/> or undefined.</exception>
    internal IndicatorActual ActualOf(SalesProcessMeasure measure) => measure switch
    {
        SalesProcessMeasure.ProgressReportedOnTime => IndicatorActual.Of(ReportedOnTimeShare.Percent),
        SalesProcessMeasure.StageConversion => IndicatorActual.Of(Conversion.Percent),
        SalesProcessMeasure.PipelineCoverage => IndicatorActual.Of(Coverage.Fraction),
        _ => throw new KamValidationException(nameof(measure), KamErrorCodes.OutOfRange, measure.ToString(), "Not a sales-process measure."),
    };
}
