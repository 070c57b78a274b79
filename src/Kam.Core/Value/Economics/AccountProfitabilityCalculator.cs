using System.Globalization;

namespace Kam.Core.Value.Economics;

/// <summary>The standard <see cref="IAccountProfitabilityCalculator"/>.</summary>
/// <remarks>
/// Per account and period: volume discount = the policy's rate for the period's gross revenue × that revenue; then
/// contribution = revenue − volume discount − other discounts − cost of goods − cost to serve − acquisition costs.
/// Totals are sums over periods. Decimal arithmetic throughout; nothing is rounded. Immutable and thread-safe.
/// </remarks>
public sealed class AccountProfitabilityCalculator : IAccountProfitabilityCalculator
{
    /// <summary>Creates a calculator.</summary>
    /// <param name="policy">The policy; null uses <see cref="AccountEconomicsPolicy.Default"/>.</param>
    public AccountProfitabilityCalculator(AccountEconomicsPolicy? policy = null) => Policy = policy ?? AccountEconomicsPolicy.Default;

    /// <inheritdoc />
    public AccountEconomicsPolicy Policy { get; }

    /// <inheritdoc />
    public ProfitabilityReport Calculate(IEnumerable<AccountPeriodFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var rows = figures.ToArray();
        var currency = Validate(rows);
        return Overflow.Guard("figures (account contribution)", () => Calculate(rows, currency));
    }

    private ProfitabilityReport Calculate(AccountPeriodFigures[] rows, Currency currency)
    {
        var periods = Overflow.Guard("figures (profit lines of an account and period)", () => rows
            .Select(f => new AccountPeriodProfit(f.Account, f.Period, LinesOf(f, currency)))
            .GroupBy(p => p.Account)
            .Select(g => (Account: g.Key, Periods: g.OrderBy(p => p.Period).ToArray()))
            .Select(g => (g.Account, g.Periods, Totals: Overflow.Guard($"account '{g.Account}' total profit lines", () => g.Periods.Aggregate(ProfitLines.Zero(currency), (sum, p) => sum.Add(p.Lines)))))
            .ToArray());

        var revenueRank = Rank(periods.Select(p => (p.Account, p.Totals.Revenue.Amount)));
        var contributionRank = Rank(periods.Select(p => (p.Account, p.Totals.Contribution.Amount)));
        var accounts = periods
            .Select(p => new AccountProfitability(p.Account, p.Totals, p.Periods, revenueRank[p.Account], contributionRank[p.Account]))
            .ToArray();
        return new ProfitabilityReport(
            currency,
            accounts.OrderBy(a => a.RevenueRank).ToArray(),
            accounts.OrderBy(a => a.ContributionRank).ToArray(),
            Overflow.Guard("portfolio total profit lines", () => accounts.Aggregate(ProfitLines.Zero(currency), (sum, a) => sum.Add(a.Totals))));
    }

    private ProfitLines LinesOf(AccountPeriodFigures f, Currency currency)
    {
        var (visible, hidden) = AcquisitionCostTotals.Split(f.AcquisitionCosts, currency);
        return new ProfitLines(f.Revenue, f.Revenue * Policy.VolumeDiscountRate(f.Revenue), f.Discounts, f.CostOfGoods, f.CostToServe, visible, hidden);
    }

    private static Dictionary<AccountId, int> Rank(IEnumerable<(AccountId Account, decimal Amount)> amounts) =>
        amounts
            .OrderByDescending(a => a.Amount)
            .ThenBy(a => a.Account)
            .Select((a, i) => (a.Account, Rank: i + 1))
            .ToDictionary(a => a.Account, a => a.Rank);

    private Currency Validate(AccountPeriodFigures[] rows)
    {
        var errors = new ValidationCollector();
        if (rows.Length == 0)
        {
            errors.Add("figures", KamErrorCodes.Empty, null, "At least one account period is needed.");
            errors.ThrowIfAny();
        }

        var currency = rows.FirstOrDefault(r => r is not null)?.Revenue.Currency ?? Currency.None;
        if (Policy.VolumeDiscounts.Count > 0 && Policy.VolumeDiscounts[0].MinimumRevenue.Currency != currency)
        {
            errors.Add("policy.volumeDiscounts", KamErrorCodes.CurrencyMismatch, Policy.VolumeDiscounts[0].MinimumRevenue.Currency.Code, string.Create(CultureInfo.InvariantCulture, $"The discount schedule is in another currency than the figures ({currency.Code})."));
        }

        var seen = new HashSet<(AccountId, FiscalPeriod)>();
        for (var i = 0; i < rows.Length; i++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"figures[{i}]");
            var f = rows[i];
            if (!errors.Required(at, f) || !errors.Required($"{at}.acquisitionCosts", f.AcquisitionCosts))
            {
                continue;
            }

            if (!seen.Add((f.Account, f.Period)))
            {
                errors.Add($"{at}.period", KamErrorCodes.Duplicate, f.Period, string.Create(CultureInfo.InvariantCulture, $"Account {f.Account} already has figures for this period."));
            }

            CheckAmount(errors, $"{at}.revenue", f.Revenue, currency);
            CheckAmount(errors, $"{at}.discounts", f.Discounts, currency);
            CheckAmount(errors, $"{at}.costOfGoods", f.CostOfGoods, currency);
            CheckAmount(errors, $"{at}.costToServe", f.CostToServe, currency);
            for (var j = 0; j < f.AcquisitionCosts.Count; j++)
            {
                if (errors.Required(string.Create(CultureInfo.InvariantCulture, $"{at}.acquisitionCosts[{j}]"), f.AcquisitionCosts[j]))
                {
                    CheckAmount(errors, string.Create(CultureInfo.InvariantCulture, $"{at}.acquisitionCosts[{j}].amount"), f.AcquisitionCosts[j].Amount, currency);
                }
            }

            if (f.Discounts.Currency == currency && f.Revenue.Currency == currency && f.Discounts > f.Revenue)
            {
                errors.Add($"{at}.discounts", KamErrorCodes.OutOfRange, f.Discounts, "Discounts cannot exceed the gross revenue.");
            }
        }

        errors.ThrowIfAny();
        return currency;
    }

    private static void CheckAmount(ValidationCollector errors, string path, Money amount, Currency currency)
    {
        if (amount.Currency != currency)
        {
            errors.Add(path, KamErrorCodes.CurrencyMismatch, amount, string.Create(CultureInfo.InvariantCulture, $"Every amount must be in {currency.Code}, the currency of the first revenue."));
        }
        else
        {
            errors.NotNegative(path, amount.Amount);
        }
    }
}
