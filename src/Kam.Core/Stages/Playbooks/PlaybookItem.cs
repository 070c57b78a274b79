using Kam.Core.Stages.Events;

namespace Kam.Core.Stages.Playbooks;

/// <summary>
/// One named action of a stage in a <see cref="Playbook"/>: a milestone (entry) or a success criterion (exit), with a
/// stable key and names in Chinese and English.
/// </summary>
/// <remarks>
/// <para>
/// The <see cref="Key"/> is what events name (<see cref="MilestoneItemDone"/>, <see cref="SuccessItemMet"/>); it
/// is compared ordinally and must be unique within a playbook. Renaming an item changes its names, never its key, so
/// stored event histories stay valid.
/// </para>
/// <para>
/// An item that is not <see cref="Required"/> is tracked and shown but does not gate entering or completing its stage.
/// Valid from the moment it exists (the constructor checks every value), immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class PlaybookItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="key">The stable key, for example <c>s1.customer-graded</c>; not blank.</param>
    /// <param name="stage">The stage the item belongs to (1 to 8).</param>
    /// <param name="kind">Whether it is a milestone or a success criterion.</param>
    /// <param name="chineseName">The display name in Chinese (the rule book's term); not blank.</param>
    /// <param name="englishName">The display name in English; not blank.</param>
    /// <param name="required">Whether the item must be done for the stage to be entered (milestone) or completed (success criterion). Default true.</param>
    /// <exception cref="KamValidationException">A value is missing or undefined (paths <c>key</c>, <c>chineseName</c>, <c>englishName</c>, <c>stage</c>, <c>kind</c>).</exception>
    public PlaybookItem(string key, SalesStage stage, StageItemKind kind, string chineseName, string englishName, bool required = true)
    {
        var errors = new ValidationCollector();
        errors.Required("key", key);
        errors.Required("chineseName", chineseName);
        errors.Required("englishName", englishName);
        if (!stage.IsDefined())
        {
            errors.Add("stage", KamErrorCodes.OutOfRange, (int)stage, "Not a defined stage; stages are numbered 1 to 8.");
        }

        if (kind is not (StageItemKind.Milestone or StageItemKind.SuccessCriterion))
        {
            errors.Add("kind", KamErrorCodes.OutOfRange, (int)kind, "Not a defined item kind.");
        }

        errors.ThrowIfAny();
        Key = key;
        Stage = stage;
        Kind = kind;
        ChineseName = chineseName;
        EnglishName = englishName;
        Required = required;
    }

    /// <summary>Gets the stable key, for example <c>s1.customer-graded</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the stage the item belongs to.</summary>
    public SalesStage Stage { get; }

    /// <summary>Gets whether it is a milestone or a success criterion.</summary>
    public StageItemKind Kind { get; }

    /// <summary>Gets the display name in Chinese.</summary>
    public string ChineseName { get; }

    /// <summary>Gets the display name in English.</summary>
    public string EnglishName { get; }

    /// <summary>Gets a value indicating whether the item must be done for the stage to be entered (milestone) or completed (success criterion).</summary>
    public bool Required { get; }
}
