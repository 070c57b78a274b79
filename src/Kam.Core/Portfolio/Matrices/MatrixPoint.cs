namespace Kam.Core.Portfolio.Matrices;

/// <summary>
/// One account's position to place on a <see cref="PortfolioMatrix"/>: its value on each axis, where each value comes
/// from, and the amount it weighs in the per-cell totals (its revenue or gross profit, say).
/// </summary>
/// <remarks>Immutable. The values are checked against the matrix's axes when placed (<see cref="PortfolioMatrix.Place"/>).</remarks>
public sealed class MatrixPoint
{
    /// <summary>Creates a point.</summary>
    /// <param name="account">The account.</param>
    /// <param name="x">The value on the horizontal axis.</param>
    /// <param name="y">The value on the vertical axis.</param>
    /// <param name="value">The amount the account adds to its cell's total value.</param>
    /// <param name="xSource">Where the horizontal value comes from (<c>FY2026 gross profit</c>), or <see langword="null"/>.</param>
    /// <param name="ySource">Where the vertical value comes from (<c>3-year CLV, BG/NBD + Gamma-Gamma</c>), or <see langword="null"/>.</param>
    public MatrixPoint(AccountId account, decimal x, decimal y, Money value, string? xSource = null, string? ySource = null)
    {
        Account = account;
        X = x;
        Y = y;
        Value = value;
        XSource = string.IsNullOrWhiteSpace(xSource) ? null : xSource;
        YSource = string.IsNullOrWhiteSpace(ySource) ? null : ySource;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the value on the horizontal axis.</summary>
    public decimal X { get; }

    /// <summary>Gets the value on the vertical axis.</summary>
    public decimal Y { get; }

    /// <summary>Gets the amount the account adds to its cell's total value.</summary>
    public Money Value { get; }

    /// <summary>Gets where the horizontal value comes from, or <see langword="null"/>.</summary>
    public string? XSource { get; }

    /// <summary>Gets where the vertical value comes from, or <see langword="null"/>.</summary>
    public string? YSource { get; }

    /// <summary>
    /// Creates the point of the current × future value matrix: the current value (last period's gross profit or
    /// revenue) on the horizontal axis and as the cell weight, the future value (a lifetime value from
    /// <c>Kam.Core.Value</c>, or a growth projection) on the vertical axis.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="current">The current value.</param>
    /// <param name="future">The future value, in the same currency.</param>
    /// <param name="currentSource">Where the current value comes from, or <see langword="null"/>.</param>
    /// <param name="futureSource">Where the future value comes from, or <see langword="null"/>.</param>
    /// <returns>The point.</returns>
    /// <exception cref="KamValidationException">The currencies differ (path <c>future</c>, code <see cref="KamErrorCodes.CurrencyMismatch"/>).</exception>
    public static MatrixPoint OfValues(AccountId account, Money current, Money future, string? currentSource = null, string? futureSource = null) =>
        current.Currency == future.Currency
            ? new MatrixPoint(account, current.Amount, future.Amount, current, currentSource, futureSource)
            : throw new KamValidationException("future", KamErrorCodes.CurrencyMismatch, future.ToString(null, System.Globalization.CultureInfo.InvariantCulture), $"The future value must be in the current value's currency ({current.Currency.Code}).");
}
