namespace Kam.Core.Tiering.Pareto;

/// <summary>
/// A Pareto/ABC run with its ranking: the tiers, the order of the accounts by value (highest first, equal values by
/// account identifier), and each account's share and cumulative share of the positive value.
/// </summary>
/// <remarks>
/// Indexes are the portfolio's (input order). An account's cumulative share includes its own value and is summed in
/// rank order; a zero or negative value adds nothing. When no account has positive value every share is 0. Immutable.
/// </remarks>
public sealed class ParetoRanking
{
    private readonly int[] _order;
    private readonly double[] _shares;
    private readonly double[] _cumulativeShares;

    internal ParetoRanking(TieringResult result, int[] order, double[] shares, double[] cumulativeShares)
    {
        Result = result;
        _order = order;
        _shares = shares;
        _cumulativeShares = cumulativeShares;
    }

    /// <summary>Gets the tiers, as <see cref="ParetoEngine.Assign"/> returns them.</summary>
    public TieringResult Result { get; }

    /// <summary>Gets the indexes of the accounts in rank order: highest value first, equal values by identifier.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Gets each account's share of the portfolio's positive value, in input order.</summary>
    public ReadOnlySpan<double> Shares => _shares;

    /// <summary>Gets each account's cumulative share (itself included, in rank order) of the positive value, in input order.</summary>
    public ReadOnlySpan<double> CumulativeShares => _cumulativeShares;
}
