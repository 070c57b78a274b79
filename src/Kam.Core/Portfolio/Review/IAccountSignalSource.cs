namespace Kam.Core.Portfolio.Review;

/// <summary>
/// The extension point of the account review: a host's own per-account signals (a quadrant of a two-axis matrix, a
/// share of wallet, a staffing load), which rules can then test like the built-in ones.
/// </summary>
/// <remarks>
/// <see cref="AccountReviewSources"/> reads every account's values once, when it is built, so an implementation need not
/// be fast or thread-safe beyond that one pass; it must not change afterwards. Signal names must not repeat a built-in
/// name (<see cref="SignalCatalog.BuiltIn"/>) or another source's. An extension adds signals, not accounts: the accounts
/// reviewed are those of the hierarchy and the parts.
/// </remarks>
public interface IAccountSignalSource
{
    /// <summary>Gets the signals this source provides, in the order of <see cref="Fill"/>'s values; usually <see cref="ReviewPart.Extension"/>.</summary>
    IReadOnlyList<SignalDefinition> Signals { get; }

    /// <summary>Writes one account's values, one per signal in order; <see langword="null"/> (the initial value) when absent.</summary>
    /// <param name="account">The account.</param>
    /// <param name="values">Room for one value per signal, all <see langword="null"/> on entry.</param>
    void Fill(AccountId account, Span<double?> values);
}
