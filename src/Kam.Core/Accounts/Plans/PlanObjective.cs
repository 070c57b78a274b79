namespace Kam.Core.Accounts.Plans;

/// <summary>An objective of a <see cref="KeyAccountPlan"/>, with the measurable targets that say when it is met (rule book: targets).</summary>
/// <remarks>Immutable and validated when created.</remarks>
public sealed class PlanObjective
{
    /// <summary>Creates an objective.</summary>
    /// <param name="key">The key actions and project plans name the objective by; not blank.</param>
    /// <param name="description">What the objective is, for people; not blank.</param>
    /// <param name="targets">Its measurable targets (copied); at most one per measure and period.</param>
    /// <exception cref="KamValidationException">The key or description is blank, a target is missing or repeated.</exception>
    public PlanObjective(string key, string description, IReadOnlyList<ObjectiveTarget>? targets = null)
    {
        var errors = new ValidationCollector();
        errors.Required("key", key);
        errors.Required("description", description);
        var list = PlanRules.Parts(errors, "targets", targets);
        var seen = new HashSet<(string, FiscalPeriod)>();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is { } t && !seen.Add((t.Measure, t.Period)))
            {
                errors.Add($"targets[{i}]", KamErrorCodes.Duplicate, $"{t.Measure} {t.Period}", "Another target of the objective has the same measure and period.");
            }
        }

        errors.ThrowIfAny();
        Key = key;
        Description = description;
        Targets = Array.AsReadOnly(list);
    }

    /// <summary>Gets the objective's key.</summary>
    public string Key { get; }

    /// <summary>Gets what the objective is.</summary>
    public string Description { get; }

    /// <summary>Gets the measurable targets, in the order given.</summary>
    public IReadOnlyList<ObjectiveTarget> Targets { get; }
}
