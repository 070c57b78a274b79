namespace Kam.Core.Tiering;

/// <summary>
/// A tiering engine: built with its policy, it takes a portfolio (accounts and the measures the policy needs) and
/// returns each account's tier, score and explanation, with a summary per tier.
/// </summary>
/// <remarks>
/// Every engine has its own interface deriving from this one (<c>IParetoEngine</c>, <c>IRfmEngine</c>, ...), which
/// also exposes its policy. Implementations are immutable and safe to use from many threads; they never change their
/// inputs.
/// </remarks>
public interface ITieringEngine
{
    /// <summary>Tiers every account of a portfolio with the engine's policy.</summary>
    /// <param name="portfolio">The accounts and their measures.</param>
    /// <returns>One tier per account, and the summary.</returns>
    /// <exception cref="KamValidationException">The portfolio lacks a measure the policy needs, or is empty where data is needed.</exception>
    TieringResult Assign(AccountMeasures portfolio);
}
