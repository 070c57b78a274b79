using Kam.Core.Portfolio.Review;

namespace Kam.Core.Portfolio.Matrices;

/// <summary>
/// The cells of a <see cref="MatrixPlacement"/> as signals of the account review: one flag per cell, named
/// <c>&lt;prefix&gt;.&lt;cell code&gt;</c> (<c>matrix.dog</c>), 1 for the account's cell and 0 for the others, so that a
/// rule can say "a dog whose health falls".
/// </summary>
/// <remarks>
/// <para>
/// Pass it to <see cref="AccountReviewSources"/> in <c>extensions</c> and check rules against
/// <c>SignalCatalog.BuiltIn.With(source.Signals)</c>. An account the placement does not hold has every flag absent (a
/// rule on them does not fire), not 0: not placed is not "not a dog".
/// </para>
/// <para>
/// The prefix tells matrices apart. The two built-in matrices have distinct cell codes, so both can keep the default
/// <c>matrix</c> (<c>matrix.dog</c>, <c>matrix.strategic</c>); two matrices with a code in common need a prefix each
/// (<c>value.dog</c>, <c>position.dog</c>), else the review refuses the second source's names as taken.
/// </para>
/// <para>Reads the placement once, when built; immutable and thread-safe afterwards. Accounts are unique in a placement by its construction.</para>
/// </remarks>
public sealed class MatrixSignals : IAccountSignalSource
{
    /// <summary>The default prefix of the signal names.</summary>
    public const string DefaultPrefix = "matrix";

    private readonly Dictionary<AccountId, int> _cellOf;

    /// <summary>Creates the signals of a placement.</summary>
    /// <param name="placement">The accounts placed on a matrix.</param>
    /// <param name="prefix">The first part of every signal name (default <see cref="DefaultPrefix"/>): letters, digits, '.', '_' or '-', starting with a letter.</param>
    /// <exception cref="KamValidationException">
    /// The prefix is malformed (<c>prefix</c>), or a cell's code does not make a signal name
    /// (<c>placement.matrix.cells[2].code</c>, <see cref="KamErrorCodes.InvalidFormat"/>, with the code as value); every
    /// problem is reported.
    /// </exception>
    public MatrixSignals(MatrixPlacement placement, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var errors = new ValidationCollector();
        var prefixOk = errors.Required("prefix", prefix) && WellFormed(errors, "prefix", prefix, prefix);
        var cells = placement.Matrix.Cells;
        var signals = new SignalDefinition[cells.Count];
        var position = new Dictionary<string, int>(cells.Count, StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            position[cell.Code] = i;
            var name = $"{prefix}.{cell.Code}";
            if (prefixOk && WellFormed(errors, $"placement.matrix.cells[{i}].code", name, cell.Code))
            {
                signals[i] = new SignalDefinition(
                    name,
                    SignalUnit.Flag,
                    ReviewPart.Extension,
                    $"AccountPlacement.Cell ({placement.Matrix.Name})",
                    $"1 when the account is in the cell '{cell.Name}' of the matrix '{placement.Matrix.Name}' (strategy: {cell.StrategyCode}).");
            }
        }

        errors.ThrowIfAny();
        _cellOf = new Dictionary<AccountId, int>(placement.Accounts.Count);
        foreach (var p in placement.Accounts)
        {
            _cellOf[p.Account] = position[p.Cell.Code];
        }

        Signals = Array.AsReadOnly(signals);
    }

    /// <summary>Gets one flag per cell of the matrix, in the matrix's order of cells.</summary>
    public IReadOnlyList<SignalDefinition> Signals { get; }

    /// <summary>Writes the account's flags: 1 for its cell, 0 for the others; all absent when it is not placed.</summary>
    /// <param name="account">The account.</param>
    /// <param name="values">Room for one value per cell.</param>
    public void Fill(AccountId account, Span<double?> values)
    {
        if (!_cellOf.TryGetValue(account, out var cell))
        {
            return;
        }

        for (var i = 0; i < Signals.Count && i < values.Length; i++)
        {
            values[i] = i == cell ? 1d : 0d;
        }
    }

    private static bool WellFormed(ValidationCollector errors, string path, string name, string value)
    {
        if (SignalDefinition.IsWellFormed(name))
        {
            return true;
        }

        errors.Add(path, KamErrorCodes.InvalidFormat, value, $"'{name}' is not a signal name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter.");
        return false;
    }
}
