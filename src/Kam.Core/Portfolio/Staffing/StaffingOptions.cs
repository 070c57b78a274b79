using System.Collections.ObjectModel;
using Kam.Core.Relationships.Activities;

namespace Kam.Core.Portfolio.Staffing;

/// <summary>
/// The rules of the staffing plan: the load of every account grade, a manager's contact hours a month, the extra work a
/// new account gives at first, the cost of a manager and the length of the plan's periods (rule book: the portfolio
/// view, staffing). The defaults are documented in docs/staffing.md.
/// </summary>
/// <remarks>
/// Immutable and valid from construction; every problem is reported at once, with paths relative to the options
/// (<c>loads[2].hoursPerMonth</c>). <see cref="Default"/>: the loads of the default contact standards
/// (<see cref="ContactStandards.Default"/>), 56 contact hours a manager a month, a new account twice the work of an
/// established one in its first period, no cost, quarters.
/// </remarks>
public sealed class StaffingOptions
{
    private readonly Dictionary<string, GradeLoad> _byGrade;

    /// <summary>Creates the options.</summary>
    /// <param name="loads">One load per grade (copied); <see langword="null"/> for the loads of <see cref="ContactStandards.Default"/> (<see cref="GradeLoad.FromStandards"/>).</param>
    /// <param name="capacityHoursPerMonth">The contact hours a manager of standard quality has in a month, above 0 and at most 744; default 56 (a third of a 168-hour month).</param>
    /// <param name="newAccountFactor">How many times an established account's load a new account takes in its first period, 1 to 10; default 2.</param>
    /// <param name="costPerManagerMonth">What a manager costs a month, 0 to 1,000,000,000 (a grade's own cost takes precedence); <see langword="null"/> for no costing unless every grade has a cost.</param>
    /// <param name="period">The length of the plan's periods (it turns a month's cost into a period's); default a quarter.</param>
    /// <exception cref="KamValidationException">
    /// No load is given, a grade is listed twice, the capacity is zero, negative or above 744 hours, the new-account
    /// factor is out of range, a cost is out of range or the costs are in different currencies, or the period is not
    /// defined; every problem is reported.
    /// </exception>
    public StaffingOptions(IReadOnlyList<GradeLoad>? loads = null, decimal capacityHoursPerMonth = 56m, decimal newAccountFactor = 2m, Money? costPerManagerMonth = null, PeriodKind period = PeriodKind.Quarter)
    {
        var errors = new ValidationCollector();
        var copy = (loads ?? GradeLoad.FromStandards(ContactStandards.Default)).ToArray();
        var byGrade = new Dictionary<string, GradeLoad>(StringComparer.Ordinal);
        if (copy.Length == 0)
        {
            errors.Add("loads", KamErrorCodes.Empty, null, "At least one grade's load is required.");
        }

        Currency? currency = costPerManagerMonth?.Currency;
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is not { } load)
            {
                errors.Add($"loads[{i}]", KamErrorCodes.Required, null, "A load is required.");
                continue;
            }

            if (!byGrade.TryAdd(load.Grade, load))
            {
                errors.Add($"loads[{i}].grade", KamErrorCodes.Duplicate, load.Grade, "This grade already has a load.");
            }

            if (load.CostPerManagerMonth is { } cost && (currency ??= cost.Currency) != cost.Currency)
            {
                errors.Add($"loads[{i}].costPerManagerMonth", KamErrorCodes.CurrencyMismatch, cost.Currency.Code, $"Every cost is in one currency ({currency.Value.Code}).");
            }
        }

        if (capacityHoursPerMonth <= 0m || capacityHoursPerMonth > GradeLoad.MaxHoursPerMonth)
        {
            errors.Add("capacityHoursPerMonth", KamErrorCodes.OutOfRange, capacityHoursPerMonth, "A manager's contact hours a month are above 0 and at most 744.");
        }

        errors.InRange("newAccountFactor", newAccountFactor, 1m, 10m);
        GradeLoad.CheckCost(errors, "costPerManagerMonth", costPerManagerMonth);
        if (!Enum.IsDefined(period))
        {
            errors.Add("period", KamErrorCodes.OutOfRange, period, "Not a period length: Month, Quarter, Half or Year.");
        }

        errors.ThrowIfAny();
        _byGrade = byGrade;
        Loads = new ReadOnlyCollection<GradeLoad>(copy);
        CapacityHoursPerMonth = capacityHoursPerMonth;
        NewAccountFactor = newAccountFactor;
        CostPerManagerMonth = costPerManagerMonth;
        Period = period;
        Currency = currency;
    }

    /// <summary>Gets the options with every default.</summary>
    public static StaffingOptions Default { get; } = new();

    /// <summary>Gets the load of every grade, in the order given.</summary>
    public IReadOnlyList<GradeLoad> Loads { get; }

    /// <summary>Gets the contact hours a manager of standard quality has in a month.</summary>
    public decimal CapacityHoursPerMonth { get; }

    /// <summary>Gets how many times an established account's load a new account takes in its first period.</summary>
    public decimal NewAccountFactor { get; }

    /// <summary>Gets what a manager costs a month when the grade has no cost of its own, or <see langword="null"/>.</summary>
    public Money? CostPerManagerMonth { get; }

    /// <summary>Gets the length of the plan's periods.</summary>
    public PeriodKind Period { get; }

    /// <summary>Gets the currency of the costs, or <see langword="null"/> when no cost is given.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets the load of a grade.</summary>
    /// <param name="grade">The grade (ordinal).</param>
    /// <param name="load">The load.</param>
    /// <returns><see langword="true"/> when the grade has a load.</returns>
    public bool TryGetLoad(string grade, out GradeLoad load) => _byGrade.TryGetValue(grade, out load!);

    /// <summary>Reads options from JSON (the format and defaults are in docs/staffing.md; its schema in docs/schemas/staffing-options.schema.json); every member is optional.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the options invalid; paths are JSON paths (<c>$.loads[1].hoursPerMonth</c>).</exception>
    public static StaffingOptions FromJson(string json) => Serialization.StaffingJson.Read(json);

    /// <summary>Writes the options as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.StaffingJson.Write(this);

    /// <summary>Gets the cost a month of a manager of a grade's accounts, or <see langword="null"/>.</summary>
    internal Money? CostOf(GradeLoad load) => load.CostPerManagerMonth ?? CostPerManagerMonth;

    /// <summary>Tells whether two option sets plan alike, so that their plans can be merged.</summary>
    internal bool SameRules(StaffingOptions other) =>
        ReferenceEquals(this, other)
        || (CapacityHoursPerMonth == other.CapacityHoursPerMonth && NewAccountFactor == other.NewAccountFactor && Period == other.Period
            && Nullable.Equals(CostPerManagerMonth, other.CostPerManagerMonth) && Loads.Count == other.Loads.Count
            && Loads.Zip(other.Loads).All(p => p.First.Grade == p.Second.Grade && p.First.HoursPerMonth == p.Second.HoursPerMonth && Nullable.Equals(p.First.CostPerManagerMonth, p.Second.CostPerManagerMonth)));
}
