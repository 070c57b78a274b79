using Kam.Core.Accounts;

namespace Kam.Core.Relationships;

/// <summary>
/// What is known about one contact at one time: name and title, the three dimensions (level, function, roles), the
/// decisions held, veto, influence, attitude to us, decision style, place in the org chart, informal influence lines,
/// committees and the competitor the contact leans to (rule book: accounts, the buying center and our coverage).
/// </summary>
/// <remarks>
/// Immutable and valid from construction: every problem of its own values is reported at once, with paths relative
/// to the profile (<c>influence</c>, <c>influences[2]</c>). Whether <see cref="ReportsTo"/> and
/// <see cref="Influences"/> name contacts of the same account, and whether the org chart has a cycle, is checked by
/// the <see cref="BuyingCenterHistory"/> that applies the profile.
/// </remarks>
public sealed class ContactProfile
{
    /// <summary>The top of the influence scale: 0 (no influence on the decision) to 5 (decisive).</summary>
    public const int MaxInfluence = 5;

    private const BuyingRoles AllRoles = BuyingRoles.Initiator | BuyingRoles.DecisionMaker | BuyingRoles.User | BuyingRoles.Designer | BuyingRoles.Evaluator;

    /// <summary>Creates a profile.</summary>
    /// <param name="name">The contact's name; not blank.</param>
    /// <param name="level">The level the contact works at.</param>
    /// <param name="function">The contact's function (<see cref="ContactFunction.User"/>, <see cref="ContactFunction.Technical"/>, <see cref="ContactFunction.Purchasing"/> or a host-defined one).</param>
    /// <param name="roles">The roles the contact plays in the purchase.</param>
    /// <param name="decisions">The decisions the contact holds.</param>
    /// <param name="veto">Whether the contact can veto the purchase.</param>
    /// <param name="influence">The contact's influence on the decision, 0 to <see cref="MaxInfluence"/>.</param>
    /// <param name="attitude">The contact's attitude to us.</param>
    /// <param name="style">The contact's decision style, or <see langword="null"/> when not known.</param>
    /// <param name="reportsTo">The contact the contact reports to (the org chart), or <see langword="null"/>.</param>
    /// <param name="influences">The contacts this contact influences informally, outside the org chart (copied); <see langword="null"/> for none.</param>
    /// <param name="committees">The committees the contact sits on.</param>
    /// <param name="leaningTo">The competitor the contact leans to, or <see langword="null"/>.</param>
    /// <param name="title">The contact's job title, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">A value is missing, undefined or out of its scale, or an influence line is repeated; every problem is reported.</exception>
    public ContactProfile(
        string name,
        DecisionLevel level,
        ContactFunction function,
        BuyingRoles roles = BuyingRoles.None,
        BuyingDecisions decisions = BuyingDecisions.None,
        bool veto = false,
        int influence = 0,
        Attitude attitude = Attitude.Neutral,
        DecisionStyle? style = null,
        ContactId? reportsTo = null,
        IReadOnlyList<ContactId>? influences = null,
        Committees committees = Committees.None,
        string? leaningTo = null,
        string? title = null)
    {
        var errors = new ValidationCollector();
        errors.Required("name", name);
        Checks.Defined(errors, "level", level);
        if (function.Name.Length == 0)
        {
            errors.Add("function", KamErrorCodes.Required, null, "A function is required.");
        }

        if ((roles & ~AllRoles) != BuyingRoles.None)
        {
            errors.Add("roles", KamErrorCodes.OutOfRange, (int)roles, "Not a combination of the defined roles.");
        }

        if ((decisions & ~BuyingDecisions.All) != BuyingDecisions.None)
        {
            errors.Add("decisions", KamErrorCodes.OutOfRange, (int)decisions, "Not a combination of the five decisions.");
        }

        errors.InRange("influence", influence, 0, MaxInfluence);
        Checks.Defined(errors, "attitude", attitude);
        if (style is { } s)
        {
            Checks.Defined(errors, "style", s);
        }

        if (reportsTo is { } boss)
        {
            Checks.Identifier(errors, "reportsTo", boss.Value);
        }

        var lines = influences is null ? [] : influences.ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Checks.Identifier(errors, $"influences[{i}]", lines[i].Value) && Array.IndexOf(lines, lines[i], 0, i) >= 0)
            {
                errors.Add($"influences[{i}]", KamErrorCodes.Duplicate, lines[i], "This influence line is listed twice.");
            }
        }

        if ((committees & ~(Committees.Buying | Committees.Evaluation)) != Committees.None)
        {
            errors.Add("committees", KamErrorCodes.OutOfRange, (int)committees, "Not a combination of the buying and evaluation committees.");
        }

        if (leaningTo is not null)
        {
            errors.Required("leaningTo", leaningTo);
        }

        errors.ThrowIfAny();
        Name = name;
        Level = level;
        Function = function;
        Roles = roles;
        Decisions = decisions;
        Veto = veto;
        Influence = influence;
        Attitude = attitude;
        Style = style;
        ReportsTo = reportsTo;
        Influences = Array.AsReadOnly(lines);
        Committees = committees;
        LeaningTo = leaningTo;
        Title = title;
    }

    /// <summary>Gets the contact's name.</summary>
    public string Name { get; }

    /// <summary>Gets the contact's job title, or <see langword="null"/>.</summary>
    public string? Title { get; }

    /// <summary>Gets the level the contact works at.</summary>
    public DecisionLevel Level { get; }

    /// <summary>Gets the contact's function.</summary>
    public ContactFunction Function { get; }

    /// <summary>Gets the roles the contact plays in the purchase.</summary>
    public BuyingRoles Roles { get; }

    /// <summary>Gets the decisions the contact holds.</summary>
    public BuyingDecisions Decisions { get; }

    /// <summary>Gets a value indicating whether the contact can veto the purchase.</summary>
    public bool Veto { get; }

    /// <summary>Gets the contact's influence on the decision, 0 to <see cref="MaxInfluence"/>.</summary>
    public int Influence { get; }

    /// <summary>Gets the contact's attitude to us.</summary>
    public Attitude Attitude { get; }

    /// <summary>Gets the contact's decision style, or <see langword="null"/> when not known.</summary>
    public DecisionStyle? Style { get; }

    /// <summary>Gets the contact the contact reports to, or <see langword="null"/>.</summary>
    public ContactId? ReportsTo { get; }

    /// <summary>Gets the contacts this contact influences informally, in the order given.</summary>
    public IReadOnlyList<ContactId> Influences { get; }

    /// <summary>Gets the committees the contact sits on.</summary>
    public Committees Committees { get; }

    /// <summary>Gets the competitor the contact leans to, or <see langword="null"/>.</summary>
    public string? LeaningTo { get; }
}
