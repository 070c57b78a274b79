namespace Kam.Core.Portfolio.Review;

/// <summary>
/// The signals rules may test: the built-in ones (documented in docs/account-review.md) and any a host adds through
/// <see cref="IAccountSignalSource"/>. A rule set is checked against a catalog when it is built, so a misspelt signal
/// name fails at once, listing the names that exist.
/// </summary>
/// <remarks>Immutable; names are unique and compared ordinally.</remarks>
public sealed class SignalCatalog
{
    private readonly Dictionary<string, int> _index;

    private SignalCatalog(SignalDefinition[] signals)
    {
        Signals = Array.AsReadOnly(signals);
        _index = new Dictionary<string, int>(signals.Length, StringComparer.Ordinal);
        for (var i = 0; i < signals.Length; i++)
        {
            _index[signals[i].Name] = i;
        }
    }

    /// <summary>Gets the built-in signals, extracted from the parts of <see cref="AccountReviewSources"/>.</summary>
    public static SignalCatalog BuiltIn { get; } = new(BuiltInSignals.Definitions);

    /// <summary>Gets every signal, built-in ones first, in a fixed order.</summary>
    public IReadOnlyList<SignalDefinition> Signals { get; }

    /// <summary>Finds a signal by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The signal, or <see langword="null"/> when the catalog has no such name.</returns>
    public SignalDefinition? Find(string name) => name is not null && _index.TryGetValue(name, out var i) ? Signals[i] : null;

    /// <summary>Returns this catalog with more signals (a host's own, see <see cref="IAccountSignalSource"/>).</summary>
    /// <param name="signals">The signals to add; names must be new.</param>
    /// <returns>The larger catalog.</returns>
    /// <exception cref="KamValidationException">A signal is null or its name is already in the catalog (<c>signals[i]</c>, <see cref="KamErrorCodes.Duplicate"/>).</exception>
    public SignalCatalog With(IEnumerable<SignalDefinition> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var added = signals.ToArray();
        var errors = new ValidationCollector();
        var names = new HashSet<string>(_index.Keys, StringComparer.Ordinal);
        for (var i = 0; i < added.Length; i++)
        {
            if (errors.Required($"signals[{i}]", added[i]) && !names.Add(added[i].Name))
            {
                errors.Add($"signals[{i}].name", KamErrorCodes.Duplicate, added[i].Name, "This signal name is already taken (built-in or added before).");
            }
        }

        errors.ThrowIfAny();
        return added.Length == 0 ? this : new SignalCatalog([.. Signals, .. added]);
    }

    internal int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    internal string KnownNames() => string.Join(", ", Signals.Select(s => s.Name));
}
