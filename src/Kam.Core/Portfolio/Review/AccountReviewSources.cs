using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Serialization;
using Kam.Core.Stages.DealControl;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.LifetimeValue;

namespace Kam.Core.Portfolio.Review;

/// <summary>
/// The results of the capabilities' engines that an account review joins, indexed by account once: the tiering run
/// and its changes, plan attainment and the plan check, the pipeline, win/loss, profitability, lifetime value,
/// coverage, relationship health, contact compliance and receivables, each optional, plus a host's own signals
/// (<see cref="IAccountSignalSource"/>).
/// </summary>
/// <remarks>
/// <para>
/// Nothing is recomputed: the review reads what the engines produced. A part left out is <i>absent</i>: its signals
/// are absent for every account and each review lists it in <see cref="AccountReview.AbsentParts"/>. A part that is
/// present but says nothing about an account reads as "nothing" where that is what it means (no open pipeline, no
/// receivables, no plan findings, no tier change: 0) and as absent otherwise (no health index, no lifetime value).
/// </para>
/// <para>
/// The accounts reviewed are those of the hierarchy, if given, and of every part, in ordinal order of identifier.
/// Amounts are read as the parts give them: give parts in one currency. <c>clv.percentile</c> ranks an account's
/// lifetime value among the accounts of <i>these</i> sources.
/// </para>
/// <para>Building costs one pass over each part; afterwards the sources are immutable and safe to share between threads. Nothing passed in is changed.</para>
/// </remarks>
public sealed class AccountReviewSources
{
    private readonly AccountId[] _accounts;
    private readonly Dictionary<AccountId, int> _index;
    private readonly AccountParts[] _parts;
    private readonly double[] _values;
    private readonly int _present;

    /// <summary>Joins the parts.</summary>
    /// <param name="hierarchy">The accounts with their owners and units.</param>
    /// <param name="tiering">The tiering run.</param>
    /// <param name="tierChanges">The tier changes since the previous run.</param>
    /// <param name="attainment">Attainment lines of accounts for one measure and period (<see cref="AttainmentReport.Accounts"/>), at most one per account.</param>
    /// <param name="plans">The plan check.</param>
    /// <param name="pipeline">The pipeline summary (open figures by account and the anomalies).</param>
    /// <param name="winLoss">Win/loss of each account's closed opportunities.</param>
    /// <param name="profitability">Each account's profitability, at most one per account.</param>
    /// <param name="lifetimeValue">The lifetime-value projection; customer identifiers are account identifiers.</param>
    /// <param name="coverage">Coverage reports; those of a whole account (not of one opportunity) are read, at most one per account.</param>
    /// <param name="health">The relationship health report.</param>
    /// <param name="compliance">The contact compliance report.</param>
    /// <param name="receivables">The receivables report.</param>
    /// <param name="extensions">A host's own signal sources.</param>
    /// <exception cref="KamValidationException">
    /// An account appears twice in one part (<see cref="KamErrorCodes.Duplicate"/>), an attainment line is not an
    /// account's, a customer identifier is not an account identifier, or an extension's signal name is taken; every
    /// problem is reported with its path (<c>attainment[3]</c>) and value.
    /// </exception>
    public AccountReviewSources(
        AccountHierarchy? hierarchy = null,
        TieringResult? tiering = null,
        TierChangeReport? tierChanges = null,
        IEnumerable<AttainmentLine>? attainment = null,
        PlanCheckReport? plans = null,
        DealControlSummary? pipeline = null,
        IReadOnlyDictionary<AccountId, WinLossSummary>? winLoss = null,
        IEnumerable<AccountProfitability>? profitability = null,
        LifetimeValueReport? lifetimeValue = null,
        IEnumerable<CoverageReport>? coverage = null,
        HealthReport? health = null,
        ComplianceReport? compliance = null,
        ReceivablesReport? receivables = null,
        IEnumerable<IAccountSignalSource>? extensions = null)
    {
        var errors = new ValidationCollector();
        var join = new SourceJoin(errors);
        Hierarchy = hierarchy;
        Tiering = tiering;
        var ext = extensions?.ToArray() ?? [];
        var catalog = SignalCatalog.BuiltIn;
        for (var i = 0; i < ext.Length; i++)
        {
            if (errors.Required($"extensions[{i}]", ext[i]))
            {
                var extended = KamJson.Nested(errors, $"extensions[{i}]", () => catalog.With(ext[i].Signals ?? []));
                catalog = extended ?? catalog;
            }
        }

        if (hierarchy is not null)
        {
            foreach (var a in hierarchy.Accounts)
            {
                join.Row(a.Id);
            }
        }

        var present = 1 << (int)ReviewPart.Extension;
        present |= join.Tiering(tiering);
        present |= join.TierChanges(tierChanges);
        present |= join.Attainment(attainment);
        present |= join.Plans(plans);
        present |= join.Pipeline(pipeline);
        present |= join.WinLoss(winLoss);
        present |= join.Profitability(profitability);
        present |= join.LifetimeValue(lifetimeValue);
        present |= join.Coverage(coverage);
        present |= join.Health(health);
        present |= join.Compliance(compliance);
        present |= join.Receivables(receivables);
        errors.ThrowIfAny();

        _present = present;
        Catalog = catalog;
        (_accounts, _parts) = join.Sorted();
        _index = new Dictionary<AccountId, int>(_accounts.Length);
        for (var i = 0; i < _accounts.Length; i++)
        {
            _index[_accounts[i]] = i;
        }

        Accounts = Array.AsReadOnly(_accounts);
        PresentParts = Array.AsReadOnly(Enum.GetValues<ReviewPart>().Where(p => p != ReviewPart.Extension && Has(p)).ToArray());
        AbsentParts = Array.AsReadOnly(Enum.GetValues<ReviewPart>().Where(p => p != ReviewPart.Extension && !Has(p)).ToArray());
        SignalCount = catalog.Signals.Count;
        _values = new double[_accounts.Length * SignalCount];
        FillSignals(ext);
    }

