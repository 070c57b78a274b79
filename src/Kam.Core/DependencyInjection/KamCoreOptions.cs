using Kam.Core.Stages;
using Kam.Core.Tiering;

namespace Kam.Core;

/// <summary>
/// Options of a Kam.Core installation: the settings shared by every engine, and the rule sets each engine uses.
/// Passed to <c>services.AddKamCore(options =&gt; …)</c>; every default comes from SPEC.md.
/// </summary>
/// <remarks>
/// The options are read once, when <c>AddKamCore</c> runs, validated (see <see cref="Validate"/>), and frozen into the
/// engines; changing the object afterwards has no effect on engines already registered.
/// </remarks>
public sealed class KamCoreOptions
{
    /// <summary>Gets or sets the calendar month (1-12) in which fiscal years start. Default: 1 (January).</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    /// <summary>Gets or sets which calendar year names a fiscal year that does not start in January. Default: end year.</summary>
    public FiscalYearNaming FiscalYearNaming { get; set; } = FiscalYearNaming.EndYear;

    /// <summary>Gets or sets the ISO 4217 code of the currency reports use when the data does not say. Default: CNY.</summary>
    public string ReportingCurrency { get; set; } = "CNY";

    /// <summary>Gets or sets the options of appraisal and pay (scorecard, roll-up rule, default pay plan).</summary>
    public Compensation.PayOptions Pay { get; set; } = new();

    /// <summary>Gets or sets the rules of the account-economics and retention-economics engines.</summary>
    public Value.ValueOptions Value { get; set; } = new();

    /// <summary>Gets or sets the stage machine's options: playbook, progress, anomaly and forecast policies (SPEC.md §1).</summary>
    public StagesOptions Stages { get; set; } = new();

    /// <summary>Gets or sets the tiering policies (Pareto/ABC, RFM, scorecard, grading, relationship, selection, stability).</summary>
    public TieringOptions Tiering { get; set; } = new();

    /// <summary>Checks every option and returns all problems found, each with its path under <c>options</c>.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<KamValidationError> Validate()
    {
        var errors = new ValidationCollector();
        errors.InRange($"options.{nameof(FiscalYearStartMonth)}", FiscalYearStartMonth, 1, 12);
        if (!Enum.IsDefined(FiscalYearNaming))
        {
            errors.Add($"options.{nameof(FiscalYearNaming)}", KamErrorCodes.OutOfRange, FiscalYearNaming, "Not a defined fiscal-year naming.");
        }

        if (!Currency.TryParse(ReportingCurrency, out _))
        {
            errors.Add($"options.{nameof(ReportingCurrency)}", KamErrorCodes.Unknown, ReportingCurrency, "Not a known ISO 4217 currency code.");
        }

        if (errors.Required($"options.{nameof(Pay)}", Pay))
        {
            Pay.Validate(errors, $"options.{nameof(Pay)}");
        }

        errors.Required($"options.{nameof(Value)}", Value);

        errors.Required($"options.{nameof(Stages)}", Stages);

        errors.Required($"options.{nameof(Tiering)}", Tiering);

        return errors.Errors;
    }

    /// <summary>Builds the fiscal calendar these options describe.</summary>
    /// <returns>The fiscal calendar.</returns>
    /// <exception cref="KamValidationException">The fiscal-year options are invalid.</exception>
    public FiscalCalendar CreateFiscalCalendar() => new(FiscalYearStartMonth, FiscalYearNaming);
}
