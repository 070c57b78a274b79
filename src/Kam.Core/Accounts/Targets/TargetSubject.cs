using System.Diagnostics.CodeAnalysis;

namespace Kam.Core.Accounts.Targets;

/// <summary>Whom a target is set for: one account, or one unit of our organization.</summary>
/// <remarks>A value: two subjects are equal when they name the same account, or the same unit. The default value names neither.</remarks>
[SuppressMessage("Design", "CA1036", Justification = "A subject is a key; ordering operators would mean nothing.")]
public readonly record struct TargetSubject
{
    private TargetSubject(AccountId? account, UnitId? unit)
    {
        Account = account;
        Unit = unit;
    }

    /// <summary>Gets the account, when the subject is an account.</summary>
    public AccountId? Account { get; }

    /// <summary>Gets the unit, when the subject is a unit.</summary>
    public UnitId? Unit { get; }

    /// <summary>Gets a value indicating whether the subject is an account (otherwise it is a unit, or the default value).</summary>
    public bool IsAccount => Account is not null;

    /// <summary>Gets a value indicating whether the subject is a unit.</summary>
    public bool IsUnit => Unit is not null;

    /// <summary>Names an account.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The subject.</returns>
    public static TargetSubject ForAccount(AccountId account) => new(account, null);

    /// <summary>Names a unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The subject.</returns>
    public static TargetSubject ForUnit(UnitId unit) => new(null, unit);

    /// <summary>Returns <c>account:ID</c> or <c>unit:ID</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => Account is { } a ? $"account:{a}" : Unit is { } u ? $"unit:{u}" : "(none)";
}
