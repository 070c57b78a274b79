using Kam.Core.Value.Economics;
using Kam.Core.Value.Retention;

namespace Kam.Core.Value;

/// <summary>
/// The <c>Value</c> section of <see cref="Kam.Core.DependencyInjection.KamCoreOptions"/>: the rules of the account-economics and
/// retention-economics engines (the customer-base models take no options).
/// </summary>
/// <remarks>
/// Both policies are validated when built, so only a missing one can be wrong here; <see cref="Validate"/> reports it
/// under <c>options.Value....</c>. Each policy also reads from JSON (<see cref="AccountEconomicsPolicy.FromJson"/>,
/// <see cref="RetentionPolicy.FromJson"/>). The options are read once, by <c>AddKamCore</c>.
/// </remarks>
public sealed class ValueOptions
{
    /// <summary>Gets or sets the profitability rules (volume-discount schedule). Default: <see cref="AccountEconomicsPolicy.Default"/>.</summary>
    public AccountEconomicsPolicy Economics { get; set; } = AccountEconomicsPolicy.Default;

    /// <summary>Gets or sets the retention figures (cost ratio 6, improvement 5 points). Default: <see cref="RetentionPolicy.Default"/>.</summary>
    public RetentionPolicy Retention { get; set; } = RetentionPolicy.Default;

    /// <summary>Checks the options and returns every problem found.</summary>
    /// <param name="path">The path of this section, for example <c>options.Value</c>.</param>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<KamValidationError> Validate(string path)
    {
        var errors = new ValidationCollector();
        errors.Required($"{path}.{nameof(Economics)}", Economics);
        errors.Required($"{path}.{nameof(Retention)}", Retention);
        return errors.Errors;
    }
}
