using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Retention;

namespace Kam.Core.Value;

/// <summary>
/// The <c>Value</c> section of <see cref="Kam.Core.DependencyInjection.KamCoreOptions"/>: the rules of the account-economics and
/// retention-economics engines and the settings of the customer-base model fitter.
/// </summary>
/// <remarks>
/// Each part is valid from the moment it exists, so the options are too; they are immutable. Each policy also reads
/// from JSON (<see cref="AccountEconomicsPolicy.FromJson"/>, <see cref="RetentionPolicy.FromJson"/>).
/// </remarks>
public sealed class ValueOptions
{
    /// <summary>Creates the options; every argument is optional and defaults to the documented value.</summary>
    /// <param name="economics">The profitability rules (volume-discount schedule). Default: <see cref="AccountEconomicsPolicy.Default"/>.</param>
    /// <param name="retention">The retention figures (cost ratio 6, improvement 5 points). Default: <see cref="RetentionPolicy.Default"/>.</param>
    /// <param name="fitting">How the customer-base models are fitted. Default: <see cref="FitSettings.Default"/>.</param>
    public ValueOptions(AccountEconomicsPolicy? economics = null, RetentionPolicy? retention = null, FitSettings? fitting = null)
    {
        Economics = economics ?? AccountEconomicsPolicy.Default;
        Retention = retention ?? RetentionPolicy.Default;
        Fitting = fitting ?? FitSettings.Default;
    }

    /// <summary>Gets the default options.</summary>
    public static ValueOptions Default { get; } = new();

    /// <summary>Gets the profitability rules (volume-discount schedule). Default: <see cref="AccountEconomicsPolicy.Default"/>.</summary>
    public AccountEconomicsPolicy Economics { get; }

    /// <summary>Gets the retention figures (cost ratio 6, improvement 5 points). Default: <see cref="RetentionPolicy.Default"/>.</summary>
    public RetentionPolicy Retention { get; }

    /// <summary>Gets how the customer-base models are fitted. Default: <see cref="FitSettings.Default"/>.</summary>
    public FitSettings Fitting { get; }
}
