using System.Collections.Frozen;
using System.Globalization;
using Kam.Core.Stages.Serialization;

namespace Kam.Core.Stages.Playbooks;

/// <summary>
/// The rules of the stage machine as data: for each of the eight sales stages, its milestone items (entry) and its
/// success-criteria items (exit), plus the win-probability table. <see cref="Default"/> is the rule book's playbook.
/// </summary>
/// <remarks>
/// <para>
/// A playbook is valid from the moment it exists (its constructor and <see cref="FromJson"/> check it): keys are
/// unique and not blank, names are given, each stage has at least one required milestone and at least one required
/// success criterion, the probabilities rise strictly, and there are at most <see cref="MaxItems"/> items. An engine
/// therefore never meets an invalid playbook. To derive a changed playbook, pass a changed copy of
/// <see cref="Items"/> to the constructor.
/// </para>
/// <para>
/// Items get dense indices (stage 1 milestones first, then its success criteria, then stage 2 …) so that an
/// opportunity's progress is a bit set; <see cref="IndexOf"/> gives an item's index.
/// </para>
/// <para>
/// Immutable and thread-safe. Equality is by reference: two playbooks with the same items are different rule sets
/// for the opportunities built on them.
/// </para>
/// </remarks>
public sealed partial class Playbook
{
    /// <summary>The largest number of items a playbook may hold (the width of an opportunity's progress bit set).</summary>
    public const int MaxItems = 128;

    private readonly PlaybookItem[] _items;
    private readonly FrozenDictionary<string, int> _index;
    private readonly UInt128[] _requiredMilestones = new UInt128[StageExtensions.StageCount];
    private readonly UInt128[] _requiredSuccess = new UInt128[StageExtensions.StageCount];
    private readonly UInt128[] _stageItems = new UInt128[StageExtensions.StageCount];

    /// <summary>Creates a playbook and checks it.</summary>
    /// <param name="items">The items, in any order (indices are given by stage, milestones first, then in the order given).</param>
    /// <param name="probabilities">The win-probability table. Default: <see cref="WinProbabilityTable.Default"/>.</param>
    /// <exception cref="KamValidationException">
    /// Every problem found, with paths <c>items[i]</c> (a missing item), <c>items[i].key</c> (a duplicate key),
    /// <c>stages[s]</c> (a stage without a required milestone or success criterion) and <c>items</c> (too many).
    /// </exception>
    public Playbook(IEnumerable<PlaybookItem> items, WinProbabilityTable? probabilities = null)
        : this(Checked(items, i => string.Create(CultureInfo.InvariantCulture, $"items[{i}]"), s => string.Create(CultureInfo.InvariantCulture, $"stages[{(int)s - 1}]")), probabilities ?? WinProbabilityTable.Default)
    {
    }

    private Playbook(PlaybookItem[] items, WinProbabilityTable probabilities)
    {
        _items = items;
        Probabilities = probabilities;
        _index = items.Select((item, i) => KeyValuePair.Create(item.Key, i)).ToFrozenDictionary(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            var s = (int)item.Stage - 1;
            var bit = UInt128.One << i;
            _stageItems[s] |= bit;
            if (item.Required)
            {
                if (item.Kind == StageItemKind.Milestone)
                {
                    _requiredMilestones[s] |= bit;
                }
                else
                {
                    _requiredSuccess[s] |= bit;
                }
            }

            if (item.Kind == StageItemKind.Milestone)
            {
                MilestoneMask |= bit;
            }
        }
    }

    /// <summary>Gets every item, in index order (by stage, milestones before success criteria, then as added).</summary>
    public IReadOnlyList<PlaybookItem> Items => _items;

    /// <summary>Gets the win probability of each completed stage.</summary>
    public WinProbabilityTable Probabilities { get; }

    internal UInt128 MilestoneMask { get; }

    /// <summary>Gets the items of one stage and kind, in index order.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="kind">Milestones or success criteria.</param>
    /// <returns>The items.</returns>
    public IReadOnlyList<PlaybookItem> ItemsOf(SalesStage stage, StageItemKind kind)
    {
        stage.Number();
        return _items.Where(i => i.Stage == stage && i.Kind == kind).ToArray();
    }

