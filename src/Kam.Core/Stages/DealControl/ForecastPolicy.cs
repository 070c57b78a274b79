using Kam.Core.Stages.Serialization;

namespace Kam.Core.Stages.DealControl;

/// <summary>
/// How the forecast (销售预测; rule book: deal control) is cut: the period of the expected close it groups by, and the
/// probabilities from which a project counts in the commit and best-case views.
/// </summary>
/// <remarks>
/// <para>
/// Weighted value = value × earned win probability. Commit = the full value of projects whose earned probability is
/// at least <see cref="CommitFrom"/> (default 75%: confirmed preferred supplier, "over 75% once preferred"). Best
/// case = the full value of projects whose band reaches at least <see cref="BestCaseFrom"/> (default 50%: working on
/// or past the formal solution). These two cut points are conventions, not the rule book's.
/// </para>
/// <para>Valid from the moment it exists (the constructor checks every value), immutable and thread-safe.</para>
/// </remarks>
public sealed class ForecastPolicy
{
    /// <summary>Creates a policy; every argument is optional and defaults to the documented value.</summary>
    /// <param name="period">The kind of fiscal period expected closes are grouped by: month, quarter, half or year. Default: quarter.</param>
    /// <param name="commitFrom">The earned probability from which a project is in the commit view. Default 75%.</param>
    /// <param name="bestCaseFrom">The top of the probability band from which a project is in the best-case view. Default 50%.</param>
    /// <exception cref="KamValidationException">The period is not a defined period kind (path <c>period</c>).</exception>
    public ForecastPolicy(PeriodKind period = PeriodKind.Quarter, Percentage? commitFrom = null, Percentage? bestCaseFrom = null)
    {
        if (period is not (PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Half or PeriodKind.Year))
        {
            throw new KamValidationException("period", KamErrorCodes.OutOfRange, ((int)period).ToString(System.Globalization.CultureInfo.InvariantCulture), "Not a defined period kind.");
        }

        Period = period;
        CommitFrom = commitFrom ?? Percentage.FromPercent(75m);
        BestCaseFrom = bestCaseFrom ?? Percentage.FromPercent(50m);
    }

    /// <summary>Gets the default policy.</summary>
    public static ForecastPolicy Default { get; } = new();

    /// <summary>Gets the kind of fiscal period the pipeline and forecast group expected closes by. Default: quarter.</summary>
    public PeriodKind Period { get; }

    /// <summary>Gets the earned probability from which a project is in the commit view. Default 75%.</summary>
    public Percentage CommitFrom { get; }

    /// <summary>Gets the top of the probability band from which a project is in the best-case view. Default 50%.</summary>
    public Percentage BestCaseFrom { get; }

    /// <summary>Reads the policy from JSON (camelCase members, each optional with its default) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths (<c>$.period</c>).</exception>
    public static ForecastPolicy FromJson(string json) => StagesPoliciesJson.ReadForecastPolicy(json);

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => StagesPoliciesJson.Write(this);
}
