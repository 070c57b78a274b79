using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Serialization;

namespace Kam.Core.Stages;

/// <summary>
/// The <c>Stages</c> section of <see cref="Kam.Core.DependencyInjection.KamCoreOptions"/>: the playbook, the progress-comparison policy, the
/// anomaly and forecast policies, and the time zone in which "today" is judged.
/// </summary>
/// <remarks>
/// Every default comes from the rule book (the playbook and its probabilities) or is documented as a convention on
/// its policy. Each part is valid from the moment it exists, so the options are too; they are immutable, and an
/// engine built on them (<see cref="PipelineAnalyzer"/>) keeps them as they are.
/// </remarks>
public sealed class StagesOptions
{
    /// <summary>Creates the options; every argument is optional and defaults to the documented value.</summary>
    /// <param name="playbook">The playbook. Default: <see cref="Playbook.Default"/>.</param>
    /// <param name="progress">The progress-comparison policy. Default: <see cref="ProgressPolicy.Default"/>.</param>
    /// <param name="anomalies">The anomaly policy. Default: <see cref="AnomalyPolicy.Default"/>.</param>
    /// <param name="forecast">The forecast policy. Default: <see cref="ForecastPolicy.Default"/>.</param>
    /// <param name="timeZone">The time zone in which an instant's date is taken (expected-close checks). Default: UTC.</param>
    public StagesOptions(Playbook? playbook = null, ProgressPolicy? progress = null, AnomalyPolicy? anomalies = null, ForecastPolicy? forecast = null, DateTimeZone? timeZone = null)
    {
        Playbook = playbook ?? Playbook.Default;
        Progress = progress ?? ProgressPolicy.Default;
        Anomalies = anomalies ?? AnomalyPolicy.Default;
        Forecast = forecast ?? ForecastPolicy.Default;
        TimeZone = timeZone ?? DateTimeZone.Utc;
    }

    /// <summary>Gets the default options.</summary>
    public static StagesOptions Default { get; } = new();

    /// <summary>Gets the playbook. Default: <see cref="Playbook.Default"/>.</summary>
    public Playbook Playbook { get; }

    /// <summary>Gets the progress-comparison policy. Default: <see cref="ProgressPolicy.Default"/>.</summary>
    public ProgressPolicy Progress { get; }

    /// <summary>Gets the anomaly policy. Default: <see cref="AnomalyPolicy.Default"/>.</summary>
    public AnomalyPolicy Anomalies { get; }

    /// <summary>Gets the forecast policy. Default: <see cref="ForecastPolicy.Default"/>.</summary>
    public ForecastPolicy Forecast { get; }

    /// <summary>Gets the time zone in which an instant's date is taken (expected-close checks). Default: UTC.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>
    /// Reads the options from JSON: <c>{ "playbook": …, "progress": …, "anomalies": …, "forecast": …, "timeZone": "Asia/Shanghai" }</c>,
    /// each section in the format of its part's own <c>FromJson</c> and optional (a missing section is the default);
    /// problems of every section are reported together, with paths such as <c>$.anomalies.maxDaysInStage</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated options.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or a section is invalid.</exception>
    public static StagesOptions FromJson(string json) => StagesPoliciesJson.ReadOptions(json);

    /// <summary>Writes every section as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => StagesPoliciesJson.Write(this);
}
