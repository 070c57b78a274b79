using Kam.Core.Portfolio.Matrices;
using Kam.Core.Portfolio.Review;
using Kam.Core.Portfolio.Staffing;
using Kam.Core.Portfolio.Wallet;
using Kam.Core.Relationships.Activities;
using Kam.Core.Tests.Portfolio.Wallet;
using static Kam.Core.Tests.Portfolio.Review.ReviewSamples;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Portfolio.Review;

/// <summary>The signal sources of the matrices, share of wallet and staffing: a rule on each signal fires on the accounts it should and on no other, and bad input is refused with its path and value.</summary>
public sealed class SignalSourceTests
{
    private static readonly PortfolioMatrix Value = PortfolioMatrix.CurrentAndFutureValue(100m, 100m);

    private static readonly StaffingOptions Loads = new([new GradeLoad("KA1", 18m), new GradeLoad("KA2", 6m)], capacityHoursPerMonth: 56m);

    private static AccountAssignment Assigned(string account, string manager, string grade) => new(Id(account), PersonId.Parse(manager), grade);

    private static ReviewRuleSet Rule(SignalCatalog catalog, params ReviewCondition[] conditions) =>
        new([new ReviewRule("r", ReviewRuleKind.Risk, "t", RuleSeverity.Low, 1d, conditions, "a")], catalog);

    private static string[] Fired(AccountReviewSources sources, params ReviewCondition[] conditions) =>
        [.. new AccountReviewer(sources, Rule(sources.Catalog, conditions)).Dashboard().Risks.Select(e => e.Account.Value).Order(StringComparer.Ordinal)];

    private static MatrixPlacement ValuePlacement() => Value.Place(
        [new MatrixPoint(Id("ACME"), 50m, 20m, Cny(0m)), new MatrixPoint(Id("BETA"), 500m, 300m, Cny(0m)), new MatrixPoint(Id("DELTA"), 10m, 10m, Cny(0m))],
        Currency.CNY);

    [Fact]
    public void A_rule_on_a_matrix_cell_fires_for_the_accounts_in_it_and_not_for_those_elsewhere_or_not_placed()
    {
        var signals = new MatrixSignals(ValuePlacement());
        Assert.Equal(["matrix.star", "matrix.cow", "matrix.wildcat", "matrix.dog"], signals.Signals.Select(s => s.Name));
        Assert.All(signals.Signals, s => Assert.Equal(SignalUnit.Flag, s.Unit));

        // ACME and DELTA are dogs, BETA a star, GAMMA is not placed; all but DELTA have a falling health.
        var health = HealthOf(Health("ACME", 50m, -8m), Health("BETA", 70m, -3m), Health("GAMMA", 40m, -5m), Health("DELTA", 60m, 2m));
        var sources = new AccountReviewSources(health: health, extensions: [signals]);
        Assert.Equal(["ACME"], Fired(sources, new ReviewCondition("matrix.dog", ConditionOperator.EqualTo, 1d), new ReviewCondition("health.trend", ConditionOperator.LessThan, 0d)));
        Assert.Equal(["ACME", "DELTA"], Fired(sources, new ReviewCondition("matrix.dog", ConditionOperator.EqualTo, 1d)));
        Assert.Equal(["BETA"], Fired(sources, new ReviewCondition("matrix.dog", ConditionOperator.EqualTo, 0d)));

        var reviewer = new AccountReviewer(sources, Rule(sources.Catalog, new ReviewCondition("matrix.star", ConditionOperator.EqualTo, 1d)));
        Assert.Null(reviewer.Review(Id("GAMMA")).Signal("matrix.dog"));
        Assert.Equal(1d, reviewer.Review(Id("BETA")).Signal("matrix.star"));
    }

