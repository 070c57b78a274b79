using System.Globalization;
using Kam.Core.Accounts;
using Kam.Core.Stages.Opportunities;
using NodaTime;

namespace Kam.Core.Portfolio;

/// <summary>
/// The win/loss analysis (rule book: the portfolio view, why we win and lose): over closed opportunities, how many
/// were won, lost and abandoned, what they were worth, how long they took, and why, broken down by close reason,
/// cause, winning competitor, stage reached, owner, size band, industry and period.
/// </summary>
/// <remarks>Built once from its options; immutable and thread-safe, one instance serves every thread.</remarks>
public sealed class WinLossAnalyzer
{
    /// <summary>Creates an analyzer.</summary>
    /// <param name="options">The options (immutable and already valid).</param>
    /// <param name="calendar">The fiscal calendar that names the periods of the trend.</param>
    /// <param name="currency">The currency of the opportunity values.</param>
    public WinLossAnalyzer(WinLossOptions options, FiscalCalendar calendar, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        Options = options;
        Calendar = calendar;
        Currency = currency;
    }

    /// <summary>Creates an analyzer with the default options and calendar-year quarters.</summary>
    /// <param name="currency">The currency of the opportunity values.</param>
    public WinLossAnalyzer(Currency currency)
        : this(WinLossOptions.Default, FiscalCalendar.Calendar, currency)
    {
    }

    /// <summary>Gets the options.</summary>
    public WinLossOptions Options { get; }

    /// <summary>Gets the calendar that names the periods.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>Gets the currency of the values.</summary>
    public Currency Currency { get; }

    /// <summary>Analyzes closed opportunities.</summary>
    /// <param name="closed">The final states of closed opportunities (<see cref="Opportunity.State"/>); none is changed.</param>
    /// <param name="accounts">The accounts the opportunities belong to (their industry is read); none is changed.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="KamValidationException">
    /// Listing every problem: an opportunity not opened or not closed (<c>closed[3]</c>, <see cref="KamErrorCodes.InvalidState"/>),
    /// of an unknown account (<c>closed[3].account</c>), with a value in another currency (<c>closed[3].value</c>), with a
    /// reason code the reason list does not hold or holds for another outcome (<c>closed[3].reasonCode</c>); an account
    /// listed twice (<c>accounts[2].id</c>); a value total that overflows (<see cref="KamErrorCodes.Overflow"/>).
    /// </exception>
    public WinLossSummary Analyze(IEnumerable<OpportunityState> closed, IEnumerable<Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var errors = new ValidationCollector();
        var industries = IndustryIndex(accounts, errors);
        var cells = new Dictionary<WinLossKey, WinLossTally>();
        var i = -1;
        foreach (var state in closed)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"closed[{i}]");
            if (!state.IsOpened || !state.IsClosed)
            {
                errors.Add(path, KamErrorCodes.InvalidState, state.IsOpened ? state.Status.ToString() : "not opened", "Only closed opportunities (won, lost or abandoned) are analyzed.");
                continue;
            }

            var ok = true;
            if (!industries.TryGetValue(state.Account, out var industry))
            {
                errors.Add(path + ".account", KamErrorCodes.Unknown, state.Account.Value, "No account with this identifier was given.");
                ok = false;
            }

            if (state.Value.Currency != Currency)
            {
                errors.Add(path + ".value", KamErrorCodes.CurrencyMismatch, state.Value.ToString(null, CultureInfo.InvariantCulture), $"The analysis is in {Currency}.");
                ok = false;
            }

            var outcome = state.Status;
            if (state.CloseReasonCode is { } code && Options.Reasons.Resolve(code, outcome, path + ".reasonCode", errors) is null)
            {
                ok = false;
            }

            var band = Options.BandOf(state.Value.Amount);
            if (band < 0)
            {
                errors.Add(path + ".value", KamErrorCodes.OutOfRange, state.Value.Amount.ToString(CultureInfo.InvariantCulture), "The value lies in no size band.");
                ok = false;
            }

            if (!ok || errors.HasErrors)
            {
                continue;
            }

            var closedAt = state.ClosedAt!.Value;
            var ticks = (closedAt - state.OpenedAt).BclCompatibleTicks;
            var days = ticks <= 0 ? 0 : (int)Math.Min(int.MaxValue, ticks / NodaConstants.TicksPerDay);
            var period = Calendar.PeriodOf(closedAt.InZone(Options.TimeZone).Date, Options.Period);
            var key = new WinLossKey(outcome, state.CloseReasonCode, state.WinningCompetitor, (byte)(state.Stage is { } s ? (int)s : 0), state.Owner, band, industry, period);
            if (!cells.TryGetValue(key, out var tally))
            {
                tally = new WinLossTally();
                cells[key] = tally;
            }

            tally.Add(outcome, state.Value.Amount, days);
        }

        errors.ThrowIfAny();
        return new WinLossSummary(Options, Calendar, Currency, cells);
    }

    /// <summary>Indexes the accounts' industries by identifier, reporting an account listed twice.</summary>
    internal static Dictionary<AccountId, string?> IndustryIndex(IEnumerable<Account> accounts, ValidationCollector errors)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var index = new Dictionary<AccountId, string?>();
        var i = -1;
        foreach (var account in accounts)
        {
            i++;
            if (account is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"accounts[{i}]"), KamErrorCodes.Required, null, "An account is required.");
            }
            else if (!index.TryAdd(account.Id, account.Industry))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"accounts[{i}].id"), KamErrorCodes.Duplicate, account.Id.Value, "This account is listed twice.");
            }
        }

        return index;
    }
}
