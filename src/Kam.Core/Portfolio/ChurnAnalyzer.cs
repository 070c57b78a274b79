using System.Globalization;
using Kam.Core.Accounts;
using Kam.Core.Stages;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Portfolio;

/// <summary>
/// Churn of key accounts (rule book: the portfolio view, churn): the accounts lost per period with their revenue, by
/// reason, cause group and industry; gross and net revenue retention between two periods; and the retention expected
/// ahead from the shifted-beta-geometric model.
/// </summary>
/// <remarks>Built once from its rules; immutable and thread-safe. docs/portfolio.md gives the definitions and a worked example.</remarks>
public sealed class ChurnAnalyzer
{
    /// <summary>Creates an analyzer.</summary>
    /// <param name="reasons">The reason list the losses' codes come from (each for the outcome lost).</param>
    /// <param name="calendar">The fiscal calendar that names the periods.</param>
    /// <param name="period">The length of the periods churn is counted over (a half-year, a quarter …).</param>
    /// <param name="currency">The currency of the revenue.</param>
    /// <exception cref="KamValidationException">The period length is not defined.</exception>
    public ChurnAnalyzer(CloseReasonCatalog reasons, FiscalCalendar calendar, PeriodKind period, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(period))
        {
            throw new KamValidationException("period", KamErrorCodes.OutOfRange, period.ToString(), "Not a period length: Month, Quarter, Half or Year.");
        }

