using Kam.Core.Portfolio.Matrices;
using Kam.Core.Portfolio.Review;
using Kam.Core.Portfolio.Staffing;
using Kam.Core.Portfolio.Wallet;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;

namespace Kam.Core.Tests.Docs;

/// <summary>The example of docs/account-review.md "The matrices, share of wallet and staffing as signals", compiled and run by <see cref="AccountReviewDocsTests"/>.</summary>
internal static class ReviewSignalsSample
{
    public static List<string> Run(HealthReport health)
    {
        // <doc>
        Money Cny(decimal amount) => new(amount, Currency.CNY);
        AccountId Id(string id) => AccountId.Parse(id);

        // Current value (last year's gross profit) against future value (lifetime value), high from 500,000 on.
        var placement = PortfolioMatrix.CurrentAndFutureValue(500_000m, 500_000m).Place(
            [new MatrixPoint(Id("ACME"), 200_000m, 100_000m, Cny(200_000m)), new MatrixPoint(Id("BETA"), 900_000m, 800_000m, Cny(900_000m))],
            Currency.CNY);
        var wallet = WalletSummary.Of(Currency.CNY,
            [new AccountWallet(Id("ACME"), Cny(200_000m), Cny(1_000_000m)), new AccountWallet(Id("BETA"), Cny(300_000m), Cny(2_000_000m))]);
        AccountAssignment[] book =
        [
            new(Id("ACME"), PersonId.Parse("alice"), "KA1"), // 18 contact hours a month each
            new(Id("BETA"), PersonId.Parse("alice"), "KA1"),
            new(Id("GAMMA"), PersonId.Parse("bob"), "KA1"),
        ];

        var sources = new AccountReviewSources(health: health, extensions:
        [
            new MatrixSignals(placement), // matrix.star, matrix.cow, matrix.wildcat, matrix.dog
            new WalletSignals(wallet.Lines), // wallet.share, wallet.headroom, wallet.whitespace
            new StaffingSignals(book, new StaffingOptions(capacityHoursPerMonth: 30m)), // staffing.ownerLoad, staffing.hours
        ]);
        var rules = new ReviewRuleSet(
        [
            new ReviewRule("dog-falling", ReviewRuleKind.Risk, "A dog whose health falls", RuleSeverity.Medium, 2d,
                [new("matrix.dog", ConditionOperator.EqualTo, 1d), new("health.trend", ConditionOperator.LessThan, 0d)],
                "Control the spending: agree the minimum service and stop discretionary investment."),
            new ReviewRule("owner-overloaded", ReviewRuleKind.Risk, "The manager's book is too large", RuleSeverity.High, 3d,
                [new("staffing.ownerLoad", ConditionOperator.GreaterThan, 1d)],
                "Rebalance the manager's accounts or add coverage before the contact standard slips."),
            new ReviewRule("wallet-to-win", ReviewRuleKind.Opportunity, "Most of the spend goes elsewhere", RuleSeverity.Medium, 2d,
                [new("wallet.share", ConditionOperator.LessThan, 0.3d)],
                "Propose the categories the customer buys elsewhere in the next account plan.", valueAtStake: "wallet.headroom"),
        ], sources.Catalog);

        var dashboard = new AccountReviewer(sources, rules).Dashboard();
        var lines = dashboard.Risks.Concat(dashboard.Opportunities).Select(entry => entry.ToString()).ToList();
        // </doc>
        return lines;
    }
}
