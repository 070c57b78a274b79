using System.Text.RegularExpressions;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Core;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Selection;
using NodaTime;

namespace Kam.Cli.Features.Tier;

/// <summary>One tiering engine's run over the accounts that have the measures it needs.</summary>
/// <param name="Engine">The engine's name in the output (ABC, RFM, scorecard, relationship, key accounts).</param>
/// <param name="Result">The result over the accounts run, or <see langword="null"/> when no account had the measures.</param>
/// <param name="Rows">For each account of the file, its row in <paramref name="Result"/>, or -1 when it was skipped.</param>
/// <param name="Needs">The accounts.csv columns a skipped account lacks, for the reason shown (empty when none was skipped).</param>
internal sealed record EngineOutcome(string Engine, TieringResult? Result, int[] Rows, string Needs)
{
    /// <summary>Gets the number of accounts skipped.</summary>
    public int Skipped
    {
        get
        {
            var skipped = 0;
            foreach (var row in Rows)
            {
                skipped += row < 0 ? 1 : 0;
            }

            return skipped;
        }
    }

    /// <summary>Gets the assignment of an account of the file, or <see langword="null"/> when it was skipped.</summary>
    /// <remarks>Builds the assignment's explanation: in a loop over every account prefer <see cref="TierOf"/> and <see cref="ScoreOf"/>.</remarks>
    public TierAssignment? Of(int account) => Rows[account] is var row && row >= 0 ? Result!.Assignments[row] : null;

    /// <summary>Gets the tier name of an account of the file, or <see langword="null"/> when it was skipped (no explanation built).</summary>
    public string? TierOf(int account) => Rows[account] is var row && row >= 0 ? Result!.Tiers[Result.TierIndexAt(row)].Name : null;

    /// <summary>Gets the score of an account of the file, or <see langword="null"/> when it was skipped.</summary>
    public double? ScoreOf(int account) => Rows[account] is var row && row >= 0 ? Result!.ScoreAt(row) : null;
}

/// <summary>
/// <c>kam tier</c>'s computation: maps the accounts to measures and runs Pareto/ABC, RFM, the scorecard, relationship
/// stages and key-account selection, each on the accounts that have the measures it needs (the others are skipped with
/// the reason), with the engines the composition root's <see cref="EngineFactory"/> builds from the policies.
/// </summary>
internal sealed partial class TierAnalysis
{
    private TierAnalysis(AccountColumns accounts, TieringOptions options, LocalDate? asOf)
    {
        Accounts = accounts;
        Options = options;
        AsOf = asOf;
    }

    /// <summary>Gets the accounts, in file order.</summary>
    public AccountColumns Accounts { get; }

    /// <summary>Gets the policies run.</summary>
    public TieringOptions Options { get; }

    /// <summary>Gets the day recency is counted to, or <see langword="null"/> when no account has a last order.</summary>
    public LocalDate? AsOf { get; }

    /// <summary>Gets the receivables that fed the credit gate, or <see langword="null"/> when none were given.</summary>
    public ReceivablesReport? Receivables { get; private init; }

    /// <summary>Gets, per account of the file, whether the receivables flag it as a credit risk, or <see langword="null"/> without receivables.</summary>
    public bool[]? CreditAlerts { get; private set; }

    /// <summary>Gets the Pareto/ABC run.</summary>
    public EngineOutcome Abc { get; private set; } = null!;

    /// <summary>Gets the RFM run.</summary>
    public EngineOutcome Rfm { get; private set; } = null!;

    /// <summary>Gets the scorecard run (every account: missing values follow the policy's missing-value rules).</summary>
    public EngineOutcome Scorecard { get; private set; } = null!;

    /// <summary>Gets the relationship-stage run.</summary>
    public EngineOutcome Relationship { get; private set; } = null!;

    /// <summary>Gets the key-account selection run.</summary>
    public EngineOutcome KeyAccounts { get; private set; } = null!;

    /// <summary>Gets the selection's capacity, near misses and selected value, or <see langword="null"/> when it was skipped.</summary>
    public KeyAccountSelection? Selection { get; private set; }

    /// <summary>Gets every engine's run, in output order.</summary>
    public IReadOnlyList<EngineOutcome> Engines { get; private set; } = [];

