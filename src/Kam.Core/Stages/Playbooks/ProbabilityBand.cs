using System.Globalization;

namespace Kam.Core.Stages.Playbooks;

/// <summary>
/// The range a project's win probability lies in while it sits in a stage (000…txt:2674-2678): from the value of its
/// completed stage up to the value of the stage it has entered.
/// </summary>
/// <remarks>
/// When the project has completed the stage it is in, <see cref="Low"/> equals <see cref="High"/>. Equality is
/// structural. The seed's example: project 001 in stage 2 lies between 10% and 20%.
/// </remarks>
/// <param name="Low">The probability already earned: the value of the completed stage (0% before stage 1 completes).</param>
/// <param name="High">The probability the current stage leads to when completed.</param>
public readonly record struct ProbabilityBand(Percentage Low, Percentage High)
{
    /// <summary>Renders the band as <c>10%–20%</c>, or a single value when both ends are equal.</summary>
    /// <returns>The band as text.</returns>
    public override string ToString() =>
        Low == High ? Low.ToString() : string.Create(CultureInfo.InvariantCulture, $"{Low}–{High}");
}
