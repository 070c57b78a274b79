namespace Kam.Core.Performance;

/// <summary>The inputs of one person's appraisal for one period: actuals per indicator and, optionally, sales-process facts.</summary>
/// <remarks>
/// Indicators whose <see cref="Indicator.Measure"/> is a sales-process measure read <see cref="SalesProcess"/> when it
/// is given; an actual in <see cref="Actuals"/> for the same indicator takes precedence. Immutable; the dictionary is
/// copied.
/// </remarks>
public sealed class AppraisalInput
{
    /// <summary>Creates the input.</summary>
    /// <param name="person">The person appraised.</param>
    /// <param name="period">The appraisal period.</param>
    /// <param name="actuals">Actuals by indicator identifier; copied.</param>
    /// <param name="salesProcess">Sales-process facts, or <see langword="null"/>.</param>
    public AppraisalInput(PersonId person, FiscalPeriod period, IReadOnlyDictionary<string, IndicatorActual> actuals, SalesProcessFacts? salesProcess = null)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        Person = person;
        Period = period;
        Actuals = new Dictionary<string, IndicatorActual>(actuals, StringComparer.Ordinal);
        SalesProcess = salesProcess;
    }

    /// <summary>Gets the person appraised.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the appraisal period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the actuals by indicator identifier.</summary>
    public IReadOnlyDictionary<string, IndicatorActual> Actuals { get; }

    /// <summary>Gets the sales-process facts, if any.</summary>
    public SalesProcessFacts? SalesProcess { get; }
}
