using System.Collections.ObjectModel;

namespace Kam.Core.Relationships.Activities;

/// <summary>
/// The contact standards of every grade, with the hours a visit and a call take and a manager's monthly contact
/// capacity, which the capacity check sets against the standards (rule book: accounts, contact standards). The
/// defaults are documented in docs/relationships.md.
/// </summary>
/// <remarks>Immutable and valid from construction; every problem is reported at once, with paths relative to the rule set (<c>standards[2].visits</c>).</remarks>
public sealed class ContactStandards
{
    private readonly Dictionary<string, ContactStandard> _byGrade;

    /// <summary>Creates the rule set.</summary>
    /// <param name="standards">One standard per grade (copied); <see langword="null"/> for the defaults (<see cref="DefaultStandards"/>).</param>
    /// <param name="hoursPerVisit">The hours a visit takes, travel included, above 0 and at most 100; default 4.</param>
    /// <param name="hoursPerCall">The hours a call takes, above 0 and at most 100; default 0.5.</param>
    /// <param name="capacityHoursPerMonth">The contact hours a manager has in a month, above 0 and at most 744; default 56 (a third of a 168-hour month).</param>
    /// <exception cref="KamValidationException">A standard is missing, a grade is listed twice, or an amount of hours is out of range; every problem is reported.</exception>
    public ContactStandards(IReadOnlyList<ContactStandard>? standards = null, decimal hoursPerVisit = 4m, decimal hoursPerCall = 0.5m, decimal capacityHoursPerMonth = 56m)
    {
        var errors = new ValidationCollector();
        var copy = (standards ?? DefaultStandards).ToArray();
        var byGrade = new Dictionary<string, ContactStandard>(StringComparer.Ordinal);
        if (copy.Length == 0)
        {
            errors.Add("standards", KamErrorCodes.Empty, null, "At least one standard is required.");
        }

        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                errors.Add($"standards[{i}]", KamErrorCodes.Required, null, "A standard is required.");
            }
            else if (!byGrade.TryAdd(copy[i].Grade, copy[i]))
            {
                errors.Add($"standards[{i}].grade", KamErrorCodes.Duplicate, copy[i].Grade, "This grade already has a standard.");
            }
        }

        Hours(errors, "hoursPerVisit", hoursPerVisit, 100m);
        Hours(errors, "hoursPerCall", hoursPerCall, 100m);
        Hours(errors, "capacityHoursPerMonth", capacityHoursPerMonth, 744m);
        errors.ThrowIfAny();
        _byGrade = byGrade;
        Standards = Array.AsReadOnly(copy);
        HoursPerVisit = hoursPerVisit;
        HoursPerCall = hoursPerCall;
        CapacityHoursPerMonth = capacityHoursPerMonth;
    }

    /// <summary>
    /// Gets the default standards: commercial grades <c>A+</c> and <c>A</c> (1,500-3,000 a month in spend) one visit a
    /// quarter and one call a month; the six key-account grades <c>KA6</c> (the lowest, 3,000-10,000 a month: two visits
    /// a quarter and one call a month) up to <c>KA1</c>: 2, 3, 4, 6, 8 and 12 visits a quarter and 1, 1, 2, 2, 4 and 4
    /// calls a month (the figures above <c>KA6</c> are ours).
    /// </summary>
    public static IReadOnlyList<ContactStandard> DefaultStandards { get; } = new ReadOnlyCollection<ContactStandard>(
    [
        new("KA1", 12, PeriodKind.Quarter, 4, PeriodKind.Month),
        new("KA2", 8, PeriodKind.Quarter, 4, PeriodKind.Month),
        new("KA3", 6, PeriodKind.Quarter, 2, PeriodKind.Month),
        new("KA4", 4, PeriodKind.Quarter, 2, PeriodKind.Month),
        new("KA5", 3, PeriodKind.Quarter, 1, PeriodKind.Month),
        new("KA6", 2, PeriodKind.Quarter, 1, PeriodKind.Month),
        new("A+", 1, PeriodKind.Quarter, 1, PeriodKind.Month),
        new("A", 1, PeriodKind.Quarter, 1, PeriodKind.Month),
    ]);

    /// <summary>Gets the rule set with every default.</summary>
    public static ContactStandards Default { get; } = new();

    /// <summary>Gets the standards, in the order given.</summary>
    public IReadOnlyList<ContactStandard> Standards { get; }

    /// <summary>Gets the hours a visit takes.</summary>
    public decimal HoursPerVisit { get; }

    /// <summary>Gets the hours a call takes.</summary>
    public decimal HoursPerCall { get; }

    /// <summary>Gets the contact hours a manager has in a month, unless the host gives a manager's own.</summary>
    public decimal CapacityHoursPerMonth { get; }

    /// <summary>Gets the standard of a grade.</summary>
    /// <param name="grade">The grade (ordinal).</param>
    /// <param name="standard">The standard.</param>
    /// <returns><see langword="true"/> when the grade has a standard.</returns>
    public bool TryGet(string grade, out ContactStandard standard) => _byGrade.TryGetValue(grade, out standard!);

    /// <summary>Reads the rule set from JSON (the format and defaults are in docs/relationships.md; its schema in docs/schemas/contact-standards.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated rule set.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the rules invalid; paths are JSON paths (<c>$.standards[2].visits</c>).</exception>
    public static ContactStandards FromJson(string json) => Serialization.ActivitiesJson.ReadStandards(json);

    /// <summary>Writes the rule set as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.ActivitiesJson.Write(this);

    private static void Hours(ValidationCollector errors, string path, decimal value, decimal max)
    {
        if (value <= 0m || value > max)
        {
            errors.Add(path, KamErrorCodes.OutOfRange, value, $"Must be above 0 and at most {ValidationCollector.Render(max)} hours.");
        }
    }
}
