using System.Globalization;

namespace Kam.Core.Stages.Playbooks;

/// <summary>
/// The range a project's win probability lies in while it sits in a stage (rule book: stages, win probability and
/// its band): from the value of its completed stage up to the value of the stage it has entered.
/// </summary>
/// <remarks>
/// When the project has completed the stage it is in, <see cref="Low"/> equals <see cref="High"/>. A value: equality
/// is by the two ends. The rule book's example: a project in stage 2 with stage 1 completed lies between 10% and 20%.
/// </remarks>
public readonly record struct ProbabilityBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="low">The probability already earned: the value of the completed stage (0% before stage 1 completes).</param>
    /// <param name="high">The probability the current stage leads to when completed.</param>
    public ProbabilityBand(Percentage low, Percentage high)
    {
        Low = low;
        High = high;
    }

    /// <summary>Gets the probability already earned: the value of the completed stage (0% before stage 1 completes).</summary>
    public Percentage Low { get; }

    /// <summary>Gets the probability the current stage leads to when completed.</summary>
    public Percentage High { get; }

    /// <summary>Renders the band as <c>10%–20%</c>, or a single value when both ends are equal.</summary>
    /// <returns>The band as text.</returns>
    public override string ToString() =>
        Low == High ? Low.ToString() : string.Create(CultureInfo.InvariantCulture, $"{Low}–{High}");
}
