using System.Globalization;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// The evidence of closed opportunities about the stage probabilities: how many completed each stage and how many of
/// those were won; and how good the probabilities they held when they closed were (Brier score, reliability by band).
/// </summary>
/// <remarks>
/// <para>
/// An opportunity <em>reached</em> stage k when it completed stage k at some point of its history (the stage whose
/// probability the playbook's table gives). Won counts as a win; lost and abandoned as losses. Open opportunities are
/// skipped. The forecast an opportunity "made" is the earned probability it held when it closed (winning or losing does
/// not change it).
/// </para>
/// <para>
/// A monoid: <see cref="Empty"/> and <see cref="Merge"/>, exactly (integer counts and decimal sums), so partitions
/// summarized apart merge into the summary of the whole. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class WinHistory
{
    /// <summary>The number of reliability bands: 0–10%, 10–20% … 90–100% (100% falls in the last).</summary>
    public const int BandCount = 10;

    private const int N = StageExtensions.StageCount;

    private readonly long[] _reached;
    private readonly long[] _won;
    private readonly long[] _bandCount;
    private readonly long[] _bandWins;
    private readonly decimal[] _bandPredicted;
    private readonly decimal _squaredError;

    private WinHistory(long closed, long won, long[] reached, long[] stageWon, long[] bandCount, long[] bandWins, decimal[] bandPredicted, decimal squaredError)
    {
        Closed = closed;
        Won = won;
        _reached = reached;
        _won = stageWon;
        _bandCount = bandCount;
        _bandWins = bandWins;
        _bandPredicted = bandPredicted;
        _squaredError = squaredError;
    }

    /// <summary>Gets the history of no closed opportunities: the identity of <see cref="Merge"/>.</summary>
    public static WinHistory Empty { get; } = new(0, 0, new long[N], new long[N], new long[BandCount], new long[BandCount], new decimal[BandCount], 0m);

    /// <summary>Gets the number of closed opportunities.</summary>
    public long Closed { get; }

    /// <summary>Gets the number of won opportunities.</summary>
    public long Won { get; }

    /// <summary>Gets a value indicating whether there is any closed opportunity.</summary>
    public bool HasEvidence => Closed > 0;

    /// <summary>Gets the Brier score of the probabilities held at close: the mean of (p − outcome)², 0 (perfect) to 1; null without evidence.</summary>
    public double? Brier => Closed == 0 ? null : (double)(_squaredError / Closed);

    /// <summary>Summarizes the closed opportunities among some states.</summary>
    /// <param name="states">Opened states (open ones are skipped); none is changed.</param>
    /// <returns>The history.</returns>
    /// <exception cref="KamValidationException">A state has not been opened (path <c>states[i]</c>).</exception>
    public static WinHistory Of(ReadOnlySpan<OpportunityState> states)
    {
        var reached = new long[N];
        var won = new long[N];
        var bandCount = new long[BandCount];
        var bandWins = new long[BandCount];
        var bandPredicted = new decimal[BandCount];
        long closed = 0, wins = 0;
        var squared = 0m;
        for (var i = 0; i < states.Length; i++)
        {
            ref readonly var state = ref states[i];
            if (!state.IsOpened)
            {
                throw new KamValidationException(string.Create(CultureInfo.InvariantCulture, $"states[{i}]"), KamErrorCodes.InvalidState, null, "The opportunity has not been opened.");
            }

            var data = state.Data;
            if (data.Status == OpportunityStatus.Open)
            {
                continue;
            }

            closed++;
            var isWon = data.Status == OpportunityStatus.Won;
            var outcome = isWon ? 1m : 0m;
            if (isWon)
            {
                wins++;
            }

            var completed = data.EverCompleted;
            for (var k = 0; k < N; k++)
            {
                if ((completed & (1 << k)) != 0)
                {
                    reached[k]++;
                    if (isWon)
                    {
                        won[k]++;
                    }
                }
            }

            var p = state.Probability.Fraction;
            var band = Math.Min(BandCount - 1, (int)(p * BandCount));
            bandCount[band]++;
            bandPredicted[band] += p;
            if (isWon)
            {
                bandWins[band]++;
            }

            squared += (p - outcome) * (p - outcome);
        }

        return new WinHistory(closed, wins, reached, won, bandCount, bandWins, bandPredicted, squared);
    }

    /// <summary>Summarizes the closed opportunities among some states.</summary>
    /// <param name="states">Opened states (open ones are skipped).</param>
    /// <returns>The history.</returns>
    /// <exception cref="KamValidationException">A state has not been opened (path <c>states[i]</c>).</exception>
    public static WinHistory Of(IEnumerable<OpportunityState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return Of(states.ToArray().AsSpan());
    }

    /// <summary>Combines this history with that of a disjoint set of opportunities.</summary>
    /// <param name="other">The other history.</param>
    /// <returns>The history of both; neither changes.</returns>
    public WinHistory Merge(WinHistory other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new WinHistory(
            Closed + other.Closed,
            Won + other.Won,
            Add(_reached, other._reached),
            Add(_won, other._won),
            Add(_bandCount, other._bandCount),
            Add(_bandWins, other._bandWins),
            _bandPredicted.Zip(other._bandPredicted, (a, b) => a + b).ToArray(),
            _squaredError + other._squaredError);

        static long[] Add(long[] a, long[] b) => a.Zip(b, (x, y) => x + y).ToArray();
    }

    /// <summary>Gets the observed win rate of the opportunities that completed each stage, with its 95% Wilson interval.</summary>
    /// <returns>Eight rows, stage 1 first.</returns>
    public IReadOnlyList<StageWinRate> WinRates() =>
        Enumerable.Range(0, N).Select(k => new StageWinRate((SalesStage)(k + 1), _reached[k], _won[k])).ToArray();

    /// <summary>Gets the reliability table: for each probability band, how many closed, the mean probability held and the observed win rate.</summary>
    /// <returns>Ten rows, 0–10% first; a band without opportunities has count 0 and no rate.</returns>
    public IReadOnlyList<ReliabilityRow> Reliability() =>
        Enumerable.Range(0, BandCount).Select(b => new ReliabilityRow(
            Percentage.FromFraction(b / (decimal)BandCount),
            Percentage.FromFraction((b + 1) / (decimal)BandCount),
            _bandCount[b],
            _bandWins[b],
            _bandCount[b] == 0 ? null : (double)(_bandPredicted[b] / _bandCount[b]))).ToArray();

    /// <summary>
    /// Learns stage probabilities: each stage's observed rate shrunk toward the prior table by a beta-binomial prior,
    /// posterior mean = (won + s·p0) / (reached + s). Without closed opportunities the answer says so and returns the
    /// prior unchanged.
    /// </summary>
    /// <param name="prior">The prior means, usually the playbook's table (<see cref="Playbook.Probabilities"/>).</param>
    /// <param name="policy">The prior strengths; null for <see cref="ShrinkagePolicy.Default"/>.</param>
    /// <returns>The learned probabilities.</returns>
    public LearnedProbabilities Learn(WinProbabilityTable prior, ShrinkagePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(prior);
        policy ??= ShrinkagePolicy.Default;
        var stages = new LearnedStage[N];
        for (var k = 0; k < N; k++)
        {
            var p0 = (double)prior.Values[k].Fraction;
            var s = policy.Strengths[k];
            var n = _reached[k];
            var w = _won[k];
            var posterior = n + s > 0d ? (w + (s * p0)) / (n + s) : p0;
            stages[k] = new LearnedStage((SalesStage)(k + 1), prior.Values[k], s, n, w, Math.Clamp(posterior, 0d, 1d));
        }

        return new LearnedProbabilities(prior, HasEvidence, stages);
    }
}
