namespace Kam.Core.Tiering.Selection;

/// <summary>Key-account selection with its policy fixed at construction (see <see cref="KeyAccountSelectionEngine"/>).</summary>
public interface IKeyAccountSelectionEngine : ITieringEngine
{
    /// <summary>Gets the engine's policy.</summary>
    SelectionPolicy Policy { get; }

    /// <summary>Selects the key accounts and reports the near misses.</summary>
    /// <param name="portfolio">The accounts and their measures.</param>
    /// <returns>The selection: tiers, capacity, counts and near misses.</returns>
    /// <exception cref="KamValidationException">A measure is absent, the value measure is incomplete, or the portfolio is empty.</exception>
#pragma warning disable CA1716 // "Select" is the domain word; the interface is for C# hosts and mocks.
    KeyAccountSelection Select(AccountMeasures portfolio);
#pragma warning restore CA1716
}
