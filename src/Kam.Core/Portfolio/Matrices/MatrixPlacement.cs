namespace Kam.Core.Portfolio.Matrices;

/// <summary>
/// The accounts placed on a <see cref="PortfolioMatrix"/>: each account's cell, strategy and reason, and the count
/// and value of every cell.
/// </summary>
/// <remarks>
/// <para>
/// The accounts are in identifier order (ordinal), so the result does not depend on the order of the points. Every
/// cell of the matrix has a tally, empty ones included, in the matrix's order of cells; the tallies' counts add up to
/// the accounts and their values to <see cref="TotalValue"/>.
/// </para>
/// <para>
/// Placements <b>merge</b>: placing two disjoint sets of accounts and merging the results gives the placement of
/// both (associative and commutative); <see cref="Empty"/> is the identity. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class MatrixPlacement
{
    private readonly Dictionary<AccountId, AccountPlacement> _byAccount;

    internal MatrixPlacement(PortfolioMatrix matrix, Currency currency, IEnumerable<AccountPlacement> placements)
    {
        Matrix = matrix;
        Currency = currency;
        var sorted = placements.OrderBy(p => p.Account).ToArray();
        Accounts = Array.AsReadOnly(sorted);
        _byAccount = sorted.ToDictionary(p => p.Account);
        var totals = matrix.Cells.ToDictionary(c => c.Code, _ => (Count: 0, Value: 0m), StringComparer.Ordinal);
        var total = 0m;
        foreach (var p in sorted)
        {
            var (count, value) = totals[p.Cell.Code];
            totals[p.Cell.Code] = (count + 1, Overflow.Add(value, p.Point.Value.Amount, $"byCell['{p.Cell.Code}'].value"));
            total = Overflow.Add(total, p.Point.Value.Amount, "totalValue");
        }

        ByCell = Array.AsReadOnly(matrix.Cells.Select(c => new CellTally(c, totals[c.Code].Count, new Money(totals[c.Code].Value, currency))).ToArray());
        TotalValue = new Money(total, currency);
    }

    /// <summary>Gets the matrix the accounts are placed on.</summary>
    public PortfolioMatrix Matrix { get; }

    /// <summary>Gets the currency of the values.</summary>
    public Currency Currency { get; }

    /// <summary>Gets every account's placement, in identifier order.</summary>
    public IReadOnlyList<AccountPlacement> Accounts { get; }

    /// <summary>Gets the count and value of every cell, in the matrix's order of cells.</summary>
    public IReadOnlyList<CellTally> ByCell { get; }

    /// <summary>Gets the sum of every account's value.</summary>
    public Money TotalValue { get; }

    /// <summary>Gets the placement with no account: the identity of <see cref="Merge"/>.</summary>
    /// <param name="matrix">The matrix.</param>
    /// <param name="currency">The currency of the values.</param>
    /// <returns>The empty placement.</returns>
    public static MatrixPlacement Empty(PortfolioMatrix matrix, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Place([], currency);
    }

    /// <summary>Gets an account's placement, if it was placed.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The placement, or <see langword="null"/>.</returns>
    public AccountPlacement? Find(AccountId account) => _byAccount.GetValueOrDefault(account);

    /// <summary>Merges the placement of another, disjoint set of accounts on the same matrix.</summary>
    /// <param name="other">The other placement.</param>
    /// <returns>The placement of both sets.</returns>
    /// <exception cref="KamValidationException">
    /// The matrices place differently (path <c>matrix</c>, <see cref="KamErrorCodes.InvalidState"/>), the currencies
    /// differ (<c>currency</c>), or an account is in both (<c>accounts['A-7']</c>, <see cref="KamErrorCodes.Duplicate"/>).
    /// </exception>
    public MatrixPlacement Merge(MatrixPlacement other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var errors = new ValidationCollector();
        if (!Matrix.SameShape(other.Matrix))
        {
            errors.Add("matrix", KamErrorCodes.InvalidState, other.Matrix.Name, $"The placements are on different matrices ('{Matrix.Name}' and '{other.Matrix.Name}' cut or name their cells differently).");
        }

        if (Currency != other.Currency)
        {
            errors.Add("currency", KamErrorCodes.CurrencyMismatch, other.Currency.Code, $"The placements' values are in different currencies ({Currency.Code} and {other.Currency.Code}).");
        }

        foreach (var p in other.Accounts)
        {
            if (_byAccount.ContainsKey(p.Account))
            {
                errors.Add($"accounts['{p.Account.Value}']", KamErrorCodes.Duplicate, p.Account.Value, "The account is placed in both; merge placements of disjoint sets of accounts.");
            }
        }

        errors.ThrowIfAny();
        return new MatrixPlacement(Matrix, Currency, Accounts.Concat(other.Accounts));
    }
}
