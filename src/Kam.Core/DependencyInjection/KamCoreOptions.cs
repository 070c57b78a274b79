using Kam.Core.Compensation;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Staffing;
using Kam.Core.Stages;
using Kam.Core.Tiering;
using Kam.Core.Value;

namespace Kam.Core.DependencyInjection;

/// <summary>
/// Options of a Kam.Core installation: the settings shared by every engine, and the rule sets each engine uses.
/// Configured through <c>services.AddKamCore(options =&gt; …)</c> (the options pattern: <c>IOptions&lt;KamCoreOptions&gt;</c>).
/// </summary>
/// <remarks>
/// <para>
/// This is the one mutable type of Kam.Core, because the options pattern needs one: its properties are set by the
/// configure actions. What it holds are immutable rule sets (a <see cref="PayOptions"/>, a <c>TieringOptions</c>, …),
/// each valid from the moment it exists.
/// </para>
/// <para>
/// The options are bound once, when the first engine is resolved (or when the host starts: <c>AddKamCore</c> asks for
/// validation on start), checked by <see cref="Validate"/>, and the engines copy the rule sets when they are built.
/// Changing this object, or <c>IOptions&lt;KamCoreOptions&gt;.Value</c>, later changes nothing: the engines keep the
/// rules they were built with.
/// </para>
/// </remarks>
public sealed class KamCoreOptions
{
    /// <summary>Gets or sets the calendar month (1-12) in which fiscal years start. Default: 1 (January).</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    /// <summary>Gets or sets which calendar year names a fiscal year that does not start in January. Default: end year.</summary>
    public FiscalYearNaming FiscalYearNaming { get; set; } = FiscalYearNaming.EndYear;

    /// <summary>Gets or sets the ISO 4217 code of the currency reports use when the data does not say. Default: CNY.</summary>
    public string ReportingCurrency { get; set; } = "CNY";

    /// <summary>Gets or sets the options of appraisal and pay (roll-up rule, default scorecard and pay plan).</summary>
    public PayOptions Pay { get; set; } = PayOptions.Default;

    /// <summary>Gets or sets the rules of the account-economics and retention-economics engines.</summary>
    public ValueOptions Value { get; set; } = new();

    /// <summary>Gets or sets the stage machine's options: playbook, progress, anomaly and forecast policies.</summary>
    public StagesOptions Stages { get; set; } = new();

    /// <summary>Gets or sets the tiering policies (Pareto/ABC, RFM, scorecard, grading, relationship, selection, stability).</summary>
    public TieringOptions Tiering { get; set; } = new();

    /// <summary>Gets or sets the rules of the win/loss analysis (reason list, size bands, trend periods, time zone); the churn analysis reads its reason list.</summary>
    public WinLossOptions WinLoss { get; set; } = WinLossOptions.Default;

    /// <summary>Gets or sets the length of the periods the churn analysis counts over. Default: a half-year.</summary>
    public PeriodKind ChurnPeriod { get; set; } = PeriodKind.Half;

    /// <summary>Gets or sets the receivables policy (ageing buckets, DSO window, alert thresholds).</summary>
    public ReceivablesPolicy Receivables { get; set; } = ReceivablesPolicy.Default;

    /// <summary>Gets or sets the rules of the staffing plan (grade loads, manager capacity, new-account factor, costs).</summary>
    public StaffingOptions Staffing { get; set; } = StaffingOptions.Default;

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

        // Rule sets validate themselves when they are built; here only their presence is checked.
        errors.Required($"options.{nameof(Pay)}", Pay);
        errors.Required($"options.{nameof(Value)}", Value);

        errors.Required($"options.{nameof(Stages)}", Stages);

        errors.Required($"options.{nameof(Tiering)}", Tiering);
        errors.Required($"options.{nameof(WinLoss)}", WinLoss);
        if (!Enum.IsDefined(ChurnPeriod))
        {
            errors.Add($"options.{nameof(ChurnPeriod)}", KamErrorCodes.OutOfRange, ChurnPeriod, "Not a period length: Month, Quarter, Half or Year.");
        }

        errors.Required($"options.{nameof(Receivables)}", Receivables);
        errors.Required($"options.{nameof(Staffing)}", Staffing);

        return errors.Errors;
    }

    /// <summary>Builds the fiscal calendar these options describe.</summary>
    /// <returns>The fiscal calendar.</returns>
    /// <exception cref="KamValidationException">The fiscal-year options are invalid.</exception>
    public FiscalCalendar CreateFiscalCalendar() => new(FiscalYearStartMonth, FiscalYearNaming);
}