    [Fact]
    public void Two_matrices_share_the_default_prefix_when_their_codes_differ_and_need_their_own_when_they_do_not()
    {
        var position = PortfolioMatrix.AttractivenessAndStrength.Place([new MatrixPoint(Id("ACME"), 8m, 2m, Cny(0m))], Currency.CNY);
        var both = new AccountReviewSources(health: HealthOf(Health("ACME", 50m, -8m)), extensions: [new MatrixSignals(ValuePlacement()), new MatrixSignals(position)]);
        Assert.Equal(["ACME"], Fired(both, new ReviewCondition("matrix.dog", ConditionOperator.EqualTo, 1d), new ReviewCondition("matrix.development", ConditionOperator.EqualTo, 1d)));

        var clash = Assert.Throws<KamValidationException>(() => new AccountReviewSources(extensions: [new MatrixSignals(ValuePlacement()), new MatrixSignals(ValuePlacement())]));
        Assert.Equal("extensions[1].signals[0].name", clash.Errors[0].Path);
        Assert.Equal(KamErrorCodes.Duplicate, clash.Errors[0].Code);

        var prefixed = new AccountReviewSources(health: HealthOf(Health("ACME", 50m, -8m)), extensions: [new MatrixSignals(ValuePlacement()), new MatrixSignals(ValuePlacement(), "value")]);
        Assert.Equal(["ACME"], Fired(prefixed, new ReviewCondition("value.dog", ConditionOperator.EqualTo, 1d)));
    }

    [Fact]
    public void A_prefix_or_cell_code_that_makes_no_signal_name_is_refused_with_its_path_and_value()
    {
        var bad = Assert.Throws<KamValidationException>(() => new MatrixSignals(ValuePlacement(), "1x"));
        Assert.Equal(("prefix", KamErrorCodes.InvalidFormat, "1x"), (bad.Errors[0].Path, bad.Errors[0].Code, bad.Errors[0].AttemptedValue));

        var spaced = new PortfolioMatrix("m", new MatrixAxis("x", [1m]), new MatrixAxis("y", [1m]),
        [
            new MatrixCell("hi", "Hi", 1, 1, "s", "S"), new MatrixCell("cash cow", "Cow", 1, 0, "s", "S"),
            new MatrixCell("lo", "Lo", 0, 0, "s", "S"), new MatrixCell("up", "Up", 0, 1, "s", "S"),
        ]);
        var cells = Assert.Throws<KamValidationException>(() => new MatrixSignals(spaced.Place([], Currency.CNY)));
        var error = Assert.Single(cells.Errors);
        Assert.Equal(("placement.matrix.cells[1].code", KamErrorCodes.InvalidFormat, "cash cow"), (error.Path, error.Code, error.AttemptedValue));
    }

    [Fact]
    public void Rules_on_share_and_whitespace_fire_for_the_accounts_with_the_figures_and_not_for_those_without_an_estimate()
    {
        // HQ: 2,000,000 of 5,000,000 (share 0.4, headroom 3,000,000) and 650,000 of white space; B1: 0.4 and none;
        // B2: estimate below our sales (share capped at 1); SOLO: no estimate; GRP: a plan with 100,000 of white space, no wallet.
        var signals = new WalletSignals(WalletScenario.Summary().Lines);
        Assert.Equal(["wallet.share", "wallet.headroom", "wallet.whitespace"], signals.Signals.Select(s => s.Name));
        var sources = new AccountReviewSources(hierarchy: WalletScenario.Hierarchy(), extensions: [signals]);
        Assert.Equal(["B1", "HQ"], Fired(sources, new ReviewCondition("wallet.share", ConditionOperator.LessThan, 0.5d)));
        Assert.Equal(["HQ"], Fired(sources, new ReviewCondition("wallet.whitespace", ConditionOperator.AtLeast, 500_000d)));
        Assert.Equal(["B1", "B2", "GRP", "SOLO"], Fired(sources, new ReviewCondition("wallet.whitespace", ConditionOperator.LessThan, 500_000d)));
        Assert.Equal(["HQ"], Fired(sources, new ReviewCondition("wallet.headroom", ConditionOperator.GreaterThan, 1_000_000d)));

        var reviewer = new AccountReviewer(sources, Rule(sources.Catalog, new ReviewCondition("wallet.share", ConditionOperator.AtMost, 1d)));
        var solo = reviewer.Review(WalletScenario.A("SOLO"));
        Assert.Null(solo.Signal("wallet.share"));
        Assert.Null(solo.Signal("wallet.headroom"));
        Assert.Equal(0d, solo.Signal("wallet.whitespace"));
        Assert.Equal(1d, reviewer.Review(WalletScenario.A("B2")).Signal("wallet.share"));
        Assert.Equal(100_000d, reviewer.Review(WalletScenario.A("GRP")).Signal("wallet.whitespace"));
    }

