using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.DealControl;

/// <summary>
/// The historical stage-to-stage conversion rates, win rates and stage durations measured on closed opportunities,
/// so that a host can replace the rule book's probability table with its own (<see cref="MeasuredProbabilities"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConversionStatistics
{
    internal ConversionStatistics(ClosedCounts counts)
    {
        Closed = counts.Closed;
        Won = counts.Won;
        Stages = StageExtensions.AllSalesStages.Select(stage =>
        {
            var k = (int)stage - 1;
            return new StageStatistics(
                stage,
                counts.Entered[k],
                counts.Advanced[k],
                counts.Completed[k],
                counts.WonAfterCompleted[k],
                Rate(counts.Advanced[k], counts.Entered[k]),
                Rate(counts.WonAfterCompleted[k], counts.Completed[k]),
                counts.Timed[k] == 0 ? null : counts.Seconds[k] / (double)counts.Timed[k] / 86_400d);
        }).ToArray();
    }

    /// <summary>Gets the number of closed opportunities measured.</summary>
    public long Closed { get; }

    /// <summary>Gets how many of them were won.</summary>
    public long Won { get; }

    /// <summary>Gets the statistics of the eight stages, stage 1 first.</summary>
    public IReadOnlyList<StageStatistics> Stages { get; }

    /// <summary>Builds a win-probability table from the measured win rates, if they allow one.</summary>
    /// <returns>
    /// The table, or null when a stage has no completed closed opportunity or the measured rates do not rise strictly
    /// (too little history to replace the rule book's table; rule book: stages, the eight stages).
    /// </returns>
    public WinProbabilityTable? MeasuredProbabilities()
    {
        var rates = new Percentage[StageExtensions.StageCount];
        for (var k = 0; k < rates.Length; k++)
        {
            if (Stages[k].WinRateAfterCompletion is not { } rate || (k > 0 && rate <= rates[k - 1]))
            {
                return null;
            }

            rates[k] = rate;
        }

        return new WinProbabilityTable(rates);
    }

    private static Percentage? Rate(long part, long whole) => whole == 0 ? null : Percentage.FromFraction(part / (decimal)whole);
}
