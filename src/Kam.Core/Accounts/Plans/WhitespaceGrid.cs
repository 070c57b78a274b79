namespace Kam.Core.Accounts.Plans;

/// <summary>
/// The whitespace grid of a <see cref="KeyAccountPlan"/>: our offerings (rows) × the account's business units or sites
/// (columns); each cell says whether the offering is ours there, a competitor's, an open opportunity, not applicable,
/// or white space with an estimated value — and the white space adds up per row and per column (rule book: what the
/// plan is — identify opportunities).
/// </summary>
/// <remarks>Immutable and validated when created. A pair without a cell has not been assessed; it counts as nothing.</remarks>
public sealed class WhitespaceGrid
{
    private readonly Dictionary<(string Offering, string Unit), WhitespaceCell> _cells;
    private readonly Dictionary<string, decimal> _rows;
    private readonly Dictionary<string, decimal> _columns;

    /// <summary>Creates a grid.</summary>
    /// <param name="currency">The currency of the estimated values (the plan's).</param>
    /// <param name="offerings">Our offerings, the rows (copied); not blank, each once.</param>
    /// <param name="units">The account's business units or sites, the columns (copied); not blank, each once.</param>
    /// <param name="cells">The cells (copied); each of a listed offering and unit, at most one per pair, values in <paramref name="currency"/>.</param>
    /// <exception cref="KamValidationException">The grid is invalid; every problem is reported.</exception>
    public WhitespaceGrid(Currency currency, IReadOnlyList<string> offerings, IReadOnlyList<string> units, IReadOnlyList<WhitespaceCell> cells)
    {
        ArgumentNullException.ThrowIfNull(offerings);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(cells);
        var errors = new ValidationCollector();
        if (currency == Currency.None)
        {
            errors.Add("currency", KamErrorCodes.Required, null, "The grid's estimated values need a currency.");
        }

        var rows = PlanRules.Texts(errors, "offerings", offerings, unique: true);
        var columns = PlanRules.Texts(errors, "units", units, unique: true);
        var list = PlanRules.Parts(errors, "cells", cells);
        _rows = rows.Where(r => r is not null).Distinct(StringComparer.Ordinal).ToDictionary(r => r, _ => 0m, StringComparer.Ordinal);
        _columns = columns.Where(c => c is not null).Distinct(StringComparer.Ordinal).ToDictionary(c => c, _ => 0m, StringComparer.Ordinal);
        _cells = new(list.Length);
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is not { } cell)
            {
                continue;
            }

            var rowOk = _rows.ContainsKey(cell.Offering);
            var columnOk = _columns.ContainsKey(cell.Unit);
            if (!rowOk)
            {
                errors.Add($"cells[{i}].offering", KamErrorCodes.Unknown, cell.Offering, "The grid lists no such offering.");
            }

            if (!columnOk)
            {
                errors.Add($"cells[{i}].unit", KamErrorCodes.Unknown, cell.Unit, "The grid lists no such unit or site.");
            }

            if (!_cells.TryAdd((cell.Offering, cell.Unit), cell))
            {
                errors.Add($"cells[{i}]", KamErrorCodes.Duplicate, $"{cell.Offering} × {cell.Unit}", "Another cell has the same offering and unit.");
            }

            if (cell.EstimatedValue is { } value)
            {
                if (value.Currency != currency && currency != Currency.None)
                {
                    errors.Add($"cells[{i}].estimatedValue", KamErrorCodes.CurrencyMismatch, value, $"The grid's values are in {currency.Code}.");
                }
                else if (rowOk && columnOk)
                {
                    _rows[cell.Offering] += value.Amount;
                    _columns[cell.Unit] += value.Amount;
                }
            }
        }

        errors.ThrowIfAny();
        Currency = currency;
        Offerings = Array.AsReadOnly(rows);
        Units = Array.AsReadOnly(columns);
        Cells = Array.AsReadOnly(list);
        Total = new Money(_rows.Values.Sum(), currency);
    }

    /// <summary>Gets the currency of the estimated values.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the offerings (rows), in the order given.</summary>
    public IReadOnlyList<string> Offerings { get; }

    /// <summary>Gets the account's business units or sites (columns), in the order given.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>Gets the cells, in the order given.</summary>
    public IReadOnlyList<WhitespaceCell> Cells { get; }

    /// <summary>Gets the estimated value of all white space in the grid.</summary>
    public Money Total { get; }

    /// <summary>Gets the cell of an offering and a unit, if it has been assessed.</summary>
    /// <param name="offering">The offering.</param>
    /// <param name="unit">The unit or site.</param>
    /// <returns>The cell, or <see langword="null"/>.</returns>
    public WhitespaceCell? Cell(string offering, string unit)
    {
        ArgumentNullException.ThrowIfNull(offering);
        ArgumentNullException.ThrowIfNull(unit);
        return _cells.GetValueOrDefault((offering, unit));
    }

    /// <summary>Gets the estimated value of an offering's white space over every unit (a row's total).</summary>
    /// <param name="offering">The offering.</param>
    /// <returns>The total.</returns>
    /// <exception cref="KamValidationException">The grid lists no such offering (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public Money RowTotal(string offering)
    {
        ArgumentNullException.ThrowIfNull(offering);
        return _rows.TryGetValue(offering, out var total) ? new Money(total, Currency) : throw new KamValidationException("offering", KamErrorCodes.Unknown, offering, "The grid lists no such offering.");
    }

    /// <summary>Gets the estimated value of a unit's white space over every offering (a column's total).</summary>
    /// <param name="unit">The unit or site.</param>
    /// <returns>The total.</returns>
    /// <exception cref="KamValidationException">The grid lists no such unit (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public Money ColumnTotal(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _columns.TryGetValue(unit, out var total) ? new Money(total, Currency) : throw new KamValidationException("unit", KamErrorCodes.Unknown, unit, "The grid lists no such unit or site.");
    }
}
