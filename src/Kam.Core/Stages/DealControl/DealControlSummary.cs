
namespace Kam.Core.Stages.DealControl;

/// <summary>
/// The deal-control views (成交管控系统; rule book: stages, the deal-control system) over a set of opportunities: the pipeline by stage, funnel
/// state, salesperson, account and period of expected close; the forecast; the anomalies; and the conversion statistics of
/// the closed ones. Summaries of separate partitions <see cref="Merge"/> into the summary of their union.
/// </summary>
/// <remarks>
/// <para>
/// A summary is a monoid: <see cref="Empty"/> is the identity and <see cref="Merge"/> is associative and commutative,
/// exactly (counts are integers, amounts are <see cref="decimal"/> sums, durations whole seconds), so a host may
/// summarize partitions on Spark, Orleans or threads and combine them in any order. Salesperson-level anomalies are
/// derived from the merged pipeline when read, so they are right for the whole.
/// </para>
/// <para>
/// The account is a dimension of its own: the open pipeline is kept once by salesperson, period and stage and once by
/// account, period and stage, so the views by account (<see cref="ByAccount"/>, and <see cref="ByStageOf"/>,
/// <see cref="ByFunnelOf"/>, <see cref="ForecastOf"/> for one account) cost the
/// account's cells, and neither dimension multiplies the other's. <c>Kam.Core.Accounts.HierarchyPipeline</c> rolls
/// the account figures up the account and organization trees.
/// </para>
/// <para>
/// All amounts are in one currency (<see cref="Currency"/>); merging summaries in different currencies throws
/// <see cref="CurrencyMismatchException"/>, and merging summaries made under different anomaly policies throws
/// <see cref="KamValidationException"/>. Immutable and thread-safe; equality is structural (the anomaly lists as
/// multisets).
/// </para>
/// </remarks>
public sealed class DealControlSummary : IEquatable<DealControlSummary>
{
    private readonly Dictionary<PipelineKey, PipelineCell> _cells;
    private readonly ClosedCounts _closed;
    private readonly PipelineAnomaly[] _opportunityAnomalies;
    private readonly Lazy<PipelineAnomaly[]> _anomalies;
    private readonly Lazy<Dictionary<PersonId, List<KeyValuePair<PipelineKey, PipelineCell>>>> _byOwner;
    private readonly Dictionary<AccountKey, AccountCell> _accountCells;
    private readonly Lazy<Dictionary<AccountId, List<KeyValuePair<AccountKey, AccountCell>>>> _byAccount;

    internal DealControlSummary(
        Currency currency,
        AnomalyPolicy policy,
        Dictionary<PipelineKey, PipelineCell> cells,
        Dictionary<AccountKey, AccountCell> accountCells,
        ClosedCounts closed,
        PipelineAnomaly[] anomalies)
    {
        Currency = currency;
        Policy = policy;
        _cells = cells;
        _accountCells = accountCells;
        _byAccount = new(IndexByAccount);
        _closed = closed;
        _opportunityAnomalies = anomalies;
        _anomalies = new Lazy<PipelineAnomaly[]>(CollectAnomalies);
        _byOwner = new(IndexByOwner);
        Conversion = new ConversionStatistics(closed);
    }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the anomaly policy the summary was made under (needed for the salesperson-level checks).</summary>
    public AnomalyPolicy Policy { get; }

    /// <summary>Gets the totals of the whole open pipeline.</summary>
    public PipelineFigures Total => Sum(null, static _ => true);

    /// <summary>Gets the salespeople with open projects, in identifier order.</summary>
    public IReadOnlyList<PersonId> Owners => _cells.Keys.Select(k => k.Owner).Distinct().Order().ToArray();

    /// <summary>Gets the accounts with open projects, in identifier order.</summary>
    public IReadOnlyList<AccountId> Accounts => _byAccount.Value.Keys.Order().ToArray();

