namespace Kam.Core.Portfolio.Review;

/// <summary>One account's place in a ranking of the <see cref="PortfolioDashboard"/>: its score, its value at stake, and the rules that fired with their reasons.</summary>
public sealed class DashboardEntry
{
    internal DashboardEntry(AccountId account, RuleFinding[] findings)
    {
        Account = account;
        Findings = Array.AsReadOnly(findings);
        Score = Scores.Sum(findings);
        ValueAtStake = Scores.Stake(findings);
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the score: the sum of the fired rules' weights (of the ranking's kind).</summary>
    public double Score { get; }

    /// <summary>Gets the value at stake: the largest value-at-stake signal among the fired rules, 0 when none (values of one account overlap, so they are not added).</summary>
    public double ValueAtStake { get; }

    /// <summary>Gets the fired rules, in rule-set order, each with its reasons and action.</summary>
    public IReadOnlyList<RuleFinding> Findings { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Account} {Score:G6}: {string.Join(", ", Findings.Select(f => f.Rule.Code))}";

    /// <summary>The ranking order: score descending, then value at stake descending, then account identifier (ordinal).</summary>
    internal static int Compare(DashboardEntry? x, DashboardEntry? y)
    {
        var c = y!.Score.CompareTo(x!.Score);
        if (c == 0)
        {
            c = y.ValueAtStake.CompareTo(x.ValueAtStake);
        }

        return c != 0 ? c : x.Account.CompareTo(y.Account);
    }
}
