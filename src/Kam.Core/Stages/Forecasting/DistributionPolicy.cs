using System.Globalization;
using Kam.Core.Stages.Serialization;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// How finely the bookings distribution (<see cref="BookingsForecaster"/>) discretises money: either a fixed grain (an
/// amount of money per cell of the grid) or a resolution (the number of grains in the period's total pipeline value).
/// </summary>
/// <remarks>
/// <para>
/// The grain is the fixed <see cref="Grain"/> when one is given, otherwise the total value of the opportunities divided
/// by <see cref="Resolution"/> (default 1,000: a grain of 1/1000 of the total). Values are rounded to the grain as
/// docs/forecasting.md describes; a grid of more than <see cref="MaxCells"/> cells is refused.
/// </para>
/// <para>Valid from the moment it exists (the constructor checks every value), immutable and thread-safe.</para>
/// </remarks>
public sealed class DistributionPolicy
{
    /// <summary>The largest grid the distribution is computed on: 4,000,000 cells (two arrays of 32 MB).</summary>
    public const int MaxCells = 4_000_000;

    /// <summary>Creates a policy; every argument is optional and defaults to the documented value.</summary>
    /// <param name="resolution">The number of grains in the total value when no fixed grain is given: 1 to <see cref="MaxCells"/> − 1. Default 1,000.</param>
    /// <param name="grain">A fixed grain (an amount in the forecast's currency, above zero), or null to derive it from <paramref name="resolution"/>.</param>
    /// <exception cref="KamValidationException">The resolution is out of range (path <c>resolution</c>) or the grain is not above zero (path <c>grain</c>).</exception>
    public DistributionPolicy(int resolution = 1000, decimal? grain = null)
    {
        var errors = new ValidationCollector();
        errors.InRange("resolution", resolution, 1, MaxCells - 1);
        if (grain is <= 0m)
        {
            errors.Add("grain", KamErrorCodes.OutOfRange, grain.Value, "The grain must be an amount above zero.");
        }

        errors.ThrowIfAny();
        Resolution = resolution;
        Grain = grain;
    }

    /// <summary>Gets the default policy: a grain of 1/1000 of the total value.</summary>
    public static DistributionPolicy Default { get; } = new();

    /// <summary>Gets the number of grains in the total value, used when <see cref="Grain"/> is null. Default 1,000.</summary>
    public int Resolution { get; }

    /// <summary>Gets the fixed grain, or null to derive it from <see cref="Resolution"/>.</summary>
    public decimal? Grain { get; }

    /// <summary>Reads the policy from JSON (<c>resolution</c>, <c>grain</c>; each optional) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths (<c>$.grain</c>).</exception>
    public static DistributionPolicy FromJson(string json) => ForecastingJson.ReadDistributionPolicy(json);

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => ForecastingJson.Write(this);

    /// <summary>Renders the policy.</summary>
    /// <returns>The grain or the resolution.</returns>
    public override string ToString() => Grain is { } g
        ? string.Create(CultureInfo.InvariantCulture, $"grain {g}")
        : string.Create(CultureInfo.InvariantCulture, $"1/{Resolution} of the total");
}
