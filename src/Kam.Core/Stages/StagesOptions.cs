using NodaTime;

namespace Kam.Core.Stages;

/// <summary>
/// The <c>Stages</c> section of <see cref="Kam.Core.DependencyInjection.KamCoreOptions"/>: the playbook, the progress-comparison policy, the
/// anomaly and forecast policies, and the time zone in which "today" is judged.
/// </summary>
/// <remarks>
/// Every default comes from SPEC.md §1 (the playbook and its probabilities) or is documented as a convention on its
/// policy. The options are read once by <c>AddKamCore</c>; changing them later has no effect on registered engines.
/// A playbook is already valid when it exists; the policies are checked by <see cref="Validate"/>.
/// </remarks>
public sealed class StagesOptions
{
    /// <summary>Gets or sets the playbook. Default: <see cref="Playbook.Default"/>.</summary>
    public Playbook Playbook { get; set; } = Playbook.Default;

    /// <summary>Gets or sets the progress-comparison policy. Default: <see cref="ProgressPolicy.Default"/>.</summary>
    public ProgressPolicy Progress { get; set; } = ProgressPolicy.Default;

    /// <summary>Gets or sets the anomaly policy. Default: <see cref="AnomalyPolicy.Default"/>.</summary>
    public AnomalyPolicy Anomalies { get; set; } = AnomalyPolicy.Default;

    /// <summary>Gets or sets the forecast policy. Default: <see cref="ForecastPolicy.Default"/>.</summary>
    public ForecastPolicy Forecast { get; set; } = ForecastPolicy.Default;

    /// <summary>Gets or sets the time zone in which an instant's date is taken (expected-close checks). Default: UTC.</summary>
    public DateTimeZone TimeZone { get; set; } = DateTimeZone.Utc;

    /// <summary>Checks every option and returns all problems found.</summary>
    /// <param name="path">The path of this section, for example <c>options.Stages</c>.</param>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<KamValidationError> Validate(string path)
    {
        var errors = new ValidationCollector();
        errors.Required(path + "." + nameof(Playbook), Playbook);
        errors.Required(path + "." + nameof(TimeZone), TimeZone);
        if (errors.Required(path + "." + nameof(Progress), Progress))
        {
            errors.AddRange(Progress.Validate(path + "." + nameof(Progress)));
        }

        if (errors.Required(path + "." + nameof(Anomalies), Anomalies))
        {
            errors.AddRange(Anomalies.Validate(path + "." + nameof(Anomalies)));
        }

        if (errors.Required(path + "." + nameof(Forecast), Forecast))
        {
            errors.AddRange(Forecast.Validate(path + "." + nameof(Forecast)));
        }

        return errors.Errors;
    }
}
