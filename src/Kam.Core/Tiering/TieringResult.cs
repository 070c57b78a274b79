namespace Kam.Core.Tiering;

/// <summary>
/// The outcome of a tiering run: for every account of the portfolio exactly one tier, a score and an explanation, and
/// the portfolio summary per tier.
/// </summary>
/// <remarks>
/// <para>
/// Stored in columns (tier index and score per account), so a run over millions of accounts costs a few bytes per
/// account; <see cref="Assignments"/> and <see cref="Explain"/> build the per-account objects when they are asked for,
/// from the same data, so the answer is identical however often it is read.
/// </para>
/// <para>Accounts are in the portfolio's input order. Immutable and safe to share between threads.</para>
/// </remarks>
public sealed class TieringResult
{
    private readonly AccountId[] _ids;
    private readonly int[] _tiers;
    private readonly double[] _scores;
    private readonly Func<int, TierExplanation> _explain;
    private readonly double?[] _thresholds;

    internal TieringResult(
        IReadOnlyList<TierDefinition> tiers,
        AccountId[] ids,
        int[] tierIndex,
        double[] scores,
        Func<int, TierExplanation> explain,
        PortfolioSummary summary,
        double?[]? thresholds = null)
    {
        Tiers = tiers;
        _ids = ids;
        _tiers = tierIndex;
        _scores = scores;
        _explain = explain;
        Summary = summary;
        _thresholds = thresholds ?? new double?[tiers.Count];
        Assignments = new AssignmentList(this);
    }

    /// <summary>Gets the policy's tiers, best first.</summary>
    public IReadOnlyList<TierDefinition> Tiers { get; }

    /// <summary>Gets the number of accounts.</summary>
    public int Count => _ids.Length;

    /// <summary>Gets the summary per tier.</summary>
    public PortfolioSummary Summary { get; }

    /// <summary>Gets every account's assignment, in input order (built on access).</summary>
    public IReadOnlyList<TierAssignment> Assignments { get; }

    /// <summary>Gets the tier indexes (0 = best) of all accounts, in input order.</summary>
    public ReadOnlySpan<int> TierIndexes => _tiers;

    /// <summary>Gets the scores of all accounts, in input order.</summary>
    public ReadOnlySpan<double> Scores => _scores;

    internal AccountId[] RawIds => _ids;

    /// <summary>Gets the account at an index.</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The account.</returns>
    public AccountId AccountAt(int index) => _ids[CheckIndex(index)];

    /// <summary>Gets the tier index (0 = best) of the account at an index.</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The tier index.</returns>
    public int TierIndexAt(int index) => _tiers[CheckIndex(index)];

    /// <summary>Gets the score of the account at an index.</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The score.</returns>
    public double ScoreAt(int index) => _scores[CheckIndex(index)];

    /// <summary>
    /// Gets the lowest score that reaches a tier when the policy defines one (a scorecard's threshold) or the run
    /// realized one (the value of the last account a Pareto cut put in the tier); <see langword="null"/> otherwise.
    /// </summary>
    /// <param name="tierIndex">The tier's index.</param>
    /// <returns>The threshold score, or <see langword="null"/>.</returns>
    public double? ThresholdOf(int tierIndex) => _thresholds[tierIndex];

    /// <summary>Explains the tier of the account at an index.</summary>
    /// <param name="index">The index, 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The explanation.</returns>
    public TierExplanation Explain(int index) => _explain(CheckIndex(index));

    /// <summary>Finds the index of an account (a linear search: O(n)).</summary>
    /// <param name="id">The account.</param>
    /// <returns>Its index, or -1 when it is not in the result.</returns>
    public int IndexOf(AccountId id) => Array.IndexOf(_ids, id);

    private int CheckIndex(int index) =>
        (uint)index < (uint)_ids.Length
            ? index
            : throw new KamValidationException("index", KamErrorCodes.OutOfRange, index.ToString(System.Globalization.CultureInfo.InvariantCulture), $"The index must be between 0 and {_ids.Length - 1}.");

    private sealed class AssignmentList(TieringResult result) : IReadOnlyList<TierAssignment>
    {
        public int Count => result.Count;

        public TierAssignment this[int index]
        {
            get
            {
                var tier = result.Tiers[result.TierIndexAt(index)];
                return new TierAssignment(result._ids[index], tier.Name, result._tiers[index], result._scores[index], result.Explain(index), tier.Services);
            }
        }

        public IEnumerator<TierAssignment> GetEnumerator()
        {
            for (var i = 0; i < result.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
