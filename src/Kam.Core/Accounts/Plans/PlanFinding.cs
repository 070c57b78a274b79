namespace Kam.Core.Accounts.Plans;

/// <summary>One fault a plan check found in one account's plan: what kind, where in the plan, and why.</summary>
public sealed class PlanFinding
{
    internal PlanFinding(PlanFindingKind kind, AccountId account, string path, IReadOnlyList<string> reasons)
    {
        Kind = kind;
        Account = account;
        Path = path;
        Reasons = reasons;
    }

    /// <summary>Gets the kind of fault.</summary>
    public PlanFindingKind Kind { get; }

    /// <summary>Gets the account whose plan has the fault.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the part of the plan at fault, as a path in the plan's members (<c>actions[3].owner</c>, <c>reviews</c>, <c>account</c>).</summary>
    public string Path { get; }

    /// <summary>Gets the reasons, one sentence each, naming the values found.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Returns <c>ACCOUNT path: Kind — reasons</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Account} {Path}: {Kind} — {string.Join(" ", Reasons)}";
}