    /// <summary>Gets every anomaly: the per-opportunity ones in the order found (partitions in merge order), then the per-salesperson ones in owner order.</summary>
    /// <remarks>
    /// The list is not sorted, so that reading it stays linear for millions of opportunities; summaries merged in a
    /// different order hold the same anomalies in a different order (equality treats the list as a multiset). Sort
    /// it with <see cref="Enumerable.OrderBy{TSource, TKey}(IEnumerable{TSource}, Func{TSource, TKey})"/> for display.
    /// </remarks>
    public IReadOnlyList<PipelineAnomaly> Anomalies => _anomalies.Value;

    /// <summary>Gets the conversion rates, win rates and stage durations of the closed opportunities.</summary>
    public ConversionStatistics Conversion { get; }

    /// <summary>Gets the summary of no opportunities: the identity of <see cref="Merge"/>.</summary>
    /// <param name="currency">The currency of the amounts.</param>
    /// <param name="policy">The anomaly policy; null for <see cref="AnomalyPolicy.Default"/>.</param>
    /// <returns>An empty summary.</returns>
    public static DealControlSummary Empty(Currency currency, AnomalyPolicy? policy = null) =>
        new(currency, policy ?? AnomalyPolicy.Default, [], [], new ClosedCounts(), []);

    /// <summary>Combines this summary with the summary of a disjoint set of opportunities.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The summary of both sets; neither input changes.</returns>
    /// <exception cref="CurrencyMismatchException">The summaries are in different currencies.</exception>
    /// <exception cref="KamValidationException">The summaries were made under different anomaly policies.</exception>
    public DealControlSummary Merge(DealControlSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, "merge deal-control summaries");
        }

        if (!Policy.SameRules(other.Policy))
        {
            throw new KamValidationException("other.Policy", KamErrorCodes.InvalidState, null, "Summaries made under different anomaly policies cannot be merged.");
        }

        var cells = new Dictionary<PipelineKey, PipelineCell>(_cells);
        foreach (var (key, cell) in other._cells)
        {
            ref var target = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(cells, key, out _);
            target.Add(cell);
        }

        var accountCells = new Dictionary<AccountKey, AccountCell>(_accountCells);
        foreach (var (key, cell) in other._accountCells)
        {
            ref var target = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(accountCells, key, out _);
            target.Add(cell);
        }

        var closed = new ClosedCounts();
        closed.Add(_closed);
        closed.Add(other._closed);
        return new DealControlSummary(Currency, Policy, cells, accountCells, closed, [.. _opportunityAnomalies, .. other._opportunityAnomalies]);
    }

    /// <summary>Gets the open pipeline by stage: a row for projects before stage 1, then stages 1 to 8.</summary>
    /// <param name="owner">Only this salesperson's projects, or null for all.</param>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>Nine rows.</returns>
    public IReadOnlyList<StageFigures> ByStage(PersonId? owner = null, FiscalPeriod? period = null) =>
        Enumerable.Range(0, StageExtensions.StageCount + 1)
            .Select(k => new StageFigures(k == 0 ? null : (SalesStage)k, Sum(owner, key => key.Stage == k && Matches(key, owner, period))))
            .ToArray();

    /// <summary>Gets the open pipeline by funnel state (projects before stage 1 count as search).</summary>
    /// <param name="owner">Only this salesperson's projects, or null for all.</param>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>Three rows: search, in funnel, best.</returns>
    public IReadOnlyList<FunnelFigures> ByFunnel(PersonId? owner = null, FiscalPeriod? period = null) =>
        new[] { FunnelState.Search, FunnelState.InFunnel, FunnelState.Best }
            .Select(f => new FunnelFigures(f, Sum(owner, key => StageExtensions.FunnelOf(key.Stage) == f && Matches(key, owner, period))))
            .ToArray();

    /// <summary>Gets the open pipeline per salesperson.</summary>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>One row per salesperson, in identifier order.</returns>
    public IReadOnlyList<OwnerFigures> ByOwner(FiscalPeriod? period = null) =>
        Owners.Select(o => new OwnerFigures(o, Sum(o, key => Matches(key, null, period)))).ToArray();

    /// <summary>Gets the forecast: the open pipeline per period of expected close, with weighted, commit and best-case values.</summary>
    /// <param name="owner">Only this salesperson's projects, or null for all.</param>
    /// <returns>One row per period with open projects, in time order.</returns>
    public IReadOnlyList<PeriodFigures> Forecast(PersonId? owner = null) =>
        CellsOf(owner).Select(c => c.Key.Period).Distinct().Order()
            .Select(p => new PeriodFigures(p, Sum(owner, key => Matches(key, owner, p))))
            .ToArray();

    /// <summary>Gets the open pipeline of each account.</summary>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>One row per account with open projects (in the period, when one is given), in identifier order.</returns>
    public IReadOnlyList<AccountFigures> ByAccount(FiscalPeriod? period = null)
    {
        var rows = new List<AccountFigures>(_byAccount.Value.Count);
        foreach (var account in Accounts)
        {
            var figures = SumOf(account, key => period is null || key.Period == period.Value);
            if (period is null || figures.Count > 0)
            {
                rows.Add(new AccountFigures(account, figures));
            }
        }

        return rows;
    }

    /// <summary>Gets one account's open pipeline by stage: a row for projects before stage 1, then stages 1 to 8.</summary>
    /// <param name="account">The account.</param>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>Nine rows (all zero for an account without open projects).</returns>
    public IReadOnlyList<StageFigures> ByStageOf(AccountId account, FiscalPeriod? period = null) =>
        Enumerable.Range(0, StageExtensions.StageCount + 1)
            .Select(k => new StageFigures(k == 0 ? null : (SalesStage)k, SumOf(account, key => key.Stage == k && (period is null || key.Period == period.Value))))
            .ToArray();

    /// <summary>Gets one account's open pipeline by funnel state (projects before stage 1 count as search).</summary>
    /// <param name="account">The account.</param>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>Three rows: search, in funnel, best.</returns>
    public IReadOnlyList<FunnelFigures> ByFunnelOf(AccountId account, FiscalPeriod? period = null) =>
        new[] { FunnelState.Search, FunnelState.InFunnel, FunnelState.Best }
            .Select(f => new FunnelFigures(f, SumOf(account, key => StageExtensions.FunnelOf(key.Stage) == f && (period is null || key.Period == period.Value))))
            .ToArray();

    /// <summary>Gets one account's forecast: its open pipeline per period of expected close.</summary>
    /// <param name="account">The account.</param>
    /// <returns>One row per period with open projects of the account, in time order.</returns>
    public IReadOnlyList<PeriodFigures> ForecastOf(AccountId account) =>
        CellsOf(account).Select(c => c.Key.Period).Distinct().Order()
            .Select(p => new PeriodFigures(p, SumOf(account, key => key.Period == p)))
            .ToArray();

    /// <inheritdoc />
    public bool Equals(DealControlSummary? other)
    {
        if (other is null || other.Currency != Currency || !Policy.SameRules(other.Policy) || other._cells.Count != _cells.Count
            || other._accountCells.Count != _accountCells.Count || !_closed.Equals(other._closed))
        {
            return false;
        }

        foreach (var (key, cell) in _cells)
        {
            if (!other._cells.TryGetValue(key, out var theirs) || theirs != cell)
            {
                return false;
            }
        }

        foreach (var (key, cell) in _accountCells)
        {
            if (!other._accountCells.TryGetValue(key, out var theirs) || !theirs.Equals(cell))
            {
                return false;
            }
        }

        return _opportunityAnomalies.Length == other._opportunityAnomalies.Length
            && Same(Canonical(_opportunityAnomalies), Canonical(other._opportunityAnomalies))
            && Same(Anomalies.Skip(_opportunityAnomalies.Length), other.Anomalies.Skip(other._opportunityAnomalies.Length));

        static bool Same(IEnumerable<PipelineAnomaly> mine, IEnumerable<PipelineAnomaly> theirs)
        {
            var a = mine.ToArray();
            var b = theirs.ToArray();
            return a.Length == b.Length && a.Zip(b).All(p => p.First.SameAs(p.Second));
        }

        static IEnumerable<PipelineAnomaly> Canonical(PipelineAnomaly[] anomalies) =>
            anomalies.OrderBy(a => a.Opportunity ?? default).ThenBy(a => a.Kind).ThenBy(a => a.Owner).ThenBy(a => a.Account).ThenBy(a => a.Measure);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DealControlSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Currency, _cells.Count, _accountCells.Count, _closed.Closed, _opportunityAnomalies.Length);

    /// <summary>Gets the account cells (account, period, stage) of the open pipeline, for the roll-ups over the account and organization trees.</summary>
    internal IReadOnlyDictionary<AccountKey, AccountCell> AccountCells => _accountCells;

    private static bool Matches(PipelineKey key, PersonId? owner, FiscalPeriod? period) =>
        (owner is null || key.Owner == owner.Value) && (period is null || key.Period == period.Value);

    // The cells of one salesperson (all cells for null): per-salesperson views cost the salesperson's cells, not the whole
    // pipeline's, so that views of every salesperson stay linear in the number of cells.
    private IEnumerable<KeyValuePair<PipelineKey, PipelineCell>> CellsOf(PersonId? owner) =>
        owner is not { } person ? _cells : _byOwner.Value.TryGetValue(person, out var cells) ? cells : [];

    private List<KeyValuePair<AccountKey, AccountCell>> CellsOf(AccountId account) =>
        _byAccount.Value.TryGetValue(account, out var cells) ? cells : [];

    private Dictionary<AccountId, List<KeyValuePair<AccountKey, AccountCell>>> IndexByAccount()
    {
        var index = new Dictionary<AccountId, List<KeyValuePair<AccountKey, AccountCell>>>();
        foreach (var entry in _accountCells)
        {
            if (!index.TryGetValue(entry.Key.Account, out var cells))
            {
                index[entry.Key.Account] = cells = [];
            }

            cells.Add(entry);
        }

        return index;
    }

    private PipelineFigures SumOf(AccountId account, Func<AccountKey, bool> include)
    {
        var total = default(PipelineCell);
        foreach (var (key, cell) in CellsOf(account))
        {
            if (include(key))
            {
                total.Add(cell.Figures);
            }
        }

        return total.ToFigures(Currency);
    }

    private Dictionary<PersonId, List<KeyValuePair<PipelineKey, PipelineCell>>> IndexByOwner()
    {
        var index = new Dictionary<PersonId, List<KeyValuePair<PipelineKey, PipelineCell>>>();
        foreach (var entry in _cells)
        {
            if (!index.TryGetValue(entry.Key.Owner, out var cells))
            {
                index[entry.Key.Owner] = cells = [];
            }

            cells.Add(entry);
        }

        return index;
    }

    private PipelineFigures Sum(PersonId? owner, Func<PipelineKey, bool> include)
    {
        var total = default(PipelineCell);
        foreach (var (key, cell) in CellsOf(owner))
        {
            if (include(key))
            {
                total.Add(cell);
            }
        }

        return total.ToFigures(Currency);
    }

    private PipelineAnomaly[] CollectAnomalies()
    {
        var owners = new List<PipelineAnomaly>();
        foreach (var owner in Owners)
        {
            var stageCounts = new long[StageExtensions.StageCount + 1];
            foreach (var (key, cell) in CellsOf(owner))
            {
                stageCounts[key.Stage] += cell.Count;
            }

            var open = stageCounts.Sum();
            if (open < Policy.MinOwnerPipeline)
            {
                continue;
            }

            if (stageCounts[0] + stageCounts[1] + stageCounts[2] == 0)
            {
                owners.Add(new PipelineAnomaly(PipelineAnomalyKind.NoNewProjects, null, owner, open));
            }

            if (stageCounts.Any(c => c == open))
            {
                owners.Add(new PipelineAnomaly(PipelineAnomalyKind.AllInOneStage, null, owner, open));
            }
        }

        return [.. _opportunityAnomalies, .. owners];
    }
}