    /// <summary>Gets the dense index of an item.</summary>
    /// <param name="key">The item's key.</param>
    /// <returns>The index, or -1 when the playbook has no such item.</returns>
    public int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _index.TryGetValue(key, out var index) ? index : -1;
    }

    /// <summary>Gets an item by its key.</summary>
    /// <param name="key">The item's key.</param>
    /// <returns>The item.</returns>
    /// <exception cref="KamValidationException">The playbook has no such item (code <see cref="KamErrorCodes.Unknown"/>).</exception>
    public PlaybookItem this[string key] => IndexOf(key) is var i and >= 0
        ? _items[i]
        : throw new KamValidationException("key", KamErrorCodes.Unknown, key, "The playbook has no item with this key.");

    /// <summary>Reads a playbook from its JSON rule file (format in docs/stages.md) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The playbook.</returns>
    /// <exception cref="KamValidationException">
    /// The text is not a valid playbook; every error carries its JSON path, such as <c>$.stages[2].probability</c> or
    /// <c>$.stages[0].milestones[1].key</c>.
    /// </exception>
    public static Playbook FromJson(string json) => PlaybookJson.Read(json);

    /// <summary>Writes the playbook as its JSON rule file; <see cref="FromJson"/> reads it back to an equal playbook.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => PlaybookJson.Write(this);

    /// <summary>Renders the playbook as text: one line per stage with its probability and items.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Playbook with {_items.Length} items; probabilities {Probabilities}");

    internal UInt128 RequiredMilestones(int stageNumber) => _requiredMilestones[stageNumber - 1];

    internal UInt128 RequiredSuccess(int stageNumber) => _requiredSuccess[stageNumber - 1];

    internal UInt128 StageItems(int stageNumber) => _stageItems[stageNumber - 1];

    internal bool TryGetIndex(string key, out int index) => _index.TryGetValue(key, out index);

    /// <summary>Builds a playbook from items already checked one by one (the JSON reader), reporting errors at the given paths.</summary>
    internal static Playbook Create(IReadOnlyList<PlaybookItem> items, WinProbabilityTable probabilities, Func<int, string> pathOf, Func<SalesStage, string> stagePathOf) =>
        new(Checked(items, pathOf, stagePathOf), probabilities);

    /// <summary>Checks the items as a whole and returns them in index order.</summary>
    private static PlaybookItem[] Checked(IEnumerable<PlaybookItem> source, Func<int, string> pathOf, Func<SalesStage, string> stagePathOf)
    {
        ArgumentNullException.ThrowIfNull(source);
        var items = source.ToArray();
        var errors = new ValidationCollector();
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null)
            {
                errors.Add(pathOf(i), KamErrorCodes.Required, null, "An item is required.");
            }
        }

        var present = items.Where(i => i is not null).ToArray();
        errors.Distinct(i => pathOf(i) + ".key", items.Select(i => i?.Key ?? string.Empty), StringComparer.Ordinal);
        if (items.Length > MaxItems)
        {
            errors.Add("items", KamErrorCodes.OutOfRange, items.Length, string.Create(CultureInfo.InvariantCulture, $"A playbook holds at most {MaxItems} items."));
        }

        foreach (var stage in StageExtensions.AllSalesStages)
        {
            foreach (var kind in (ReadOnlySpan<StageItemKind>)[StageItemKind.Milestone, StageItemKind.SuccessCriterion])
            {
                if (!present.Any(i => i.Stage == stage && i.Kind == kind && i.Required))
                {
                    var what = kind == StageItemKind.Milestone ? "milestone" : "success criterion";
                    errors.Add(stagePathOf(stage), KamErrorCodes.Empty, stage, $"Stage {stage.Number()} ({stage.ChineseName()}) has no required {what}.");
                }
            }
        }

        errors.ThrowIfAny();

        // Dense indices: stage by stage, milestones first, each group in the order given.
        var ordered = present
            .Select((item, position) => (item, position))
            .OrderBy(p => p.item.Stage)
            .ThenBy(p => p.item.Kind)
            .ThenBy(p => p.position)
            .Select(p => p.item)
            .ToArray();
        return ordered;
    }
}
