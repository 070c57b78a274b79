using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Retention;
using Kam.Core.Value.Serialization;

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

    /// <summary>
    /// Reads the options from JSON: <c>{ "economics": …, "retention": …, "fitting": { "maxIterations": 500, "gradientTolerance": 1e-9, "maxDegreeOfParallelism": 0 } }</c>,
    /// the first two in the format of their policy's own <c>FromJson</c>; every section and member optional (missing
    /// means the default); problems of every section reported together (paths such as <c>$.retention.retentionImprovement</c>).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or a section is invalid.</exception>
    public static ValueOptions FromJson(string json) => ValueOptionsJson.Read(json);

    /// <summary>Writes every section as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ValueOptionsJson.Write(this);
}
