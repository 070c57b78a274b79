namespace Kam.Core.Tiering;

/// <summary>
/// One tier of a policy: its name, what it means or implies (the action of an opportunity grade, for example), and
/// the services an account in it receives. Tiers are data: a policy lists them best first.
/// </summary>
/// <remarks>Immutable; equality is structural. Names are compared ordinally and must be unique within a policy.</remarks>
/// <param name="Name">The tier's name, for example "A" or "Key account".</param>
/// <param name="Description">What the tier means or which action it implies, or <see langword="null"/>.</param>
/// <param name="Services">What an account in the tier receives, or <see langword="null"/> when the policy says nothing.</param>
public sealed record TierDefinition(string Name, string? Description = null, TierServices? Services = null)
{
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