    /// <summary>Gets the hierarchy, or <see langword="null"/> when none was given.</summary>
    public AccountHierarchy? Hierarchy { get; }

    /// <summary>Gets every account reviewed, in ordinal order of identifier.</summary>
    public IReadOnlyList<AccountId> Accounts { get; }

    /// <summary>Gets the signals available: the built-in ones, then the extensions' in the order given.</summary>
    public SignalCatalog Catalog { get; }

    /// <summary>Gets the parts given.</summary>
    public IReadOnlyList<ReviewPart> PresentParts { get; }

    /// <summary>Gets the parts not given (their signals are absent).</summary>
    public IReadOnlyList<ReviewPart> AbsentParts { get; }

    internal TieringResult? Tiering { get; }

    internal int SignalCount { get; }

    internal int Count => _accounts.Length;

    internal AccountId AccountAt(int row) => _accounts[row];

    internal AccountParts PartsAt(int row) => _parts[row];

    internal ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * SignalCount, SignalCount);

    internal int RowOf(AccountId account) => _index.TryGetValue(account, out var row) ? row : -1;

    internal bool Has(ReviewPart part) => (_present & (1 << (int)part)) != 0;

    private void FillSignals(IAccountSignalSource[] extensions)
    {
        var builtIn = BuiltInSignals.Count;
        var buffer = new double?[Math.Max(1, SignalCount - builtIn)];
        for (var row = 0; row < _accounts.Length; row++)
        {
            var values = _values.AsSpan(row * SignalCount, SignalCount);
            BuiltInSignals.Read(_parts[row], _present, values);
            var at = builtIn;
            foreach (var source in extensions)
            {
                var n = source.Signals.Count;
                var slice = buffer.AsSpan(0, n);
                slice.Clear();
                source.Fill(_accounts[row], slice);
                for (var k = 0; k < n; k++)
                {
                    values[at + k] = slice[k] is { } v && double.IsFinite(v) ? v : double.NaN;
                }

                at += n;
            }
        }
    }
}
