namespace Kam.Core.Portfolio.Matrices;

/// <summary>The accounts of one cell of a <see cref="MatrixPlacement"/>: how many, and their total value.</summary>
public sealed class CellTally
{
    internal CellTally(MatrixCell cell, int count, Money value)
    {
        Cell = cell;
        Count = count;
        Value = value;
    }

    /// <summary>Gets the cell.</summary>
    public MatrixCell Cell { get; }

    /// <summary>Gets the number of accounts in the cell.</summary>
    public int Count { get; }

    /// <summary>Gets the sum of the accounts' values (<see cref="MatrixPoint.Value"/>).</summary>
    public Money Value { get; }
}
