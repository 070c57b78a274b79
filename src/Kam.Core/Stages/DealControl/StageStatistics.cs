
namespace Kam.Core.Stages.DealControl;

/// <summary>
/// What closed opportunities say about one stage: how many entered it, moved beyond it, completed it and were won
/// after completing it, and how long they stayed.
/// </summary>
/// <remarks>
/// Rates are null when there is no opportunity to divide by. <see cref="WinRateAfterCompletion"/> is the measured
/// counterpart of the playbook's win probability for the stage. Equality is structural.
/// </remarks>
/// <param name="Stage">The stage.</param>
/// <param name="Entered">Closed opportunities that entered the stage.</param>
/// <param name="Advanced">Of those, how many later entered a higher stage.</param>
/// <param name="Completed">Closed opportunities that completed the stage.</param>
/// <param name="WonAfterCompleted">Of those, how many were won.</param>
/// <param name="ConversionToNext">Advanced ÷ entered: the stage-to-stage conversion rate.</param>
/// <param name="WinRateAfterCompletion">Won ÷ completed: the measured win probability once the stage is completed.</param>
/// <param name="MeanDaysInStage">The mean time from first entering the stage to first entering a later one (or closing), in days.</param>
public sealed record StageStatistics(
    SalesStage Stage,
    long Entered,
    long Advanced,
    long Completed,
    long WonAfterCompleted,
    Percentage? ConversionToNext,
    Percentage? WinRateAfterCompletion,
    double? MeanDaysInStage);