    /// <summary>Gets each account's share of the ABC measure's positive total, or <see langword="null"/> when skipped.</summary>
    public double?[] Share { get; private set; } = [];

    /// <summary>Gets the indexes of the accounts ABC ranked, highest value first (ties by identifier).</summary>
    public int[] Ranked { get; private set; } = [];

    /// <summary>Gets each account's cumulative share (itself included) in ABC rank order, or <see langword="null"/> when skipped.</summary>
    public double?[] CumulativeShare { get; private set; } = [];

    /// <summary>Runs every engine.</summary>
    /// <param name="engines">Builds the engines from their policies (the composition root's factory).</param>
    /// <param name="accounts">The accounts (columns as read, or records such as the demo's sample).</param>
    /// <param name="options">The policies.</param>
    /// <param name="asOf">The <c>--as-of</c> day, or <see langword="null"/> for the latest last order.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="KamValidationException">The as-of day is before a last order, or a policy refuses the data (a missing value under <c>Fail</c>).</exception>
    public static TierAnalysis Run(EngineFactory engines, IReadOnlyList<AccountRow> accounts, TieringOptions options, LocalDate? asOf) =>
        Run(engines, AccountColumns.From(accounts), options, asOf);

    /// <summary>Runs every engine on accounts in columns.</summary>
    /// <param name="engines">Builds the engines from their policies (the composition root's factory).</param>
    /// <param name="accounts">The accounts.</param>
    /// <param name="options">The policies.</param>
    /// <param name="asOf">The <c>--as-of</c> day, or <see langword="null"/> for the latest last order.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="KamValidationException">The as-of day is before a last order, or a policy refuses the data (a missing value under <c>Fail</c>).</exception>
    public static TierAnalysis Run(EngineFactory engines, AccountColumns accounts, TieringOptions options, LocalDate? asOf) =>
        Run(engines, accounts, options, asOf, null);

    /// <summary>Runs every engine on accounts in columns, the credit gate fed by the receivables.</summary>
    /// <param name="engines">Builds the engines from their policies (the composition root's factory).</param>
    /// <param name="accounts">The accounts.</param>
    /// <param name="options">The policies.</param>
    /// <param name="asOf">The <c>--as-of</c> day, or <see langword="null"/> for the latest last order.</param>
    /// <param name="receivables">
    /// The receivables of the accounts, or <see langword="null"/>: an account with a credit-risk alert there is a credit
    /// risk (<c>creditRisk</c> = 1) as one with <c>credit_ok = no</c> is.
    /// </param>
    /// <returns>The analysis.</returns>
    /// <exception cref="KamValidationException">The as-of day is before a last order, or a policy refuses the data (a missing value under <c>Fail</c>).</exception>
    public static TierAnalysis Run(EngineFactory engines, AccountColumns accounts, TieringOptions options, LocalDate? asOf, ReceivablesReport? receivables)
    {
        var day = TierMeasures.AsOf(accounts, asOf);
        var analysis = new TierAnalysis(accounts, options, day) { Receivables = receivables };
        analysis.CreditAlerts = receivables?.CreditRisks(accounts.Ids);

        var portfolio = TierMeasures.Build(accounts, day, analysis.CreditAlerts);
        ArgumentNullException.ThrowIfNull(engines);

        // The engines are built with the policies of this run (a policy file's, or the demo's), not the host's defaults.
        var pareto = engines.Pareto(options.Pareto);
        var rfm = engines.Rfm(options.Rfm);
        var scorecard = engines.Scorecard(options.Scorecard);
        var relationship = engines.Relationship(options.Relationship);
        var selection = engines.Selection(options.Selection);

        // The five engines are independent and the library's engines are safe to share across threads: they run side
        // by side (a million accounts take seconds on one core). A refusal is reported as before: the first engine's
        // in this order, whatever finished first.
        ParetoRanking? ranking = null;
        KeyAccountSelection? selected = null;
        var outcomes = SideBySide.Run(
            () => analysis.RunEngine("ABC", portfolio, [options.Pareto.Measure], p =>
            {
                ranking = pareto.Rank(p);
                return ranking.Result;
            }),
            // RFM and the relationship stages read only the measures they need: only those are copied for their accounts.
            () => analysis.RunEngine("RFM", portfolio, [options.Rfm.RecencyMeasure, options.Rfm.FrequencyMeasure, options.Rfm.MonetaryMeasure], rfm.Assign, onlyNeeds: true),
            () => analysis.RunEngine("scorecard", portfolio, [], scorecard.Assign),
            () => analysis.RunEngine("relationship", portfolio, [options.Relationship.CollaborationMeasure, options.Relationship.ContactBreadthMeasure], relationship.Assign, onlyNeeds: true),
            () => analysis.RunEngine("key accounts", portfolio, [options.Selection.ValueMeasure], p =>
            {
                selected = selection.Select(p);
                return selected.Result;
            }));
        (analysis.Abc, analysis.Rfm, analysis.Scorecard, analysis.Relationship, analysis.KeyAccounts) = (outcomes[0], outcomes[1], outcomes[2], outcomes[3], outcomes[4]);
        analysis.Selection = selected;
        analysis.Engines = [analysis.Abc, analysis.Rfm, analysis.Scorecard, analysis.Relationship, analysis.KeyAccounts];
        analysis.TakeShares(ranking);
        return analysis;
    }

