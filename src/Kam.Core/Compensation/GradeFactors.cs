using System.Collections.ObjectModel;

namespace Kam.Core.Compensation;

/// <summary>The factor an appraisal grade applies to a target amount (A → 120%, B → 100%, C → 60%, D → 0% by default).</summary>
/// <remarks>Grades are compared ordinally. The defaults are this library's; the rule book says only that performance pay and year-end bonus are variable. Immutable; the dictionary is copied.</remarks>
public sealed class GradeFactors
{
    /// <summary>Creates the table.</summary>
    /// <param name="factors">The factor of each grade; at least one; copied.</param>
    /// <exception cref="KamValidationException">The table is empty or a grade is blank.</exception>
    public GradeFactors(IReadOnlyDictionary<string, Ratio> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var errors = new ValidationCollector();
        if (factors.Count == 0)
        {
            errors.Add("factors", KamErrorCodes.Empty, null, "At least one grade factor is needed.");
        }

        foreach (var grade in factors.Keys)
        {
            errors.Required("factors", grade);
        }

        errors.ThrowIfAny();
        Factors = new ReadOnlyDictionary<string, Ratio>(new Dictionary<string, Ratio>(factors, StringComparer.Ordinal));
        NeutralGrade = Factors.Where(f => f.Value.Fraction == 1m).Select(f => f.Key).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Gets the default table: A 120%, B 100%, C 60%, D 0%.</summary>
    public static GradeFactors Default { get; } = new(new Dictionary<string, Ratio>(StringComparer.Ordinal)
    {
        ["A"] = Ratio.FromPercent(120m),
        ["B"] = Ratio.FromPercent(100m),
        ["C"] = Ratio.FromPercent(60m),
        ["D"] = Ratio.Zero,
    });

    /// <summary>Gets the factor of each grade.</summary>
    public IReadOnlyDictionary<string, Ratio> Factors { get; }

    /// <summary>
    /// Gets the neutral grade: the grade whose factor is 100% (the lowest in ordinal order when several are), which
    /// pays exactly the target. A host uses it when no appraisal grade is given (B in the default table), or
    /// <see langword="null"/> when no grade has the factor 100%.
    /// </summary>
    public string? NeutralGrade { get; }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Factors.Select(f => $"{f.Key} {f.Value}"));
}
