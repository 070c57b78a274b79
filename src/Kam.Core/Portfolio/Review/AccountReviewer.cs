namespace Kam.Core.Portfolio.Review;

/// <summary>
/// The account review engine: joins the parts of an <see cref="AccountReviewSources"/> under a
/// <see cref="ReviewRuleSet"/> into one account's <see cref="AccountReview"/> or the <see cref="PortfolioDashboard"/>
/// over all accounts (rule book: the account review).
/// </summary>
/// <remarks>
/// A rule fires for an account when all its conditions hold; an absent signal holds no condition, so a rule never
/// fires on missing data. Immutable and thread-safe; reviewing is a read of the indexed sources (constant time per
/// account and rule), the dashboard one pass over the accounts and a sort.
/// </remarks>
public sealed class AccountReviewer : IAccountReviewer
{
    private readonly CompiledRule[] _rules;

    /// <summary>Creates the engine.</summary>
    /// <param name="sources">The joined parts.</param>
    /// <param name="rules">The rules; <see langword="null"/> for <see cref="ReviewRuleSet.Default"/>.</param>
    /// <exception cref="KamValidationException">A rule names a signal the sources do not provide (<c>rules[i].conditions[j].signal</c>, <see cref="KamErrorCodes.Unknown"/>, listing the known ones).</exception>
    public AccountReviewer(AccountReviewSources sources, ReviewRuleSet? rules = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Sources = sources;
        Rules = rules ?? ReviewRuleSet.Default;
        var errors = new ValidationCollector();
        _rules = new CompiledRule[Rules.Rules.Count];
        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = Rules.Rules[i];
            var signals = new int[rule.Conditions.Count];
            for (var c = 0; c < signals.Length; c++)
            {
                signals[c] = Resolve(errors, $"rules[{i}].conditions[{c}].signal", rule.Conditions[c].Signal);
            }

            var stake = rule.ValueAtStake is { } s ? Resolve(errors, $"rules[{i}].valueAtStake", s) : -1;
            _rules[i] = new CompiledRule(rule, signals, stake);
        }

        errors.ThrowIfAny();
    }

    /// <inheritdoc />
    public AccountReviewSources Sources { get; }

    /// <inheritdoc />
    public ReviewRuleSet Rules { get; }

    /// <inheritdoc />
    public AccountReview Review(AccountId account)
    {
        var row = account.Value is null ? -1 : Sources.RowOf(account);
        if (row < 0)
        {
            throw new KamValidationException("account", KamErrorCodes.Unknown, account.Value, "The account is in neither the hierarchy nor any part of the review's sources.");
        }

        var values = Sources.Row(row);
        var catalog = Sources.Catalog.Signals;
        var signals = new SignalValue[catalog.Count];
        for (var i = 0; i < signals.Length; i++)
        {
            signals[i] = new SignalValue(catalog[i], double.IsNaN(values[i]) ? null : values[i]);
        }

        var risks = new List<RuleFinding>();
        var opportunities = new List<RuleFinding>();
        foreach (var rule in _rules)
        {
            if (rule.Fire(values, catalog) is { } finding)
            {
                (rule.Rule.Kind == ReviewRuleKind.Risk ? risks : opportunities).Add(finding);
            }
        }

        return new AccountReview(Sources, row, Array.AsReadOnly(signals), [.. risks], [.. opportunities]);
    }

    /// <inheritdoc />
    public PortfolioDashboard Dashboard()
    {
        var catalog = Sources.Catalog.Signals;
        var counts = new int[_rules.Length];
        var risks = new List<DashboardEntry>();
        var opportunities = new List<DashboardEntry>();
        var fired = new List<RuleFinding>();
        var firedOpportunities = new List<RuleFinding>();
        for (var row = 0; row < Sources.Count; row++)
        {
            var values = Sources.Row(row);
            for (var r = 0; r < _rules.Length; r++)
            {
                if (_rules[r].Fire(values, catalog) is { } finding)
                {
                    counts[r]++;
                    (finding.Rule.Kind == ReviewRuleKind.Risk ? fired : firedOpportunities).Add(finding);
                }
            }

            if (fired.Count > 0)
            {
                risks.Add(new DashboardEntry(Sources.AccountAt(row), [.. fired]));
                fired.Clear();
            }

            if (firedOpportunities.Count > 0)
            {
                opportunities.Add(new DashboardEntry(Sources.AccountAt(row), [.. firedOpportunities]));
                firedOpportunities.Clear();
            }
        }

        return new PortfolioDashboard(Rules, Sources.Count, [.. risks], [.. opportunities], counts);
    }

    /// <summary>Applies the rules to one row of signal values (NaN = absent), in the catalog's order: the rule logic without the join, for tests and hosts' what-ifs.</summary>
    internal List<RuleFinding> Evaluate(ReadOnlySpan<double> values)
    {
        var fired = new List<RuleFinding>();
        foreach (var rule in _rules)
        {
            if (rule.Fire(values, Sources.Catalog.Signals) is { } finding)
            {
                fired.Add(finding);
            }
        }

        return fired;
    }

    private int Resolve(ValidationCollector errors, string path, string name)
    {
        var index = Sources.Catalog.IndexOf(name);
        if (index < 0)
        {
            errors.Add(path, KamErrorCodes.Unknown, name, $"The sources provide no signal of this name. Known signals: {Sources.Catalog.KnownNames()}.");
        }

        return index;
    }

    /// <summary>A rule with its signals resolved to positions in a row of the sources.</summary>
    private sealed class CompiledRule(ReviewRule rule, int[] signals, int stake)
    {
        public ReviewRule Rule { get; } = rule;

        public RuleFinding? Fire(ReadOnlySpan<double> values, IReadOnlyList<SignalDefinition> catalog)
        {
            var conditions = Rule.Conditions;
            for (var c = 0; c < signals.Length; c++)
            {
                if (!conditions[c].IsMet(values[signals[c]]))
                {
                    return null;
                }
            }

            var reasons = new ConditionResult[signals.Length];
            for (var c = 0; c < signals.Length; c++)
            {
                reasons[c] = new ConditionResult(conditions[c], catalog[signals[c]], values[signals[c]]);
            }

            double? atStake = stake >= 0 && !double.IsNaN(values[stake]) ? values[stake] : null;
            return new RuleFinding(Rule, reasons, atStake);
        }
    }
}
