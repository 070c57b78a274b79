using Kam.Core.Accounts.Serialization;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// The rules of attainment, forecast and gap (rule book: accounts, targets; stages, win probabilities): which measure
/// won opportunities book to, the win probability each completed stage earns, how the run rate projects a period,
/// where overdue open opportunities count, and how the bookings forecast is made.
/// </summary>
/// <remarks>
/// Valid from the moment it exists (the constructor checks every argument), immutable and thread-safe. Load from
/// JSON with <see cref="FromJson"/>; every member of the file is optional and defaults as below.
/// </remarks>
public sealed class AttainmentPolicy
{
    /// <summary>Creates a policy; every argument is optional and defaults to the documented value.</summary>
    /// <param name="bookingsMeasure">The key of the money measure won opportunities book to. Default <c>bookings</c>.</param>
    /// <param name="probabilities">The win probability earned by each completed stage. Default: <see cref="WinProbabilityTable.Default"/> (10, 20, 25, 30, 50, 75, 90, 100%).</param>
    /// <param name="runRate">How the run-rate projection is made. Default: <see cref="RunRateMethod.ElapsedDays"/>.</param>
    /// <param name="overdueInCurrentPeriod">Whether an open opportunity whose expected close is before the as-of day counts in the pipeline of the as-of day's month (<see langword="true"/>, the default) or is left out of the pipeline; either way it is counted as overdue.</param>
    /// <param name="forecast">How the bookings forecast is made. Default: <see cref="ForecastMethod.ActualPlusWeightedPipeline"/>.</param>
    /// <exception cref="KamValidationException">The measure key is blank, or a method is not defined; every problem is reported.</exception>
    public AttainmentPolicy(
        string bookingsMeasure = "bookings",
        WinProbabilityTable? probabilities = null,
        RunRateMethod runRate = RunRateMethod.ElapsedDays,
        bool overdueInCurrentPeriod = true,
        ForecastMethod forecast = ForecastMethod.ActualPlusWeightedPipeline)
    {
        var errors = new ValidationCollector();
        errors.Required("bookingsMeasure", bookingsMeasure);
        Checks.Defined(errors, "runRate", runRate);
        Checks.Defined(errors, "forecast", forecast);
        errors.ThrowIfAny();
        BookingsMeasure = bookingsMeasure;
        Probabilities = probabilities ?? WinProbabilityTable.Default;
        RunRate = runRate;
        OverdueInCurrentPeriod = overdueInCurrentPeriod;
        Forecast = forecast;
    }

    /// <summary>Gets the default policy.</summary>
    public static AttainmentPolicy Default { get; } = new();

    /// <summary>Gets the key of the money measure won opportunities book to. Default <c>bookings</c>.</summary>
    public string BookingsMeasure { get; }

    /// <summary>Gets the win probability earned by each completed stage.</summary>
    public WinProbabilityTable Probabilities { get; }

    /// <summary>Gets how the run-rate projection is made.</summary>
    public RunRateMethod RunRate { get; }

    /// <summary>Gets whether overdue open opportunities count in the pipeline of the as-of day's month (otherwise they are left out of it).</summary>
    public bool OverdueInCurrentPeriod { get; }

    /// <summary>Gets how the bookings forecast is made.</summary>
    public ForecastMethod Forecast { get; }

    /// <summary>Reads a policy from JSON (the format is in docs/accounts.md); every member is optional.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy invalid; paths are JSON paths (<c>$.probabilities[3]</c>).</exception>
    public static AttainmentPolicy FromJson(string json) => AttainmentPolicyJson.Read(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back (every member written).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => AttainmentPolicyJson.Write(this);

    /// <summary>Tells whether another policy has the same rules.</summary>
    internal bool SameRules(AttainmentPolicy other) =>
        ReferenceEquals(this, other)
        || (string.Equals(BookingsMeasure, other.BookingsMeasure, StringComparison.Ordinal) && Probabilities.Equals(other.Probabilities)
            && RunRate == other.RunRate && OverdueInCurrentPeriod == other.OverdueInCurrentPeriod && Forecast == other.Forecast);
}