    [Fact]
    public void A_wallet_line_given_twice_or_missing_is_refused_with_its_path_and_value()
    {
        var lines = WalletScenario.Summary().Lines;
        var error = Assert.Throws<KamValidationException>(() => new WalletSignals([.. lines, null!, lines[1]]));
        Assert.Equal([$"lines[{lines.Count}]", $"lines[{lines.Count + 1}].account"], error.Errors.Select(e => e.Path));
        Assert.Equal(KamErrorCodes.Duplicate, error.Errors[1].Code);
        Assert.Equal(lines[1].Account.Value, error.Errors[1].AttemptedValue);
    }

    [Fact]
    public void A_rule_on_the_owner_load_fires_for_every_account_of_an_overloaded_manager_and_for_no_other()
    {
        // alice: three KA1 accounts and one KA2, 3 × 18 + 6 = 60 hours a month against 56 (1.071); bob: one KA1, 18 ÷ 56.
        var signals = new StaffingSignals(
            [Assigned("ACME", "alice", "KA1"), Assigned("BETA", "alice", "KA1"), Assigned("GAMMA", "alice", "KA1"), Assigned("DELTA", "alice", "KA2"), Assigned("EPS", "bob", "KA1")],
            Loads);
        Assert.Equal(["staffing.ownerLoad", "staffing.hours"], signals.Signals.Select(s => s.Name));
        var health = HealthOf(Health("ACME", 50m, 1m), Health("BETA", 50m, 1m), Health("GAMMA", 50m, 1m), Health("DELTA", 50m, 1m), Health("EPS", 50m, 1m), Health("ZETA", 50m, 1m));
        var sources = new AccountReviewSources(health: health, extensions: [signals]);
        Assert.Equal(["ACME", "BETA", "DELTA", "GAMMA"], Fired(sources, new ReviewCondition("staffing.ownerLoad", ConditionOperator.GreaterThan, 1d)));
        Assert.Equal(["ACME", "BETA", "EPS", "GAMMA"], Fired(sources, new ReviewCondition("staffing.hours", ConditionOperator.AtLeast, 18d)));

        var reviewer = new AccountReviewer(sources, Rule(sources.Catalog, new ReviewCondition("staffing.hours", ConditionOperator.AtLeast, 0d)));
        Assert.Equal(60d / 56d, reviewer.Review(Id("DELTA")).Signal("staffing.ownerLoad")!.Value, 12);
        Assert.Equal(6d, reviewer.Review(Id("DELTA")).Signal("staffing.hours"));
        Assert.Equal(18d / 56d, reviewer.Review(Id("EPS")).Signal("staffing.ownerLoad")!.Value, 12);
        Assert.Null(reviewer.Review(Id("ZETA")).Signal("staffing.ownerLoad"));
    }

    [Fact]
    public void An_account_assigned_twice_or_a_grade_without_a_load_is_refused_with_its_path_and_value()
    {
        var error = Assert.Throws<KamValidationException>(() => new StaffingSignals(
            [Assigned("ACME", "alice", "KA1"), Assigned("ACME", "bob", "KA2"), Assigned("BETA", "alice", "KA9"), null!], Loads));
        Assert.Equal(
            [("accounts[1].account", KamErrorCodes.Duplicate, (string?)"ACME"), ("accounts[2].grade", KamErrorCodes.Unknown, "KA9"), ("accounts[3]", KamErrorCodes.Required, null)],
            error.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
    }
}
