namespace Kam.Core.Accounts.Targets;

/// <summary>
/// One unit and period of a <see cref="TargetReconciliation"/>: the unit's own target (top-down), the sum of the
/// targets of the accounts it and the units below it hold (bottom-up), and the gap between them.
/// </summary>
public sealed class ReconciliationLine
{
    internal ReconciliationLine(UnitId unit, FiscalPeriod period, Money? topDown, Money bottomUp, int accounts)
    {
        Unit = unit;
        Period = period;
        TopDown = topDown;
        BottomUp = bottomUp;
        Accounts = accounts;
        Gap = topDown is { } t ? t - bottomUp : null;
    }

    /// <summary>Gets the unit.</summary>
    public UnitId Unit { get; }

    /// <summary>Gets the period: the plan's year, one of its quarters or one of its months.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the unit's own target for the period, or <see langword="null"/> when it has none (set, or made up of all its quarters' or months').</summary>
    public Money? TopDown { get; }

    /// <summary>Gets the sum of the accounts' targets for the period (zero when no account has one).</summary>
    public Money BottomUp { get; }

    /// <summary>Gets <see cref="TopDown"/> minus <see cref="BottomUp"/>: positive when the accounts' targets fall short of the unit's; <see langword="null"/> without a top-down target.</summary>
    public Money? Gap { get; }

    /// <summary>Gets the number of accounts whose target for the period counted in <see cref="BottomUp"/>.</summary>
    public int Accounts { get; }
}
