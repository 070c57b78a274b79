using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>
/// Sales commission: a schedule applied to a basis (booked sales, gross profit or collected cash), paid monthly with
/// a year-end true-up, with clawback of canceled deals and an optional draw.
/// </summary>
/// <remarks>
/// <para>Each month pays <see cref="MonthlyAdvance"/> of the commission the schedule gives the month's basis (volume
/// bands and cap at 1/12). With <see cref="YearEndTrueUp"/>, the year-end statement pays the schedule on the
/// year's basis (full bands, annual quota) minus the commission already paid — the rule book's "pay monthly on cash
/// actually received, the rest at year end" (rule book: performance and pay, commission on collections). A negative true-up is not recovered (it pays 0).</para>
/// <para>A deal canceled or written off within <see cref="ClawbackWindowMonths"/> months of booking gives back, in
/// the month of cancellation, the commission paid on its credited basis at the effective rate of each month it was
/// paid; it leaves the year's basis. Immutable and thread-safe.</para>
/// </remarks>
public sealed class CommissionComponent : PayComponent
{
    /// <summary>Creates the component.</summary>
    /// <param name="name">The name.</param>
    /// <param name="basis">What commission is paid on.</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="monthlyAdvance">The share of each month's commission paid that month (100% pays it all).</param>
    /// <param name="yearEndTrueUp">Whether the year-end statement settles the year's commission.</param>
    /// <param name="clawbackWindowMonths">The clawback window in months after booking (0 = no clawback).</param>
    /// <param name="draw">The draw, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The name is blank, the basis undefined or the window negative.</exception>
    public CommissionComponent(string name, CommissionBasis basis, CommissionSchedule schedule, Percentage monthlyAdvance, bool yearEndTrueUp, int clawbackWindowMonths, DrawPolicy? draw = null)
        : base(name, PayComponentKind.Commission)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new ValidationCollector();
        if (!Enum.IsDefined(basis))
        {
            errors.Add(nameof(basis), KamErrorCodes.OutOfRange, basis, "Not a defined commission basis.");
        }

        errors.InRange(nameof(clawbackWindowMonths), clawbackWindowMonths, 0, 120);
        errors.ThrowIfAny();
        Basis = basis;
        Schedule = schedule;
        MonthlyAdvance = monthlyAdvance;
        YearEndTrueUp = yearEndTrueUp;
        ClawbackWindowMonths = clawbackWindowMonths;
        Draw = draw;
        Rule = string.Create(
            CultureInfo.InvariantCulture,
            $"{Schedule.Description} on {Basis}; {MonthlyAdvance} paid monthly{(YearEndTrueUp ? ", rest at year end" : string.Empty)}");
    }

    /// <summary>Gets what commission is paid on.</summary>
    public CommissionBasis Basis { get; }

    /// <summary>Gets the schedule.</summary>
    public CommissionSchedule Schedule { get; }

    /// <summary>Gets the share of each month's commission paid that month.</summary>
    public Percentage MonthlyAdvance { get; }

    /// <summary>Gets a value indicating whether the year-end statement settles the year's commission.</summary>
    public bool YearEndTrueUp { get; }

    /// <summary>Gets the clawback window in months after booking (0 = none).</summary>
    public int ClawbackWindowMonths { get; }

    /// <summary>Gets the draw, if any.</summary>
    public DrawPolicy? Draw { get; }

    /// <inheritdoc />
    public override string Rule { get; }

    /// <inheritdoc />
    internal override void Validate(ValidationCollector errors, string path, Currency currency)
    {
        if (Schedule.AnnualCap is { } cap && cap < 0m)
        {
            errors.Add($"{path}.schedule.annualCap", KamErrorCodes.OutOfRange, cap, "A cap must not be negative.");
        }

        if (Draw is { } draw)
        {
            CheckAmount(errors, $"{path}.draw.monthly", draw.Monthly, currency);
        }
    }
}