        Reasons = reasons;
        Calendar = calendar;
        Period = period;
        Currency = currency;
    }

    /// <summary>Gets the reason list.</summary>
    public CloseReasonCatalog Reasons { get; }

    /// <summary>Gets the calendar.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>Gets the length of the periods.</summary>
    public PeriodKind Period { get; }

    /// <summary>Gets the currency of the revenue.</summary>
    public Currency Currency { get; }

    /// <summary>Counts the key accounts lost per period.</summary>
    /// <param name="revenue">Each account's revenue per period (periods of <see cref="Period"/>'s length); none is changed.</param>
    /// <param name="losses">The accounts lost; none is changed.</param>
    /// <param name="accounts">The accounts (their industry is read); none is changed.</param>
    /// <returns>One row per period, from the first period with a base or a loss to the last period with revenue or a loss.</returns>
    /// <exception cref="KamValidationException">
    /// Listing every problem: a revenue record of an unknown account, for a period of another length, in another
    /// currency, or twice for one account and period (<c>revenue[4].period</c>); a loss of an unknown account, of an
    /// account lost twice, or with a reason code the list does not hold for a loss (<c>losses[2].reasonCode</c>); an
    /// account listed twice; a revenue total that overflows.
    /// </exception>
    public IReadOnlyList<ChurnPeriod> Analyze(IEnumerable<AccountRevenue> revenue, IEnumerable<AccountLoss> losses, IEnumerable<Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var errors = new ValidationCollector();
        var industries = WinLossAnalyzer.IndustryIndex(accounts, errors);
        var amounts = RevenueIndex(revenue, errors, industries, requireKind: true);
        var lost = new Dictionary<AccountId, (AccountLoss Loss, CloseReason? Reason, FiscalPeriod Period)>();
        var i = -1;
        foreach (var loss in losses)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"losses[{i}]");
            if (loss is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "A loss is required.");
                continue;
            }

            if (!industries.ContainsKey(loss.Account))
            {
                errors.Add(path + ".account", KamErrorCodes.Unknown, loss.Account.Value, "No account with this identifier was given.");
            }
            else if (lost.ContainsKey(loss.Account))
            {
                errors.Add(path + ".account", KamErrorCodes.Duplicate, loss.Account.Value, "This account is already recorded as lost.");
            }

            var reason = Reasons.Resolve(loss.ReasonCode, OpportunityStatus.Lost, path + ".reasonCode", errors);
            lost.TryAdd(loss.Account, (loss, reason, Calendar.PeriodOf(loss.LostOn, Period)));
        }

        errors.ThrowIfAny();
        var withRevenue = amounts.Where(a => a.Value > 0m).GroupBy(a => a.Key.Period).ToDictionary(g => g.Key, g => g.Select(a => a.Key.Account).ToArray());
        var lostIn = lost.Values.GroupBy(l => l.Period).ToDictionary(g => g.Key, g => g.ToArray());
        var starts = withRevenue.Keys.Select(p => p.Next).Concat(lostIn.Keys).ToArray();
        if (starts.Length == 0)
        {
            return [];
        }

        var first = starts.Min();
        var last = withRevenue.Keys.Concat(lostIn.Keys).Max();
        var rows = new List<ChurnPeriod>();
        for (var p = first; p <= last; p = p.Next)
        {
            rows.Add(PeriodRow(p, amounts, withRevenue, lostIn.GetValueOrDefault(p) ?? [], lost, industries));
        }

        return rows;
    }

    /// <summary>Measures gross and net revenue retention between two periods (definitions on <see cref="RevenueRetention"/>).</summary>
    /// <param name="revenue">Each account's revenue per period; only the records of <paramref name="start"/> and <paramref name="end"/> are used; none is changed.</param>
    /// <param name="start">The start period.</param>
    /// <param name="end">The end period, after the start.</param>
    /// <returns>The retention.</returns>
    /// <exception cref="KamValidationException">The end is not after the start; a record is in another currency or given twice for one account and period; a total overflows.</exception>
    public RevenueRetention Retention(IEnumerable<AccountRevenue> revenue, FiscalPeriod start, FiscalPeriod end)
    {
        var errors = new ValidationCollector();
        if (end.Start.CompareTo(start.End) <= 0)
        {
            errors.Add("end", KamErrorCodes.OutOfOrder, end.ToString(), $"The end period must come after the start period {start}.");
        }

        var amounts = RevenueIndex(revenue, errors, null, requireKind: false);
        errors.ThrowIfAny();
        decimal startRevenue = 0m, lostRevenue = 0m, downgrade = 0m, expansion = 0m;
        long accounts = 0, lostAccounts = 0;
        foreach (var ((account, period), before) in amounts)
        {
            if (period != start || before <= 0m)
            {
                continue;
            }

            accounts++;
            startRevenue = Overflow.Add(startRevenue, before, "start revenue");
            var after = amounts.GetValueOrDefault((account, end));
            if (after <= 0m)
            {
                lostAccounts++;
                lostRevenue = Overflow.Add(lostRevenue, before, "lost revenue");
            }
            else if (after < before)
            {
                downgrade = Overflow.Add(downgrade, before - after, "downgrade");
            }
            else
            {
                expansion = Overflow.Add(expansion, after - before, "expansion");
            }
        }

        return new RevenueRetention(start, end, accounts, lostAccounts, Of(startRevenue), Of(lostRevenue), Of(downgrade), Of(expansion));
    }

    /// <summary>Projects retention from given sBG parameters: the share of today's accounts expected to be held 1, 2, … periods ahead.</summary>
    /// <param name="model">The model (γ, δ given or fitted).</param>
    /// <param name="horizon">How many periods ahead, 1 to 1,000.</param>
    /// <param name="periodsCompleted">The renewals the accounts have already made (0 for a new group): the projection is conditional on having survived them.</param>
    /// <returns>The projection.</returns>
    /// <exception cref="KamValidationException">The horizon or the periods completed are out of range.</exception>
    public static RetentionProjection Project(ShiftedBetaGeometricModel model, int horizon, int periodsCompleted = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new ValidationCollector();
        errors.InRange("horizon", horizon, 1, 1000);
        errors.InRange("periodsCompleted", periodsCompleted, 0, 100_000);
        errors.ThrowIfAny();
        var now = model.Survival(periodsCompleted);
        var points = new RetentionPoint[horizon];
        for (var t = 1; t <= horizon; t++)
        {
            points[t - 1] = new RetentionPoint(t, now > 0 ? model.Survival(periodsCompleted + t) / now : 0d, model.RetentionRate(periodsCompleted + t));
        }

        return new RetentionProjection(model, periodsCompleted, points);
    }

    /// <summary>Fits the sBG model to a cohort's survivors (maximum likelihood, default fit settings) and projects its retention from where the cohort stands.</summary>
    /// <param name="cohort">The cohort: how many of a starting group were still held after each period.</param>
    /// <param name="horizon">How many periods ahead, 1 to 1,000.</param>
    /// <returns>The projection, conditional on the periods the cohort has completed.</returns>
    /// <exception cref="KamValidationException">The horizon is out of range or the fit fails.</exception>
    public static RetentionProjection Project(RenewalCohort cohort, int horizon)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var fit = new CustomerBaseModelFitter().FitShiftedBetaGeometric(cohort);
        return Project(fit.Model, horizon, cohort.Periods);
    }

    private Money Of(decimal amount) => new(amount, Currency);

    private ChurnPeriod PeriodRow(
        FiscalPeriod p,
        Dictionary<(AccountId Account, FiscalPeriod Period), decimal> amounts,
        Dictionary<FiscalPeriod, AccountId[]> withRevenue,
        (AccountLoss Loss, CloseReason? Reason, FiscalPeriod Period)[] lostHere,
        Dictionary<AccountId, (AccountLoss Loss, CloseReason? Reason, FiscalPeriod Period)> lost,
        Dictionary<AccountId, string?> industries)
    {
        var previous = p.Previous;
        var startDay = p.Interval.Start;
        var baseAccounts = new HashSet<AccountId>();
        foreach (var account in withRevenue.GetValueOrDefault(previous) ?? [])
        {
            if (!lost.TryGetValue(account, out var l) || l.Loss.LostOn >= startDay)
            {
                baseAccounts.Add(account);
            }
        }

        foreach (var l in lostHere)
        {
            baseAccounts.Add(l.Loss.Account);
        }

        decimal baseRevenue = 0m, lostRevenue = 0m;
        var industryBase = new Dictionary<string, long>(StringComparer.Ordinal);
        long noIndustryBase = 0;
        foreach (var account in baseAccounts)
        {
            baseRevenue = Overflow.Add(baseRevenue, amounts.GetValueOrDefault((account, previous)), "base revenue");
            if (industries[account] is { } industry)
            {
                industryBase[industry] = industryBase.GetValueOrDefault(industry) + 1;
            }
            else
            {
                noIndustryBase++;
            }
        }

        var revenueOf = lostHere.ToDictionary(l => l.Loss.Account, l => amounts.GetValueOrDefault((l.Loss.Account, previous)));
        foreach (var amount in revenueOf.Values)
        {
            lostRevenue = Overflow.Add(lostRevenue, amount, "lost revenue");
        }

        var count = lostHere.Length;
        ChurnShare[] Shares(Func<(AccountLoss Loss, CloseReason? Reason, FiscalPeriod Period), string?> key, Func<string?, long?> baseOf, IEnumerable<string?> order) =>
            order.Select(k => (Key: k, Items: lostHere.Where(l => string.Equals(key(l), k, StringComparison.Ordinal)).ToArray()))
                .Where(g => g.Items.Length > 0 || baseOf(g.Key) is > 0)
                .Select(g => new ChurnShare(g.Key, g.Items.Length, Of(Overflow.Sum(g.Items.Select(l => revenueOf[l.Loss.Account]), "lost revenue")), count, lostRevenue, baseOf(g.Key)))
                .ToArray();

        var reasonOrder = Reasons.Reasons.Select(r => (string?)r.Code);
        var causeOrder = lostHere.Select(l => (string?)l.Reason!.CauseGroup).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var industryOrder = industryBase.Keys.Order(StringComparer.Ordinal).Select(k => (string?)k).Append(null);
        return new ChurnPeriod(
            p,
            baseAccounts.Count,
            Of(baseRevenue),
            count,
            Of(lostRevenue),
            Shares(l => l.Reason!.Code, _ => null, reasonOrder),
            Shares(l => l.Reason!.CauseGroup, _ => null, causeOrder),
            Shares(l => industries[l.Loss.Account], k => k is null ? noIndustryBase : industryBase.GetValueOrDefault(k), industryOrder));
    }

    private Dictionary<(AccountId Account, FiscalPeriod Period), decimal> RevenueIndex(IEnumerable<AccountRevenue> revenue, ValidationCollector errors, Dictionary<AccountId, string?>? known, bool requireKind)
    {
        ArgumentNullException.ThrowIfNull(revenue);
        var amounts = new Dictionary<(AccountId, FiscalPeriod), decimal>();
        var i = -1;
        foreach (var record in revenue)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"revenue[{i}]");
            if (record is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "A revenue record is required.");
                continue;
            }

            if (known is not null && !known.ContainsKey(record.Account))
            {
                errors.Add(path + ".account", KamErrorCodes.Unknown, record.Account.Value, "No account with this identifier was given.");
            }

            if (requireKind && record.Period.Kind != Period)
            {
                errors.Add(path + ".period", KamErrorCodes.OutOfRange, record.Period.ToString(), $"Revenue is counted per {Period.ToString().ToLowerInvariant()}.");
            }

            if (record.Revenue.Currency != Currency)
            {
                errors.Add(path + ".revenue", KamErrorCodes.CurrencyMismatch, record.Revenue.ToString(null, CultureInfo.InvariantCulture), $"The analysis is in {Currency}.");
            }
            else if (!amounts.TryAdd((record.Account, record.Period), record.Revenue.Amount))
            {
                errors.Add(path, KamErrorCodes.Duplicate, $"{record.Account.Value} {record.Period}", "This account already has revenue for this period.");
            }
        }

        return amounts;
    }
}
