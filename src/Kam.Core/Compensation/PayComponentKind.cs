using System.Text.Json.Serialization;

namespace Kam.Core.Compensation;

/// <summary>The kinds of pay component of the rule book's pay structure (rule book: docs/rules/performance-and-pay.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayComponentKind>))]
public enum PayComponentKind
{
    /// <summary>Base salary: fixed, monthly.</summary>
    BaseSalary = 0,

    /// <summary>Performance pay: a monthly target scaled by the month's appraisal grade.</summary>
    PerformancePay = 1,

    /// <summary>Sales commission on a basis by a schedule.</summary>
    Commission = 2,

    /// <summary>Year-end bonus: a target scaled by the annual appraisal grade.</summary>
    YearEndBonus = 3,

    /// <summary>Department or team bonus at year end: a target scaled by the team's attainment.</summary>
    TeamBonus = 4,

    /// <summary>Uniform benefits: fixed, monthly.</summary>
    UniformBenefits = 5,

    /// <summary>Allowance (travel, phone): fixed, monthly.</summary>
    Allowance = 6,
}
