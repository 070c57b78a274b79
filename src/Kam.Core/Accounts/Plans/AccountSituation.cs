namespace Kam.Core.Accounts.Plans;

/// <summary>
/// The situation part of a <see cref="KeyAccountPlan"/>: the facts kept on the account — its revenue and financial
/// indicators, our share of its spend and of its profit, the competitors present, its buying process, and notes
/// (management changes, strategy, business trend, the state of its outlets) (rule book: what we keep on a valuable
/// account).
/// </summary>
/// <remarks>Immutable and validated when created; every member is optional.</remarks>
public sealed class AccountSituation
{
    /// <summary>Creates the situation.</summary>
    /// <param name="revenue">The account's annual revenue, or <see langword="null"/> when unknown; not negative, in the plan's currency.</param>
    /// <param name="indicators">The account's financial indicators by name (copied), for example <c>grossMargin</c>; names not blank.</param>
    /// <param name="shareOfSpend">Our share of the account's spend in our categories, 0-1, or <see langword="null"/>.</param>
    /// <param name="shareOfProfit">Our share of the account's profit pool, 0-1, or <see langword="null"/>.</param>
    /// <param name="competitors">The competitors present at the account (copied); not blank, each once.</param>
    /// <param name="buyingProcess">How the account buys (its procurement process), or <see langword="null"/>.</param>
    /// <param name="notes">Other facts (copied): management changes, strategy, business trend, outlets; not blank.</param>
    /// <exception cref="KamValidationException">A value is out of range or blank; every problem is reported.</exception>
    public AccountSituation(
        Money? revenue = null,
        IReadOnlyDictionary<string, decimal>? indicators = null,
        decimal? shareOfSpend = null,
        decimal? shareOfProfit = null,
        IReadOnlyList<string>? competitors = null,
        string? buyingProcess = null,
        IReadOnlyList<string>? notes = null)
    {
        var errors = new ValidationCollector();
        if (revenue is { } r)
        {
            PlanRules.Amount(errors, "revenue", r);
        }

        var copy = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, value) in indicators ?? new Dictionary<string, decimal>(StringComparer.Ordinal))
        {
            if (errors.Required($"indicators['{name}']", name))
            {
                copy[name] = value;
            }
        }

        if (shareOfSpend is { } s)
        {
            errors.InRange("shareOfSpend", s, 0m, 1m);
        }

        if (shareOfProfit is { } p)
        {
            errors.InRange("shareOfProfit", p, 0m, 1m);
        }

        var competitorList = PlanRules.Texts(errors, "competitors", competitors, unique: true);
        var noteList = PlanRules.Texts(errors, "notes", notes);
        if (buyingProcess is not null)
        {
            errors.Required("buyingProcess", buyingProcess);
        }

        errors.ThrowIfAny();
        Revenue = revenue;
        Indicators = copy.AsReadOnly();
        ShareOfSpend = shareOfSpend;
        ShareOfProfit = shareOfProfit;
        Competitors = Array.AsReadOnly(competitorList);
        BuyingProcess = buyingProcess;
        Notes = Array.AsReadOnly(noteList);
    }

    /// <summary>Gets the account's annual revenue, or <see langword="null"/>.</summary>
    public Money? Revenue { get; }

    /// <summary>Gets the account's financial indicators by name.</summary>
    public IReadOnlyDictionary<string, decimal> Indicators { get; }

    /// <summary>Gets our share of the account's spend (0-1), or <see langword="null"/>.</summary>
    public decimal? ShareOfSpend { get; }

    /// <summary>Gets our share of the account's profit pool (0-1), or <see langword="null"/>.</summary>
    public decimal? ShareOfProfit { get; }

    /// <summary>Gets the competitors present, in the order given.</summary>
    public IReadOnlyList<string> Competitors { get; }

    /// <summary>Gets how the account buys, or <see langword="null"/>.</summary>
    public string? BuyingProcess { get; }

    /// <summary>Gets the other facts, in the order given.</summary>
    public IReadOnlyList<string> Notes { get; }
}
