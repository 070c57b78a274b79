
namespace Kam.Core.Stages.DealControl;

/// <summary>
/// What closed opportunities say about one stage: how many entered it, moved beyond it, completed it and were won
/// after completing it, and how long they stayed.
/// </summary>
/// <remarks>
/// Rates are null when there is no opportunity to divide by. <see cref="WinRateAfterCompletion"/> is the measured
/// counterpart of the playbook's win probability for the stage. Immutable.
/// </remarks>
public sealed class StageStatistics
{
    internal StageStatistics(
        SalesStage stage,
        long entered,
        long advanced,
        long completed,
        long wonAfterCompleted,
        Percentage? conversionToNext,
        Percentage? winRateAfterCompletion,
        double? meanDaysInStage)
    {
        Stage = stage;
        Entered = entered;
        Advanced = advanced;
        Completed = completed;
        WonAfterCompleted = wonAfterCompleted;
        ConversionToNext = conversionToNext;
        WinRateAfterCompletion = winRateAfterCompletion;
        MeanDaysInStage = meanDaysInStage;
    }

    /// <summary>Gets the stage.</summary>
    public SalesStage Stage { get; }

    /// <summary>Gets how many closed opportunities entered the stage.</summary>
    public long Entered { get; }

    /// <summary>Gets how many of those later entered a higher stage.</summary>
    public long Advanced { get; }

    /// <summary>Gets how many closed opportunities completed the stage.</summary>
    public long Completed { get; }

    /// <summary>Gets how many of those were won.</summary>
    public long WonAfterCompleted { get; }

    /// <summary>Gets advanced ÷ entered: the stage-to-stage conversion rate.</summary>
    public Percentage? ConversionToNext { get; }

    /// <summary>Gets won ÷ completed: the measured win probability once the stage is completed.</summary>
    public Percentage? WinRateAfterCompletion { get; }

    /// <summary>Gets the mean time from first entering the stage to first entering a later one (or closing), in days.</summary>
    public double? MeanDaysInStage { get; }
}
