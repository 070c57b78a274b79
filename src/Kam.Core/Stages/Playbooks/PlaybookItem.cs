namespace Kam.Core.Stages;

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
/// Equality is structural over all members. The record is validated when a playbook is built, not when it is created.
/// </para>
/// </remarks>
/// <param name="Key">The stable key, for example <c>s1.customer-graded</c>.</param>
/// <param name="Stage">The stage the item belongs to.</param>
/// <param name="Kind">Whether it is a milestone or a success criterion.</param>
/// <param name="ChineseName">The display name in Chinese (the seed's term).</param>
/// <param name="EnglishName">The display name in English.</param>
/// <param name="Required">Whether the item must be done for the stage to be entered (milestone) or completed (success criterion).</param>
public sealed record PlaybookItem(string Key, SalesStage Stage, StageItemKind Kind, string ChineseName, string EnglishName, bool Required = true);
