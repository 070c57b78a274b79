namespace Kam.Core.Compensation;

/// <summary>
/// A target amount scaled by an appraisal grade: monthly performance pay (on the month's grade) or the year-end
/// bonus (on the annual grade).
/// </summary>
/// <remarks>
/// Performance pay is variable and small, checking attitude and process (call quality, visits, work log, lateness,
/// weekly report); the year-end bonus rests on the year's overall ability (rule book: docs/rules/performance-and-pay.md). A grade missing from
/// the factor table is an error when a statement is made. Immutable and thread-safe.
/// </remarks>
public sealed class ScaledPayComponent : PayComponent
{
    /// <summary>Creates the component.</summary>
    /// <param name="kind"><see cref="PayComponentKind.PerformancePay"/> (monthly) or <see cref="PayComponentKind.YearEndBonus"/> (year end).</param>
    /// <param name="name">The name.</param>
    /// <param name="target">The amount at factor 100% (per month for performance pay, per year for the bonus).</param>
    /// <param name="factors">The factor of each grade.</param>
    /// <exception cref="KamValidationException">The kind is not one of the two, or the name is blank.</exception>
    public ScaledPayComponent(PayComponentKind kind, string name, Money target, GradeFactors factors)
        : base(name, kind)
    {
        ArgumentNullException.ThrowIfNull(factors);
        if (kind is not (PayComponentKind.PerformancePay or PayComponentKind.YearEndBonus))
        {
            throw new KamValidationException(nameof(kind), KamErrorCodes.OutOfRange, kind.ToString(), "A grade-scaled component is performance pay or a year-end bonus.");
        }

        Target = target;
        Factors = factors;
        Rule = $"{Target} × factor of the {(Kind == PayComponentKind.YearEndBonus ? "annual" : "monthly")} appraisal grade ({Factors})";
    }

    /// <summary>Gets the amount at factor 100%.</summary>
    public Money Target { get; }

    /// <summary>Gets the factor of each grade.</summary>
    public GradeFactors Factors { get; }

    /// <inheritdoc />
    public override string Rule { get; }

    /// <inheritdoc />
    internal override void Validate(ValidationCollector errors, string path, Currency currency) =>
        CheckAmount(errors, $"{path}.target", Target, currency);
}