    /// <summary>Checks that every measure a policy names is one <c>kam tier</c> provides.</summary>
    /// <param name="options">The policies.</param>
    /// <param name="file">The policy file, for the error paths.</param>
    /// <exception cref="KamValidationException">A measure is unknown; the path is the file and the JSON path.</exception>
    public static void CheckMeasures(TieringOptions options, string file)
    {
        var errors = new List<KamValidationError>();
        void Check(string path, string measure)
        {
            if (!TierMeasures.Sources.ContainsKey(measure))
            {
                errors.Add(new KamValidationError($"{file}:{path}", KamErrorCodes.Unknown, measure,
                    $"kam tier has no measure '{measure}'; accounts.csv gives {string.Join(", ", TierMeasures.Sources.Keys)}."));
            }
        }

        Check("$.pareto.measure", options.Pareto.Measure);
        Check("$.rfm.recencyMeasure", options.Rfm.RecencyMeasure);
        Check("$.rfm.frequencyMeasure", options.Rfm.FrequencyMeasure);
        Check("$.rfm.monetaryMeasure", options.Rfm.MonetaryMeasure);
        for (var c = 0; c < options.Scorecard.Criteria.Count; c++)
        {
            var criterion = options.Scorecard.Criteria[c];
            Check($"$.scorecard.criteria[{c}].{(criterion.Measure is null ? "name" : "measure")}", criterion.MeasureName);
        }

        Check("$.relationship.collaborationMeasure", options.Relationship.CollaborationMeasure);
        Check("$.relationship.contactBreadthMeasure", options.Relationship.ContactBreadthMeasure);
        Check("$.selection.valueMeasure", options.Selection.ValueMeasure);
        for (var g = 0; g < options.Selection.Gates.Count; g++)
        {
            Check($"$.selection.gates[{g}].measure", options.Selection.Gates[g].Measure);
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }
    }

    /// <summary>
    /// Runs one engine on the accounts that have every measure in <paramref name="needs"/>; the others are skipped.
    /// An engine's refusal of the data is reported with account identifiers instead of portfolio indexes.
    /// </summary>
    /// <param name="engine">The engine's name in the output.</param>
    /// <param name="portfolio">Every account's measures.</param>
    /// <param name="needs">The measures an account must have to be run.</param>
    /// <param name="assign">Runs the engine.</param>
    /// <param name="onlyNeeds">Whether the engine reads no measure but <paramref name="needs"/>, so that a subset copies only those.</param>
    private EngineOutcome RunEngine(string engine, AccountMeasures portfolio, string[] needs, Func<AccountMeasures, TieringResult> assign, bool onlyNeeds = false)
    {
        var columns = needs.Select(portfolio.Measure).ToArray();
        var rows = new int[Accounts.Count];
        var count = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var missing = false;
            foreach (var column in columns)
            {
                missing |= column.IsMissing(i);
            }

            rows[i] = missing ? -1 : count++;
        }

        var what = string.Join(", ", needs.Where((_, k) => columns[k].HasMissing).Select(n => TierMeasures.Sources[n]).Distinct(StringComparer.Ordinal));
        if (count == 0)
        {
            return new EngineOutcome(engine, null, rows, what);
        }

