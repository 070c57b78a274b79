namespace Kam.Core.Portfolio.Matrices;

/// <summary>Where one account falls on a <see cref="PortfolioMatrix"/>: its point, its cell (with the strategy) and why.</summary>
public sealed class AccountPlacement
{
    internal AccountPlacement(MatrixPoint point, MatrixCell cell, string reason)
    {
        Point = point;
        Cell = cell;
        Reason = reason;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account => Point.Account;

    /// <summary>Gets the point placed: the values, their sources and the weight.</summary>
    public MatrixPoint Point { get; }

    /// <summary>Gets the cell the account falls in; its strategy is the account's.</summary>
    public MatrixCell Cell { get; }

    /// <summary>Gets the reason in words: each value against its threshold, and the cell with its strategy.</summary>
    public string Reason { get; }
}
