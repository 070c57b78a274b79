namespace Kam.Core.Portfolio.Receivables;

/// <summary>
/// One account's receivables as of a date: what it owes (the open balance), how long past due (the ageing buckets),
/// how fast it pays (days sales outstanding), how much of its credit it uses, and the alerts that follow.
/// </summary>
/// <remarks>
/// Amounts are in the analyzer's currency. <see cref="Buckets"/> sum to <see cref="OpenBalance"/>, and so do
/// <see cref="NotDue"/> and <see cref="Overdue"/>. Immutable.
/// </remarks>
public sealed class AccountReceivables
{
    internal AccountReceivables(
        AccountId account,
        Money openBalance,
        Money notDue,
        Money overdue,
        Money[] buckets,
        int openInvoices,
        int oldestDaysPastDue,
        Money creditSales,
        decimal? dso,
        Money? creditLimit,
        IReadOnlyList<ReceivablesAlert> alerts,
        bool creditRisk)
    {
        Account = account;
        OpenBalance = openBalance;
        NotDue = notDue;
        Overdue = overdue;
        Buckets = Array.AsReadOnly(buckets);
        OpenInvoices = openInvoices;
        OldestDaysPastDue = oldestDaysPastDue;
        CreditSales = creditSales;
        Dso = dso;
        CreditLimit = creditLimit;
        Alerts = alerts;
        CreditRisk = creditRisk;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the open balance: every invoice issued by the date less what payments received by the date settled of it.</summary>
    public Money OpenBalance { get; }

    /// <summary>Gets the part of the open balance not yet past its due date.</summary>
    public Money NotDue { get; }

    /// <summary>Gets the part of the open balance past its due date.</summary>
    public Money Overdue { get; }

    /// <summary>Gets the open balance by ageing bucket (the policy's <see cref="ReceivablesPolicy.Buckets"/>, in order).</summary>
    public IReadOnlyList<Money> Buckets { get; }

    /// <summary>Gets the number of invoices with an open balance.</summary>
    public int OpenInvoices { get; }

    /// <summary>Gets the days past due of the oldest overdue open invoice, or 0 when nothing is overdue.</summary>
    public int OldestDaysPastDue { get; }

    /// <summary>Gets the credit sales of the window: the invoices issued in the policy's DSO window ending on the date.</summary>
    public Money CreditSales { get; }

    /// <summary>Gets the days sales outstanding: open balance ÷ credit sales of the window × the window's days; <see langword="null"/> when the window has no sales.</summary>
    public decimal? Dso { get; }

    /// <summary>Gets the credit limit, or <see langword="null"/> when the account has none.</summary>
    public Money? CreditLimit { get; }

    /// <summary>Gets the share of the credit limit used (open balance ÷ limit; above 1 when exceeded), or <see langword="null"/> without a positive limit.</summary>
    public Ratio? UsedShare => CreditLimit is { } limit && limit.Amount > 0m ? Ratio.FromFraction(OpenBalance.Amount / limit.Amount) : null;

    /// <summary>Gets the headroom: the limit less the open balance, negative when the limit is exceeded; <see langword="null"/> without a limit.</summary>
    public Money? Headroom => CreditLimit is { } limit ? new Money(limit.Amount - OpenBalance.Amount, limit.Currency) : null;

    /// <summary>Gets the alerts, in the order of <see cref="ReceivablesAlertKind"/>.</summary>
    public IReadOnlyList<ReceivablesAlert> Alerts { get; }

    /// <summary>Gets a value indicating whether one of the policy's credit-risk alerts is raised: the <c>creditRisk</c> flag the tiering credit gate reads.</summary>
    public bool CreditRisk { get; }
}
