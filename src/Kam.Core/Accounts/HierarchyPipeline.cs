using Kam.Core.Stages.DealControl;

namespace Kam.Core.Accounts;

/// <summary>
/// The open pipeline of a <see cref="DealControlSummary"/> rolled up both hierarchies of an <see cref="AccountHierarchy"/>:
/// per unit of our organization (a unit's figures include every unit below it) and per account of a customer's
/// structure (a group's figures include its headquarters, branches and outlets; rule book: accounts, hierarchies on
/// both sides).
/// </summary>
/// <remarks>
/// <para>
/// Each open opportunity counts once in its own account and so once in every unit and account above it: the figures
/// of a root unit are the sum of its accounts' figures, and the roots together hold the whole pipeline. The roll-up is
/// linear (one pass over the summary's account cells, one over the units and one over the accounts in roll-up order)
/// and, as the summary is, mergeable: rolling up merged partitions gives the sum of the partitions' roll-ups.
/// </para>
/// <para>
/// Every open opportunity must belong to an account of the hierarchy; one that does not is refused when the view is
/// made, so that no figure is silently left out. Immutable and thread-safe; the figures without a period are computed
/// on first use, those of one period on each call.
/// </para>
/// </remarks>
public sealed class HierarchyPipeline
{
    private readonly Lazy<Rolled> _all;

    /// <summary>Creates the view.</summary>
    /// <param name="hierarchy">The accounts and our organization.</param>
    /// <param name="summary">The deal-control summary of the opportunities (of one partition or merged).</param>
    /// <exception cref="KamValidationException">
    /// Open opportunities belong to accounts the hierarchy does not hold: one error per account (code
    /// <see cref="KamErrorCodes.Unknown"/>, the account as the value), its path naming the account's first opportunity
    /// in identifier order, for example <c>opportunities['P-7'].account</c>.
    /// </exception>
    public HierarchyPipeline(AccountHierarchy hierarchy, DealControlSummary summary)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(summary);
        var unknown = new SortedDictionary<AccountId, OpportunityId>();
        foreach (var (key, cell) in summary.AccountCells)
        {
            if (!hierarchy.Contains(key.Account)
                && (!unknown.TryGetValue(key.Account, out var first) || cell.First.CompareTo(first) < 0))
            {
                unknown[key.Account] = cell.First;
            }
        }

        if (unknown.Count > 0)
        {
            var errors = new ValidationCollector();
            foreach (var (account, opportunity) in unknown)
            {
                errors.Add(
                    $"opportunities['{opportunity.Value}'].account",
                    KamErrorCodes.Unknown,
                    account.Value,
                    $"Opportunity '{opportunity.Value}' belongs to account '{account.Value}', which the account hierarchy does not hold; every opportunity's account must be in it.");
            }

            errors.ThrowIfAny();
        }

