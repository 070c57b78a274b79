namespace Kam.Core.Portfolio.Review;

/// <summary>The parts an account review joins: each is the result of one capability's engine, given to <see cref="AccountReviewSources"/>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReviewPart>))]
public enum ReviewPart
{
    /// <summary>The tiering run: the tier, its rank and score, and the reasons (<c>Kam.Core.Tiering.TieringResult</c>).</summary>
    Tiering,

    /// <summary>The tier changes between two runs (<c>Kam.Core.Tiering.Stability.TierChangeReport</c>).</summary>
    TierChanges,

    /// <summary>Plan attainment of one measure and period: actual, forecast, gap, coverage (<c>Kam.Core.Accounts.Attainment.AttainmentLine</c>).</summary>
    Attainment,

    /// <summary>The key-account plan check (<c>Kam.Core.Accounts.Plans.PlanCheckReport</c>).</summary>
    Plans,

    /// <summary>The open pipeline and its anomalies (<c>Kam.Core.Stages.DealControl.DealControlSummary</c>).</summary>
    Pipeline,

    /// <summary>Win/loss of the closed opportunities (<c>Kam.Core.Portfolio.WinLossSummary</c> per account).</summary>
    WinLoss,

    /// <summary>Profitability and cost to serve (<c>Kam.Core.Value.Economics.AccountProfitability</c>).</summary>
    Profitability,

    /// <summary>Customer lifetime value and the probability the customer is still active (<c>Kam.Core.Value.Models.LifetimeValue.LifetimeValueReport</c>).</summary>
    LifetimeValue,

    /// <summary>Coverage of the buying center (<c>Kam.Core.Relationships.CoverageReport</c>).</summary>
    Coverage,

    /// <summary>Relationship health: index, trend and alerts (<c>Kam.Core.Relationships.Health.HealthReport</c>).</summary>
    Health,

    /// <summary>Contact compliance against the standard of the account's grade (<c>Kam.Core.Relationships.Activities.ComplianceReport</c>).</summary>
    Compliance,

    /// <summary>Receivables: overdue, days sales outstanding, credit-limit use (<c>Kam.Core.Portfolio.Receivables.ReceivablesReport</c>).</summary>
    Receivables,

    /// <summary>Signals a host adds through an <see cref="IAccountSignalSource"/> (quadrants, share of wallet, staffing, its own).</summary>
    Extension,
}
