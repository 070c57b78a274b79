namespace Kam.Core.Portfolio.Matrices;

/// <summary>
/// How accounts moved between the cells of a <see cref="PortfolioMatrix"/> from one period's placement to the next:
/// the from → to counts, the accounts that changed cell, and those that entered or left the portfolio.
/// </summary>
/// <remarks>
/// Every account of either placement is counted once: in <see cref="Transitions"/> (placed in both; staying in a cell
/// is the transition from the cell to itself), in <see cref="Entered"/> or in <see cref="Left"/>. Lists are in account
/// identifier order. Immutable and thread-safe.
/// </remarks>
public sealed class MatrixMovements
{
    private readonly Dictionary<(string From, string To), int> _counts;

    private MatrixMovements(MatrixPlacement from, MatrixPlacement to)
    {
        From = from;
        To = to;
        var moved = new List<AccountMove>();
        var left = new List<AccountPlacement>();
        _counts = new();
        foreach (var a in from.Accounts)
        {
            if (to.Find(a.Account) is not { } b)
            {
                left.Add(a);
                continue;
            }

            var key = (a.Cell.Code, b.Cell.Code);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            if (!string.Equals(a.Cell.Code, b.Cell.Code, StringComparison.Ordinal))
            {
                moved.Add(new AccountMove(a.Account, a.Cell, b.Cell));
            }
        }

        Moved = moved.AsReadOnly();
        Left = left.AsReadOnly();
        Entered = to.Accounts.Where(b => from.Find(b.Account) is null).ToArray().AsReadOnly();
        var cells = from.Matrix.Cells;
        Transitions = cells
            .SelectMany(f => cells.Select(t => new MatrixTransition(f, t, _counts.GetValueOrDefault((f.Code, t.Code)))))
            .ToArray()
            .AsReadOnly();
    }

    /// <summary>Gets the earlier placement.</summary>
    public MatrixPlacement From { get; }

    /// <summary>Gets the later placement.</summary>
    public MatrixPlacement To { get; }

    /// <summary>Gets the from → to counts of the accounts placed in both: every pair of cells, zeros included, from-cell major, in the matrix's order of cells.</summary>
    public IReadOnlyList<MatrixTransition> Transitions { get; }

    /// <summary>Gets the accounts placed in both whose cell changed.</summary>
    public IReadOnlyList<AccountMove> Moved { get; }

    /// <summary>Gets the accounts placed only in the later placement (new to the portfolio), with their cell.</summary>
    public IReadOnlyList<AccountPlacement> Entered { get; }

    /// <summary>Gets the accounts placed only in the earlier placement (gone from the portfolio), with the cell they left.</summary>
    public IReadOnlyList<AccountPlacement> Left { get; }

    /// <summary>Compares two periods' placements on the same matrix.</summary>
    /// <param name="from">The earlier placement.</param>
    /// <param name="to">The later placement.</param>
    /// <returns>The movements.</returns>
    /// <exception cref="KamValidationException">The placements are on matrices that place differently (path <c>to.matrix</c>, code <see cref="KamErrorCodes.InvalidState"/>).</exception>
    public static MatrixMovements Between(MatrixPlacement from, MatrixPlacement to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return from.Matrix.SameShape(to.Matrix)
            ? new MatrixMovements(from, to)
            : throw new KamValidationException("to.matrix", KamErrorCodes.InvalidState, to.Matrix.Name, $"The placements are on different matrices ('{from.Matrix.Name}' and '{to.Matrix.Name}'); movements need one matrix.");
    }

    /// <summary>Gets the number of accounts that were in one cell and are in another (or the same) cell.</summary>
    /// <param name="fromCode">The earlier cell's code.</param>
    /// <param name="toCode">The later cell's code.</param>
    /// <returns>The count; 0 for a code the matrix does not have.</returns>
    public int Count(string fromCode, string toCode)
    {
        ArgumentNullException.ThrowIfNull(fromCode);
        ArgumentNullException.ThrowIfNull(toCode);
        return _counts.GetValueOrDefault((fromCode, toCode));
    }
}

/// <summary>The number of accounts that went from one cell to another (or stayed, when the cells are the same).</summary>
public sealed class MatrixTransition
{
    internal MatrixTransition(MatrixCell from, MatrixCell to, int count)
    {
        From = from;
        To = to;
        Count = count;
    }

    /// <summary>Gets the earlier cell.</summary>
    public MatrixCell From { get; }

    /// <summary>Gets the later cell.</summary>
    public MatrixCell To { get; }

    /// <summary>Gets the number of accounts.</summary>
    public int Count { get; }
}

/// <summary>One account that changed cell between two placements.</summary>
public sealed class AccountMove
{
    internal AccountMove(AccountId account, MatrixCell from, MatrixCell to)
    {
        Account = account;
        From = from;
        To = to;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the cell it was in.</summary>
    public MatrixCell From { get; }

    /// <summary>Gets the cell it is in.</summary>
    public MatrixCell To { get; }
}
