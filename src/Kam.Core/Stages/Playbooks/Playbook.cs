using System.Collections.Frozen;
using System.Globalization;

namespace Kam.Core.Stages;

/// <summary>
/// The rules of the stage machine as data: for each of the eight sales stages, its milestone items (entry) and its
/// success-criteria items (exit), plus the win-probability table. <see cref="Default"/> is the seed's playbook.
/// </summary>
/// <remarks>
/// <para>
/// A playbook is validated when it is built (<see cref="PlaybookBuilder.Build"/>, <see cref="FromJson"/>): keys are
/// unique and not blank, names are given, each stage has at least one required milestone and at least one required
/// success criterion, the probabilities rise strictly, and there are at most <see cref="MaxItems"/> items. An engine
/// therefore never meets an invalid playbook.
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

    /// <summary>Starts a builder holding a copy of this playbook's items and probabilities, to derive a changed playbook.</summary>
    /// <returns>A new builder.</returns>
    public PlaybookBuilder ToBuilder() => new(_items, Probabilities);

    /// <summary>Renders the playbook as text: one line per stage with its probability and items.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Playbook with {_items.Length} items; probabilities {Probabilities}");

    internal UInt128 RequiredMilestones(int stageNumber) => _requiredMilestones[stageNumber - 1];

    internal UInt128 RequiredSuccess(int stageNumber) => _requiredSuccess[stageNumber - 1];

    internal UInt128 StageItems(int stageNumber) => _stageItems[stageNumber - 1];

    internal bool TryGetIndex(string key, out int index) => _index.TryGetValue(key, out index);

    internal static Playbook Create(IReadOnlyList<PlaybookItem> items, WinProbabilityTable probabilities, Func<int, string> pathOf, Func<SalesStage, string> stagePathOf, ValidationCollector errors)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = pathOf(i);
            if (item is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "An item is required.");
                continue;
            }

            errors.Required(path + ".key", item.Key);
            errors.Required(path + ".chineseName", item.ChineseName);
            errors.Required(path + ".englishName", item.EnglishName);
            if (!item.Stage.IsDefined())
            {
                errors.Add(path + ".stage", KamErrorCodes.OutOfRange, (int)item.Stage, "Not a defined stage; stages are numbered 1 to 8.");
            }

            if (item.Kind is not (StageItemKind.Milestone or StageItemKind.SuccessCriterion))
            {
                errors.Add(path + ".kind", KamErrorCodes.OutOfRange, (int)item.Kind, "Not a defined item kind.");
            }
        }

        var present = items.Where(i => i is not null).ToArray();
        errors.Distinct(i => pathOf(i) + ".key", items.Select(i => i?.Key ?? string.Empty), StringComparer.Ordinal);
        if (items.Count > MaxItems)
        {
            errors.Add("items", KamErrorCodes.OutOfRange, items.Count, string.Create(CultureInfo.InvariantCulture, $"A playbook holds at most {MaxItems} items."));
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
        return new Playbook(ordered, probabilities);
    }
}
