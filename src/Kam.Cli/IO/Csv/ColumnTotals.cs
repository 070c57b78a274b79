namespace Kam.Cli.IO.Csv;

/// <summary>The running totals of a file's amount columns (sum of absolute values), bounded by <see cref="CsvColumns.MaxColumnTotal"/>.</summary>
/// <remarks>One instance per read of a file (held by its resolved header); a column is reported once, at the row where its total passes the bound.</remarks>
internal sealed class ColumnTotals
{
    private readonly Dictionary<CsvColumn, decimal> _totals = [];
    private readonly HashSet<CsvColumn> _reported = [];

    /// <summary>Adds a cell's amount to its column's total.</summary>
    /// <param name="column">The column.</param>
    /// <param name="amount">The cell's amount (at most <see cref="CsvColumns.MaxAmount"/> in absolute value).</param>
    /// <returns>The new total when this cell takes it past <see cref="CsvColumns.MaxColumnTotal"/> (the first time only); otherwise <see langword="null"/>.</returns>
    public decimal? Add(CsvColumn column, decimal amount)
    {
        ref var running = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_totals, column, out _); // one lookup per cell
        var total = running + Math.Abs(amount); // ≤ 10^18 + 10^15: no overflow
        if (total > CsvColumns.MaxColumnTotal)
        {
            return _reported.Add(column) ? total : null;
        }

        running = total;
        return null;
    }

    /// <summary>Adds the totals of another part of the same file (read side by side) to these.</summary>
    /// <param name="other">The other part's totals.</param>
    /// <returns><see langword="false"/> when a column's total of the parts together passes <see cref="CsvColumns.MaxColumnTotal"/>, or a part reported one.</returns>
    public bool TryMerge(ColumnTotals other)
    {
        var within = _reported.Count == 0 && other._reported.Count == 0;
        foreach (var (column, amount) in other._totals)
        {
            ref var running = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_totals, column, out _);
            running += amount; // each ≤ 10^18: no overflow
            within &= running <= CsvColumns.MaxColumnTotal;
        }

        return within;
    }
}