        var subset = count == Accounts.Count ? portfolio : Subset(portfolio, rows, count, onlyNeeds ? needs : null);
        try
        {
            return new EngineOutcome(engine, assign(subset), rows, what);
        }
        catch (KamValidationException ex)
        {
            // An account read from accounts.csv is reported at its cell (the measure's column); one of the demo's
            // sample by its identifier. The records of the accounts run are made only here, for the messages.
            var run = new List<AccountRow>(count);
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i] >= 0)
                {
                    run.Add(Accounts[i]);
                }
            }

            var map = RecordErrors.Accounts(run, measure => TierMeasures.Sources.TryGetValue(measure, out var columns) ? columns.Split(',')[0] : null);
            throw new KamValidationException(ex.Errors.Select(e =>
            {
                var account = AccountIndex().Match(e.Path) is { Success: true } m ? run[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)] : null;
                var located = RecordErrors.Locate(e, [map]);
                return !ReferenceEquals(located, e) && account is not null
                    ? located with { Message = $"{engine}, account '{account.Id}': {located.Message}" }
                    : e with { Path = $"{engine}: " + AccountIndex().Replace(e.Path, m => $"accounts['{run[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Id}']") };
            }));
        }
    }

    // The ABC ranking's shares, from the library, mapped from the ABC run's accounts back to all accounts.
    private void TakeShares(ParetoRanking? ranking)
    {
        var n = Accounts.Count;
        Share = new double?[n];
        CumulativeShare = new double?[n];
        if (ranking is null)
        {
            Ranked = [];
            return;
        }

        var account = new int[ranking.Shares.Length];
        for (var i = 0; i < n; i++)
        {
            if (Abc.Rows[i] >= 0)
            {
                account[Abc.Rows[i]] = i;
                Share[i] = ranking.Shares[Abc.Rows[i]];
                CumulativeShare[i] = ranking.CumulativeShares[Abc.Rows[i]];
            }
        }

        var ranked = new int[ranking.Order.Length];
        for (var k = 0; k < ranked.Length; k++)
        {
            ranked[k] = account[ranking.Order[k]];
        }

        Ranked = ranked;
    }

    // The portfolio's measures of the accounts an engine runs on (rows[i] >= 0, in order), in the portfolio's column
    // order (only those named in `only` when given): the columns TierMeasures.Build made, copied for those accounts.
    private static AccountMeasures Subset(AccountMeasures portfolio, int[] rows, int count, string[]? only)
    {
        var ids = new AccountId[count];
        var all = portfolio.Ids;
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] >= 0)
            {
                ids[rows[i]] = all[i];
            }
        }

        // Working arrays shared by the columns: each measure column copies what it is given.
        var columns = new List<MeasureColumn>();
        var values = new double[count];
        var missing = new bool[count];
        long[]? counts = null;
        bool[]? flags = null;
        foreach (var name in portfolio.MeasureNames)
        {
            if (only is not null && Array.IndexOf(only, name) < 0)
            {
                continue;
            }

            var column = portfolio.Measure(name);
            var source = column.Values;
            for (var i = 0; i < rows.Length; i++)
            {
                if (rows[i] >= 0)
                {
                    values[rows[i]] = source[i];
                    missing[rows[i]] = column.IsMissing(i);
                }
            }

            switch (column.Kind)
            {
                case MeasureKind.Amount:
                    columns.Add(MeasureColumn.Amounts(name, column.Currency.GetValueOrDefault(), values, missing));
                    break;
                case MeasureKind.Count:
                    counts ??= new long[count];
                    for (var k = 0; k < count; k++)
                    {
                        counts[k] = (long)values[k];
                    }

                    columns.Add(MeasureColumn.Counts(name, counts, missing));
                    break;
                case MeasureKind.Flag:
                    flags ??= new bool[count];
                    for (var k = 0; k < count; k++)
                    {
                        flags[k] = values[k] != 0d;
                    }

                    columns.Add(MeasureColumn.Flags(name, flags, missing));
                    break;
                default:
                    columns.Add(MeasureColumn.Numbers(name, values, missing));
                    break;
            }
        }

        return AccountMeasures.Create(ids, columns);
    }

    [GeneratedRegex(@"^accounts\[(\d+)\]")]
    private static partial Regex AccountIndex();
}
