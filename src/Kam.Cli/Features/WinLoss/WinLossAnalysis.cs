using Kam.Cli.Data;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Portfolio;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Cli.Features.WinLoss;

/// <summary>What <c>kam winloss</c> computed.</summary>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="AsOf">The last day whose closings count.</param>
/// <param name="Opportunities">How many opportunities were opened by then.</param>
/// <param name="Summary">The win/loss summary of those closed by then.</param>
/// <param name="HasIndustry">Whether the accounts (and so their industries) were given.</param>
internal sealed record WinLossResult(Currency Currency, LocalDate AsOf, int Opportunities, WinLossSummary Summary, bool HasIndustry);

/// <summary>Runs the win/loss analysis of <c>kam winloss</c>: replays the opportunities, checks the option values and names the cell of every error.</summary>
internal static class WinLossAnalysis
{
    // The analysis reads only the accounts' industry; the hierarchy fields an Account needs are filled with this.
    private const string NotUsed = "n-a";

    /// <summary>Analyzes the opportunities closed by the as-of day.</summary>
    /// <param name="records">The opportunities of events.csv (or the sample).</param>
    /// <param name="playbook">The playbook the events are replayed on.</param>
    /// <param name="accounts">The accounts of <c>--accounts</c>, or <see langword="null"/> (no industry).</param>
    /// <param name="asOf">The last day whose closings count, or <see langword="null"/> for the day of the latest event.</param>
    /// <param name="period">The <c>--period</c> text, or <see langword="null"/> for the options' period.</param>
    /// <param name="options">The win/loss options.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="engines">Builds the analyzer (the composition root's factory).</param>
    /// <returns>The result.</returns>
    /// <exception cref="KamValidationException">An event or a close reason is refused, or an account is unknown; each error names its cell.</exception>
    public static WinLossResult Run(IReadOnlyList<OpportunityRecord> records, Playbook playbook, AccountColumns? accounts, LocalDate? asOf, string? period, WinLossOptions options, FiscalCalendar calendar, EngineFactory engines)
    {
        var currency = records.Count == 0 ? Currency.CNY : records[0].Value.Currency; // one per file (EventsCsv)
        if (period is not null)
        {
            options = new WinLossOptions(options.Reasons, options.SizeBands, ParsePeriod(period), options.TimeZone);
        }

        var day = asOf ?? (records.Count == 0 ? LocalDate.FromDateTime(DateTime.UnixEpoch) : records.SelectMany(r => r.Events).Max(e => e.At).InUtc().Date);
        var replayed = PipelineReplay.Replay(playbook, records, PipelineRun.EndOf(day)); // each refused event located at its cell
        var closed = replayed.Where(o => o.State.IsClosed).ToArray();
        var known = accounts is null ? Placeholders(closed) : Accounts(accounts, closed);
        WinLossSummary summary;
        try
        {
            summary = engines.WinLoss(options, calendar, currency).Analyze(closed.Select(o => o.State), known);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => Locate(e, closed)));
        }

        return new WinLossResult(currency, day, replayed.Count, summary, accounts is not null);
    }

    /// <summary>Analyzes each account's closed opportunities apart: the win/loss of every account, which the account review reads.</summary>
    /// <param name="replayed">The opportunities replayed to the day (<c>PipelineReplay.Replay</c>).</param>
    /// <param name="accounts">The accounts of accounts.csv (every account of a closed opportunity must be one), or <see langword="null"/>.</param>
    /// <param name="options">The win/loss options.</param>
    /// <param name="calendar">The fiscal calendar.</param>
    /// <param name="currency">The currency of the opportunities.</param>
    /// <param name="engines">Builds the analyzer (the composition root's factory).</param>
    /// <returns>Each account's summary, for the accounts with a closed opportunity.</returns>
    /// <exception cref="KamValidationException">A close reason is refused, or an account is unknown; each error names its cell.</exception>
    public static IReadOnlyDictionary<AccountId, WinLossSummary> ByAccount(IReadOnlyList<ReplayedOpportunity> replayed, AccountColumns? accounts, WinLossOptions options, FiscalCalendar calendar, Currency currency, EngineFactory engines)
    {
        var closed = replayed.Where(o => o.State.IsClosed).ToArray();
        var known = (accounts is null ? Placeholders(closed) : Accounts(accounts, closed)).ToDictionary(a => a.Id);
        var analyzer = engines.WinLoss(options, calendar, currency);
        var result = new Dictionary<AccountId, WinLossSummary>();
        foreach (var group in closed.GroupBy(o => o.Record.Account))
        {
            var own = group.ToArray();
            try
            {
                result[group.Key] = analyzer.Analyze(own.Select(o => o.State), [known[group.Key]]);
            }
            catch (KamValidationException ex)
            {
                throw new KamValidationException(ex.Errors.Select(e => Locate(e, own)));
            }
        }

        return result;
    }

    /// <summary>Parses a <c>--period</c> word.</summary>
    /// <param name="text">month, quarter, half or year.</param>
    /// <returns>The kind of period.</returns>
    /// <exception cref="KamValidationException">Not one of the words.</exception>
    public static PeriodKind ParsePeriod(string text) =>
        CommonOptions.TryParsePeriodKind(text, out var kind)
            ? kind
            : throw new KamValidationException("--period", KamErrorCodes.OutOfRange, text, "give month, quarter, half or year.");

    // Without --accounts every account is known, with no industry.
    private static Account[] Placeholders(IEnumerable<ReplayedOpportunity> closed) =>
        [.. closed.Select(o => o.Record.Account).Distinct().Select(id => Account(id, id.Value, null))];

    // With --accounts, every account of a closed opportunity must be in it: name the first row of each unknown one.
    private static Account[] Accounts(AccountColumns accounts, ReplayedOpportunity[] closed)
    {
        var result = new Account[accounts.Count];
        var ids = new HashSet<AccountId>(accounts.Count);
        for (var i = 0; i < accounts.Count; i++)
        {
            var row = accounts[i];
            ids.Add(row.Id);
            result[i] = Account(row.Id, row.Name, row.Industry);
        }

        EventAccounts.RequireKnown(closed.Select(o => o.Record), ids.Contains, "so its industry is unknown");
        return result;
    }

    private static Account Account(AccountId id, string name, string? industry) =>
        new(id, string.IsNullOrWhiteSpace(name) ? id.Value : name, AccountLevel.Group, PersonId.Parse(NotUsed), UnitId.Parse(NotUsed), industry: string.IsNullOrWhiteSpace(industry) ? null : industry);

    // The analyzer names closed[i].reasonCode, closed[i].value …: point at that cell of the closing row.
    private static KamValidationError Locate(KamValidationError error, ReplayedOpportunity[] closed)
    {
        if (!LibraryPaths.Indexed(error.Path, "closed", out var index, out var rest) || index >= closed.Length)
        {
            return error;
        }

        var record = closed[index].Record;
        var closing = record.Events.Last(e => e.Kind is OpportunityEventKind.Won or OpportunityEventKind.Lost or OpportunityEventKind.Abandoned);
        var column = rest switch
        {
            ".reasonCode" => EventsCsv.ReasonCode.Name,
            ".value" => EventsCsv.Value.Name,
            ".account" => EventsCsv.AccountId.Name,
            _ => EventsCsv.Kind.Name,
        };
        var message = error.Message.Length > 0 && char.IsUpper(error.Message[0]) ? char.ToLowerInvariant(error.Message[0]) + error.Message[1..] : error.Message;
        return error with { Path = closing.Source?.Location(column) ?? $"opportunity '{record.Id}'.{column}", Message = $"opportunity '{record.Id}': {message}" };
    }
}