        Hierarchy = hierarchy;
        Summary = summary;
        _all = new(() => Roll(null));
    }

    /// <summary>Gets the accounts and our organization.</summary>
    public AccountHierarchy Hierarchy { get; }

    /// <summary>Gets the summary whose open pipeline is rolled up.</summary>
    public DealControlSummary Summary { get; }

    /// <summary>Gets the open pipeline of a unit: the accounts it holds and those of every unit below it.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>The rolled-up figures.</returns>
    /// <exception cref="KamValidationException">No unit has the identifier.</exception>
    public PipelineFigures Unit(UnitId unit, FiscalPeriod? period = null)
    {
        var index = Hierarchy.Organization.IndexOf(unit);
        return Of(period).UnitTotal[index].ToFigures(Summary.Currency);
    }

    /// <summary>Gets the open pipeline of an account and every account below it in its customer's structure.</summary>
    /// <param name="account">The account.</param>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>The rolled-up figures.</returns>
    /// <exception cref="KamValidationException">No account has the identifier.</exception>
    public PipelineFigures AccountTree(AccountId account, FiscalPeriod? period = null)
    {
        var index = Hierarchy.IndexOf(account);
        return Of(period).AccountTotal[index].ToFigures(Summary.Currency);
    }

    /// <summary>Gets the open pipeline of every unit, its own accounts' and rolled up.</summary>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>One row per unit, a unit before the units below it (siblings in the organization's order).</returns>
    public IReadOnlyList<UnitPipelineFigures> ByUnit(FiscalPeriod? period = null)
    {
        var rolled = Of(period);
        var organization = Hierarchy.Organization;
        var currency = Summary.Currency;
        return organization.Tree.Preorder
            .Select(i => new UnitPipelineFigures(organization.Units[i].Id, rolled.UnitOwn[i].ToFigures(currency), rolled.UnitTotal[i].ToFigures(currency)))
            .ToArray();
    }

    /// <summary>Gets the open pipeline of every account, its own and that of its subtree of the customer's structure.</summary>
    /// <param name="period">Only projects expected to close in this period, or null for all.</param>
    /// <returns>One row per account of the hierarchy, an account before the accounts below it (siblings in the given order).</returns>
    public IReadOnlyList<AccountTreeFigures> ByAccountTree(FiscalPeriod? period = null)
    {
        var rolled = Of(period);
        var currency = Summary.Currency;
        return Hierarchy.Tree.Preorder
            .Select(i => new AccountTreeFigures(Hierarchy.Accounts[i].Id, rolled.AccountOwn[i].ToFigures(currency), rolled.AccountTotal[i].ToFigures(currency)))
            .ToArray();
    }

    private Rolled Of(FiscalPeriod? period) => period is null ? _all.Value : Roll(period);

    private Rolled Roll(FiscalPeriod? period)
    {
        var accounts = Hierarchy.Tree;
        var units = Hierarchy.Organization.Tree;
        var accountOwn = new PipelineCell[accounts.Count];
        foreach (var (key, cell) in Summary.AccountCells)
        {
            if (period is null || key.Period == period.Value)
            {
                Hierarchy.TryIndexOf(key.Account, out var index); // every account is known: checked when the view was made
                accountOwn[index].Add(cell.Figures);
            }
        }

        var unitOwn = new PipelineCell[units.Count];
        for (var i = 0; i < accountOwn.Length; i++)
        {
            unitOwn[Hierarchy.UnitIndexOf(i)].Add(accountOwn[i]);
        }

        return new Rolled(accountOwn, accounts.RollUp(accountOwn, Add), unitOwn, units.RollUp(unitOwn, Add));
    }

    private static readonly Func<int, PipelineCell, PipelineCell, PipelineCell> Add = static (_, total, below) =>
    {
        total.Add(below);
        return total;
    };

    private sealed record Rolled(PipelineCell[] AccountOwn, PipelineCell[] AccountTotal, PipelineCell[] UnitOwn, PipelineCell[] UnitTotal);
}

/// <summary>The open pipeline of one unit of our organization: of the accounts it holds itself, and rolled up over the units below it.</summary>
public sealed class UnitPipelineFigures
{
    internal UnitPipelineFigures(UnitId unit, PipelineFigures own, PipelineFigures total)
    {
        Unit = unit;
        Own = own;
        Total = total;
    }

    /// <summary>Gets the unit.</summary>
    public UnitId Unit { get; }

    /// <summary>Gets the figures of the accounts the unit holds itself.</summary>
    public PipelineFigures Own { get; }

    /// <summary>Gets the figures of the unit and every unit below it.</summary>
    public PipelineFigures Total { get; }
}

/// <summary>The open pipeline of one account: its own, and rolled up over the accounts below it in its customer's structure.</summary>
public sealed class AccountTreeFigures
{
    internal AccountTreeFigures(AccountId account, PipelineFigures own, PipelineFigures total)
    {
        Account = account;
        Own = own;
        Total = total;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the figures of the account's own opportunities.</summary>
    public PipelineFigures Own { get; }

    /// <summary>Gets the figures of the account and every account below it.</summary>
    public PipelineFigures Total { get; }
}
