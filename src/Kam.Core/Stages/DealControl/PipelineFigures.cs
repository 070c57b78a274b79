
namespace Kam.Core.Stages.DealControl;

/// <summary>
/// The totals of a slice of the open pipeline: how many projects, their value, their probability-weighted value, and
/// the value in the commit and best-case views (see <see cref="ForecastPolicy"/>).
/// </summary>
/// <remarks>Amounts are unrounded sums in the pipeline's currency. Immutable.</remarks>
public sealed class PipelineFigures
{
    internal PipelineFigures(long count, Money value, Money weighted, Money commit, Money bestCase)
    {
        Count = count;
        Value = value;
        Weighted = weighted;
        Commit = commit;
        BestCase = bestCase;
    }

    /// <summary>Gets the number of open projects.</summary>
    public long Count { get; }

    /// <summary>Gets their total expected value.</summary>
    public Money Value { get; }

    /// <summary>Gets the sum of value × earned win probability.</summary>
    public Money Weighted { get; }

    /// <summary>Gets the value of projects whose earned probability reaches the commit threshold.</summary>
    public Money Commit { get; }

    /// <summary>Gets the value of projects whose probability band reaches the best-case threshold.</summary>
    public Money BestCase { get; }
}

/// <summary>The pipeline figures of one sales stage (or, with a null stage, of projects that have not entered stage 1).</summary>
public sealed class StageFigures
{
    internal StageFigures(SalesStage? stage, PipelineFigures figures)
    {
        Stage = stage;
        Figures = figures;
    }

    /// <summary>Gets the entered stage, or null for projects before stage 1.</summary>
    public SalesStage? Stage { get; }

    /// <summary>Gets the totals.</summary>
    public PipelineFigures Figures { get; }
}

/// <summary>The pipeline figures of one funnel state.</summary>
public sealed class FunnelFigures
{
    internal FunnelFigures(FunnelState funnel, PipelineFigures figures)
    {
        Funnel = funnel;
        Figures = figures;
    }

    /// <summary>Gets the funnel state.</summary>
    public FunnelState Funnel { get; }

    /// <summary>Gets the totals.</summary>
    public PipelineFigures Figures { get; }
}

/// <summary>The pipeline figures of one salesperson.</summary>
public sealed class OwnerFigures
{
    internal OwnerFigures(PersonId owner, PipelineFigures figures)
    {
        Owner = owner;
        Figures = figures;
    }

    /// <summary>Gets the salesperson.</summary>
    public PersonId Owner { get; }

    /// <summary>Gets the totals.</summary>
    public PipelineFigures Figures { get; }
}

/// <summary>The pipeline figures of one account.</summary>
public sealed class AccountFigures
{
    internal AccountFigures(AccountId account, PipelineFigures figures)
    {
        Account = account;
        Figures = figures;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the totals.</summary>
    public PipelineFigures Figures { get; }
}

/// <summary>The pipeline figures (and so the forecast) of one fiscal period of expected close.</summary>
public sealed class PeriodFigures
{
    internal PeriodFigures(FiscalPeriod period, PipelineFigures figures)
    {
        Period = period;
        Figures = figures;
    }

    /// <summary>Gets the period of expected close.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the totals: <see cref="PipelineFigures.Weighted"/> is the weighted forecast.</summary>
    public PipelineFigures Figures { get; }
}
