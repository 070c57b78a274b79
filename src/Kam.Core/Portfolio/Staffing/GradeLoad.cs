using System.Globalization;
using Kam.Core.Relationships.Activities;

namespace Kam.Core.Portfolio.Staffing;

/// <summary>
/// The work one account of a grade gives its key-account manager: the contact hours a month its contact standard asks
/// for, and optionally what a manager of accounts of that grade costs (rule book: accounts, contact standards; the
/// portfolio view, staffing).
/// </summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class GradeLoad
{
    /// <summary>The largest load or capacity in hours a month (the hours of a 31-day month).</summary>
    internal const decimal MaxHoursPerMonth = 744m;

    /// <summary>The largest cost of a manager a month.</summary>
    internal const decimal MaxCostPerMonth = 1_000_000_000m;

    /// <summary>Creates a load.</summary>
    /// <param name="grade">The grade or tier (ordinal text, for example <c>KA1</c>); not blank.</param>
    /// <param name="hoursPerMonth">The contact hours a month one account of the grade takes, 0 to 744.</param>
    /// <param name="costPerManagerMonth">What a manager of accounts of this grade costs a month, 0 to 1,000,000,000; <see langword="null"/> for the options' cost.</param>
    /// <exception cref="KamValidationException">The grade is blank, the hours are out of range, or the cost is negative, too large or has no currency; every problem is reported.</exception>
    public GradeLoad(string grade, decimal hoursPerMonth, Money? costPerManagerMonth = null)
    {
        var errors = new ValidationCollector();
        errors.Required("grade", grade);
        errors.InRange("hoursPerMonth", hoursPerMonth, 0m, MaxHoursPerMonth);
        CheckCost(errors, "costPerManagerMonth", costPerManagerMonth);
        errors.ThrowIfAny();
        Grade = grade;
        HoursPerMonth = hoursPerMonth;
        CostPerManagerMonth = costPerManagerMonth;
    }

    /// <summary>Gets the grade or tier.</summary>
    public string Grade { get; }

    /// <summary>Gets the contact hours a month one account of the grade takes.</summary>
    public decimal HoursPerMonth { get; }

    /// <summary>Gets what a manager of accounts of this grade costs a month, or <see langword="null"/> for the options' cost.</summary>
    public Money? CostPerManagerMonth { get; }

    /// <summary>
    /// Derives the load of every grade from contact standards: visits a month × hours a visit + calls a month × hours a
    /// call (a quarterly visit counts a third a month), rounded to 4 decimal places of an hour.
    /// </summary>
    /// <param name="standards">The contact standards.</param>
    /// <returns>One load per standard, in the standards' order, without a cost of its own.</returns>
    /// <example>The default <c>KA1</c> standard, 12 visits a quarter and 4 calls a month: 4 × 4 h + 4 × 0.5 h = 18 h a month.</example>
    public static IReadOnlyList<GradeLoad> FromStandards(ContactStandards standards)
    {
        ArgumentNullException.ThrowIfNull(standards);
        return Array.AsReadOnly(standards.Standards
            .Select(s => new GradeLoad(s.Grade, Math.Round((s.VisitsPerMonth * standards.HoursPerVisit) + (s.CallsPerMonth * standards.HoursPerCall), 4, MidpointRounding.AwayFromZero)))
            .ToArray());
    }

    /// <summary>Checks a cost a month: not negative, at most <see cref="MaxCostPerMonth"/>, in a currency.</summary>
    internal static void CheckCost(ValidationCollector errors, string path, Money? cost)
    {
        if (cost is not { } c)
        {
            return;
        }

        if (c.Currency == Currency.None)
        {
            errors.Add(path, KamErrorCodes.Required, c.Amount.ToString(CultureInfo.InvariantCulture), "A cost names its currency.");
        }
        else
        {
            errors.InRange(path, c.Amount, 0m, MaxCostPerMonth);
        }
    }
}
