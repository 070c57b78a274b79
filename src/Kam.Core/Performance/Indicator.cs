namespace Kam.Core.Performance;

/// <summary>A scored indicator of a scorecard: an identifier, a weight inside its section, and the rule that scores its actual.</summary>
/// <remarks>
/// Immutable and valid from construction (identifier, name and rule present, measure defined); the
/// <see cref="Scorecard"/> that holds the indicator checks that identifiers are unique and weights sum to 100%.
/// </remarks>
public sealed class Indicator
{
    /// <summary>Creates an indicator.</summary>
    /// <param name="id">The identifier, unique in the scorecard (the key of the actual).</param>
    /// <param name="name">A readable name.</param>
    /// <param name="weight">The weight inside its section; the weights of a section's items sum to 100%.</param>
    /// <param name="rule">The scoring rule.</param>
    /// <param name="measure">Where the actual comes from: the host (<see cref="SalesProcessMeasure.None"/>) or the sales-process facts.</param>
    /// <exception cref="KamValidationException">The identifier or name is blank, the rule is missing or the measure undefined (paths <c>id</c>, <c>name</c>, <c>rule</c>, <c>measure</c>).</exception>
    public Indicator(string id, string name, Percentage weight, ScoringRule rule, SalesProcessMeasure measure = SalesProcessMeasure.None)
        : this(id, name, weight, rule, measure, validate: true)
    {
    }

    private Indicator(string id, string name, Percentage weight, ScoringRule rule, SalesProcessMeasure measure, bool validate)
    {
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("id", id);
            errors.Required("name", name);
            errors.Required("rule", rule);
            if (!Enum.IsDefined(measure))
            {
                errors.Add("measure", KamErrorCodes.OutOfRange, measure, "Not a defined sales-process measure.");
            }

            errors.ThrowIfAny();
        }

        Id = id;
        Name = name;
        Weight = weight;
        Rule = rule;
        Measure = measure;
    }

    /// <summary>Gets the identifier, unique in the scorecard (the key of the actual).</summary>
    public string Id { get; }

    /// <summary>Gets the readable name.</summary>
    public string Name { get; }

    /// <summary>Gets the weight inside its section.</summary>
    public Percentage Weight { get; }

    /// <summary>Gets the scoring rule.</summary>
    public ScoringRule Rule { get; }

    /// <summary>Gets where the actual comes from: the host (<see cref="SalesProcessMeasure.None"/>) or the sales-process facts.</summary>
    public SalesProcessMeasure Measure { get; }

    /// <summary>An indicator the rule file reader builds before the scorecard checks it, with paths in the file.</summary>
    internal static Indicator Unchecked(string id, string name, Percentage weight, ScoringRule rule, SalesProcessMeasure measure) => new(id, name, weight, rule, measure, validate: false);
}
