namespace Kam.Core.Tiering;

/// <summary>
/// One tier of a policy: its name, what it means or implies (the action of an opportunity grade, for example), and
/// the services an account in it receives. Tiers are data: a policy lists them best first.
/// </summary>
/// <remarks>Immutable and valid from construction. Names are compared ordinally and must be unique within a policy.</remarks>
public sealed class TierDefinition
{
    /// <summary>Creates a tier.</summary>
    /// <param name="name">The tier's name, for example "A" or "Key account".</param>
    /// <param name="description">What the tier means or which action it implies, or <see langword="null"/>.</param>
    /// <param name="services">What an account in the tier receives, or <see langword="null"/> when the policy says nothing.</param>
    /// <exception cref="KamValidationException">The name is blank.</exception>
    public TierDefinition(string name, string? description = null, TierServices? services = null)
        : this(name, description, services, validate: true)
    {
    }

    private TierDefinition(string name, string? description, TierServices? services, bool validate)
    {
        Name = name;
        Description = description;
        Services = services;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("name", name);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the tier's name.</summary>
    public string Name { get; }

    /// <summary>Gets what the tier means or which action it implies, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Gets what an account in the tier receives, or <see langword="null"/> when the policy says nothing.</summary>
    public TierServices? Services { get; }

    /// <summary>Builds a tier as read from a file, unvalidated: the policy that holds it validates it with full paths.</summary>
    internal static TierDefinition Unchecked(string name, string? description, TierServices? services) => new(name, description, services, validate: false);

    internal static void ValidateList(ValidationCollector errors, string path, IReadOnlyList<TierDefinition>? tiers, int minimum)
    {
        if (!errors.Required(path, tiers))
        {
            return;
        }

        if (tiers!.Count < minimum)
        {
            errors.Add(path, KamErrorCodes.Empty, tiers.Count, $"At least {minimum} tiers are needed.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (!errors.Required($"{path}[{i}]", tier))
            {
                continue;
            }

            if (errors.Required($"{path}[{i}].name", tier.Name) && !names.Add(tier.Name))
            {
                errors.Add($"{path}[{i}].name", KamErrorCodes.Duplicate, tier.Name, "Tier names must be unique.");
            }

            tier.Services?.Validate(errors, $"{path}[{i}].services");
        }
    }
}
