using System.Globalization;

namespace Kam.Core.Stages;

/// <summary>
/// Assembles a <see cref="Playbook"/>: add, remove or rename items, change whether they are required, and replace
/// the win-probability table; <see cref="Build"/> validates everything at once.
/// </summary>
/// <remarks>
/// A builder is a short-lived, single-threaded helper (not thread-safe). It never changes the playbook it was
/// started from. Start from <see cref="Playbook.ToBuilder"/> (usually <c>Playbook.Default.ToBuilder()</c>) or from
/// <see cref="PlaybookBuilder()"/> for an empty playbook.
/// </remarks>
public sealed class PlaybookBuilder
{
    private readonly List<PlaybookItem> _items;

    /// <summary>Creates an empty builder with the seed's probability table.</summary>
    public PlaybookBuilder()
        : this([], WinProbabilityTable.Default)
    {
    }

    internal PlaybookBuilder(IEnumerable<PlaybookItem> items, WinProbabilityTable probabilities)
    {
        _items = [.. items];
        Probabilities = probabilities;
    }

    /// <summary>Gets the items added so far, in the order they were added.</summary>
    public IReadOnlyList<PlaybookItem> Items => _items;

    /// <summary>Gets or sets the win-probability table. Default: <see cref="WinProbabilityTable.Default"/>.</summary>
    public WinProbabilityTable Probabilities { get; set; }

    /// <summary>Adds an item (checked when <see cref="Build"/> runs).</summary>
    /// <param name="item">The item.</param>
    /// <returns>This builder.</returns>
    public PlaybookBuilder Add(PlaybookItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Add(item);
        return this;
    }

    /// <summary>Adds an item from its parts.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="kind">Milestone or success criterion.</param>
    /// <param name="key">The stable key.</param>
    /// <param name="chineseName">The Chinese name.</param>
    /// <param name="englishName">The English name.</param>
    /// <param name="required">Whether the item gates its stage.</param>
    /// <returns>This builder.</returns>
    public PlaybookBuilder Add(SalesStage stage, StageItemKind kind, string key, string chineseName, string englishName, bool required = true) =>
        Add(new PlaybookItem(key, stage, kind, chineseName, englishName, required));

    /// <summary>Removes the item with a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="KamValidationException">No item has this key (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public PlaybookBuilder Remove(string key)
    {
        _items.RemoveAt(Find(key));
        return this;
    }

    /// <summary>Renames an item; its key, stage and kind stay, so recorded events remain valid.</summary>
    /// <param name="key">The key.</param>
    /// <param name="chineseName">The new Chinese name.</param>
    /// <param name="englishName">The new English name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="KamValidationException">No item has this key.</exception>
    public PlaybookBuilder Rename(string key, string chineseName, string englishName)
    {
        var i = Find(key);
        _items[i] = _items[i] with { ChineseName = chineseName, EnglishName = englishName };
        return this;
    }

    /// <summary>Makes an item required or optional.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether it gates its stage.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="KamValidationException">No item has this key.</exception>
    public PlaybookBuilder SetRequired(string key, bool required)
    {
        var i = Find(key);
        _items[i] = _items[i] with { Required = required };
        return this;
    }

    /// <summary>Validates the items and probabilities and builds the playbook.</summary>
    /// <returns>The playbook.</returns>
    /// <exception cref="KamValidationException">
    /// Every problem found, with paths <c>items[i].key</c>, <c>stages[s]</c> (a stage without a required milestone or
    /// success criterion) and <c>items</c>.
    /// </exception>
    public Playbook Build()
    {
        var errors = new ValidationCollector();
        errors.Required(nameof(Probabilities), Probabilities);
        errors.ThrowIfAny();
        return Playbook.Create(
            _items,
            Probabilities,
            i => string.Create(CultureInfo.InvariantCulture, $"items[{i}]"),
            s => string.Create(CultureInfo.InvariantCulture, $"stages[{(int)s - 1}]"),
            errors);
    }

    private int Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = _items.FindIndex(item => string.Equals(item.Key, key, StringComparison.Ordinal));
        return i >= 0 ? i : throw new KamValidationException("key", KamErrorCodes.Unknown, key, "The builder has no item with this key.");
    }
}
