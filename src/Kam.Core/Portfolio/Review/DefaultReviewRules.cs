namespace Kam.Core.Portfolio.Review;

/// <summary>The default risk and opportunity rules (rule book: the account review); the table in docs/account-review.md is tested against them.</summary>
internal static class DefaultReviewRules
{
    public static ReviewRule[] Create() =>
    [
        new(
            "health-overdue-stalled",
            ReviewRuleKind.Risk,
            "Falling health, overdue receivables and a stalled pipeline",
            RuleSeverity.Critical,
            5d,
            [C("health.trend", ConditionOperator.LessThan, 0d), C("receivables.overdue", ConditionOperator.GreaterThan, 0d), C("pipeline.stalled", ConditionOperator.AtLeast, 1d)],
            "Hold an account review with the customer's sponsor this month: agree a payment plan and unblock or close the stalled opportunities.",
            "profit.revenue"),
        new(
            "neglect",
            ReviewRuleKind.Risk,
            "Contact below the standard of the account's grade",
            RuleSeverity.High,
            4d,
            [C("contact.belowStandard", ConditionOperator.AtLeast, 1d)],
            "Restore the contact standard: schedule the missed visits and calls now (most defections come from neglect).",
            "clv"),
        new(
            "credit-limit-exceeded",
            ReviewRuleKind.Risk,
            "Open balance above the credit limit",
            RuleSeverity.High,
            4d,
            [C("receivables.creditUsed", ConditionOperator.GreaterThan, 1d)],
            "Hold new credit sales until the balance is back under the limit; agree a payment plan with the customer's finance.",
            "receivables.open"),
        new(
            "high-value-slipping",
            ReviewRuleKind.Risk,
            "A high-value customer likely to be lost",
            RuleSeverity.Critical,
            5d,
            [C("pAlive", ConditionOperator.LessThan, 0.5d), C("clv.percentile", ConditionOperator.AtLeast, 0.8d)],
            "Send an executive sponsor: find out why purchases stopped and make a retention offer.",
            "clv"),
        new(
            "plan-gap-thin-coverage",
            ReviewRuleKind.Risk,
            "Short of plan with too little pipeline to close the gap",
            RuleSeverity.Medium,
            3d,
            [C("attainment.gap", ConditionOperator.GreaterThan, 0d), C("attainment.coverage", ConditionOperator.LessThan, 3d)],
            "Build pipeline: plan new opportunities with the customer until open pipeline covers the gap three times.",
            "attainment.gap"),
        new(
            "tier-dropped",
            ReviewRuleKind.Risk,
            "Moved to a lower tier",
            RuleSeverity.Medium,
            2d,
            [C("tier.demoted", ConditionOperator.AtLeast, 1d)],
            "Review the reasons of the new tier and adjust the service and coverage to it.",
            "profit.revenue"),
        new(
            "expand-loyal-high-value",
            ReviewRuleKind.Opportunity,
            "A loyal high-value customer with stable or improving health",
            RuleSeverity.Medium,
            3d,
            [C("pAlive", ConditionOperator.AtLeast, 0.8d), C("clv.percentile", ConditionOperator.AtLeast, 0.8d), C("health.trend", ConditionOperator.AtLeast, 0d)],
            "Invest: propose a joint plan for new business and widen the relationship to more decision makers.",
            "clv"),
        new(
            "winnable-pipeline",
            ReviewRuleKind.Opportunity,
            "Open pipeline at an account where we usually win",
            RuleSeverity.Medium,
            2d,
            [C("pipeline.weighted", ConditionOperator.GreaterThan, 0d), C("winLoss.winRate", ConditionOperator.AtLeast, 0.5d)],
            "Prioritise these opportunities: staff them and move them to the next stage.",
            "pipeline.weighted"),
        new(
            "tier-raised",
            ReviewRuleKind.Opportunity,
            "Moved to a higher tier",
            RuleSeverity.Low,
            1d,
            [C("tier.promoted", ConditionOperator.AtLeast, 1d)],
            "Give the account the service of its new tier.",
            "profit.revenue"),
    ];

    private static ReviewCondition C(string signal, ConditionOperator op, double threshold) => new(signal, op, threshold);
}
