namespace Kam.Core.Stages.Forecasting;

/// <summary>The observed win rate of the closed opportunities that completed one stage, with its 95% Wilson score interval.</summary>
/// <remarks>Made by <see cref="WinHistory.WinRates"/>. Immutable.</remarks>
public sealed class StageWinRate
{
    internal StageWinRate(SalesStage stage, long reached, long won)
    {
        Stage = stage;
        Reached = reached;
        Won = won;
        (Low, High) = WilsonInterval.Of(won, reached);
        Rate = reached == 0 ? null : won / (double)reached;
    }

    /// <summary>Gets the stage.</summary>
    public SalesStage Stage { get; }

    /// <summary>Gets how many closed opportunities completed it.</summary>
    public long Reached { get; }

    /// <summary>Gets how many of those were won.</summary>
    public long Won { get; }

    /// <summary>Gets the observed win rate, won / reached; null when none reached the stage.</summary>
    public double? Rate { get; }

    /// <summary>Gets the lower end of the 95% Wilson interval (0 when none reached the stage).</summary>
    public double Low { get; }

    /// <summary>Gets the upper end of the 95% Wilson interval (1 when none reached the stage).</summary>
    public double High { get; }
}
