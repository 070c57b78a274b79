namespace Kam.Core.Portfolio.Receivables;

/// <summary>
/// The receivables of a set of accounts rolled up: totals of the open balance, its ageing and the window's credit
/// sales, the credit limits, days sales outstanding from those totals, and how many accounts are alerted.
/// </summary>
/// <remarks>
/// <para>
/// Mergeable: summaries of disjoint sets of accounts (partitions holding every invoice and payment of their accounts)
/// combine with <see cref="Merge"/>, which is associative and commutative, and <see cref="Empty"/> is its identity;
/// days sales outstanding is recomputed from the merged totals (never averaged).
/// </para>
/// <para>Immutable.</para>
/// </remarks>
public sealed class ReceivablesSummary
{
    private readonly decimal[] _buckets;
    private readonly int[] _alerts;

    internal ReceivablesSummary(ReceivablesPolicy policy, Currency currency, int accounts, long openInvoices, decimal open, decimal notDue, decimal overdue, decimal[] buckets, decimal sales, decimal limits, int accountsWithLimit, int accountsAtRisk, int[] alerts)
    {
        Policy = policy;
        Currency = currency;
        Accounts = accounts;
        OpenInvoices = openInvoices;
        OpenBalance = new Money(open, currency);
        NotDue = new Money(notDue, currency);
        Overdue = new Money(overdue, currency);
        _buckets = buckets;
        Buckets = Array.AsReadOnly(Array.ConvertAll(buckets, b => new Money(b, currency)));
        CreditSales = new Money(sales, currency);
        CreditLimits = new Money(limits, currency);
        AccountsWithLimit = accountsWithLimit;
        AccountsAtRisk = accountsAtRisk;
        _alerts = alerts;
        Dso = sales > 0m ? Overflow.Guard("portfolio dso", () => open / sales * policy.DsoWindowDays) : null;
    }

    /// <summary>Gets the policy the summary was computed with (its buckets and DSO window).</summary>
    public ReceivablesPolicy Policy { get; }

    /// <summary>Gets the currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the number of accounts.</summary>
    public int Accounts { get; }

    /// <summary>Gets the number of invoices with an open balance.</summary>
    public long OpenInvoices { get; }

    /// <summary>Gets the total open balance.</summary>
    public Money OpenBalance { get; }

    /// <summary>Gets the part of the open balance not yet due.</summary>
    public Money NotDue { get; }

    /// <summary>Gets the part of the open balance past due.</summary>
    public Money Overdue { get; }

    /// <summary>Gets the open balance by ageing bucket (the policy's buckets, in order).</summary>
    public IReadOnlyList<Money> Buckets { get; }

    /// <summary>Gets the credit sales of the DSO window.</summary>
    public Money CreditSales { get; }

    /// <summary>Gets the sum of the credit limits of the accounts that have one.</summary>
    public Money CreditLimits { get; }

    /// <summary>Gets the number of accounts with a credit limit.</summary>
    public int AccountsWithLimit { get; }

    /// <summary>Gets the number of accounts flagged as a credit risk.</summary>
    public int AccountsAtRisk { get; }

    /// <summary>Gets days sales outstanding over the whole set: total open balance ÷ total credit sales of the window × its days; <see langword="null"/> without sales.</summary>
    public decimal? Dso { get; }

    /// <summary>Creates the summary of no account: the identity of <see cref="Merge"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The empty summary.</returns>
    public static ReceivablesSummary Empty(ReceivablesPolicy policy, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(policy, currency, 0, 0, 0m, 0m, 0m, new decimal[policy.Buckets.Count], 0m, 0m, 0, 0, new int[AlertKinds]);
    }

    /// <summary>Gets how many accounts have an alert of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The number of accounts.</returns>
    public int AccountsAlerted(ReceivablesAlertKind kind) => (uint)kind < (uint)_alerts.Length ? _alerts[(int)kind] : 0;

    /// <summary>Combines this summary with the summary of other accounts.</summary>
    /// <param name="other">The summary of a disjoint set of accounts.</param>
    /// <returns>The summary of both sets.</returns>
    /// <exception cref="CurrencyMismatchException">The summaries are in different currencies.</exception>
    /// <exception cref="KamValidationException">The summaries have different buckets or DSO windows (<see cref="KamErrorCodes.InvalidState"/>), or a total overflows (<see cref="KamErrorCodes.Overflow"/>).</exception>
    public ReceivablesSummary Merge(ReceivablesSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, "merge receivables summaries");
        }

        if (!Policy.SameShape(other.Policy))
        {
            throw new KamValidationException("other", KamErrorCodes.InvalidState, string.Join(",", other.Policy.BucketLimits), "Summaries with different ageing buckets or DSO windows cannot be merged.");
        }

        var buckets = new decimal[_buckets.Length];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = Overflow.Add(_buckets[b], other._buckets[b], "portfolio buckets");
        }

        var alerts = new int[_alerts.Length];
        for (var k = 0; k < alerts.Length; k++)
        {
            alerts[k] = _alerts[k] + other._alerts[k];
        }

        return new ReceivablesSummary(
            Policy,
            Currency,
            Accounts + other.Accounts,
            OpenInvoices + other.OpenInvoices,
            Overflow.Add(OpenBalance.Amount, other.OpenBalance.Amount, "portfolio open balance"),
            Overflow.Add(NotDue.Amount, other.NotDue.Amount, "portfolio not due"),
            Overflow.Add(Overdue.Amount, other.Overdue.Amount, "portfolio overdue"),
            buckets,
            Overflow.Add(CreditSales.Amount, other.CreditSales.Amount, "portfolio credit sales"),
            Overflow.Add(CreditLimits.Amount, other.CreditLimits.Amount, "portfolio credit limits"),
            AccountsWithLimit + other.AccountsWithLimit,
            AccountsAtRisk + other.AccountsAtRisk,
            alerts);
    }

    /// <summary>The number of alert kinds.</summary>
    internal static int AlertKinds { get; } = Enum.GetValues<ReceivablesAlertKind>().Length;

    /// <summary>Sums accounts' receivables.</summary>
    internal static ReceivablesSummary Of(ReceivablesPolicy policy, Currency currency, IEnumerable<AccountReceivables> accounts)
    {
        var buckets = new decimal[policy.Buckets.Count];
        var alerts = new int[AlertKinds];
        int count = 0, withLimit = 0, atRisk = 0;
        long invoices = 0;
        decimal open = 0m, notDue = 0m, overdue = 0m, sales = 0m, limits = 0m;
        foreach (var a in accounts)
        {
            count++;
            invoices += a.OpenInvoices;
            open = Overflow.Add(open, a.OpenBalance.Amount, "portfolio open balance");
            notDue = Overflow.Add(notDue, a.NotDue.Amount, "portfolio not due");
            overdue = Overflow.Add(overdue, a.Overdue.Amount, "portfolio overdue");
            sales = Overflow.Add(sales, a.CreditSales.Amount, "portfolio credit sales");
            for (var b = 0; b < buckets.Length; b++)
            {
                buckets[b] = Overflow.Add(buckets[b], a.Buckets[b].Amount, "portfolio buckets");
            }

            if (a.CreditLimit is { } limit)
            {
                withLimit++;
                limits = Overflow.Add(limits, limit.Amount, "portfolio credit limits");
            }

            atRisk += a.CreditRisk ? 1 : 0;
            var seen = 0;
            foreach (var alert in a.Alerts)
            {
                if ((seen & (1 << (int)alert.Kind)) == 0)
                {
                    seen |= 1 << (int)alert.Kind;
                    alerts[(int)alert.Kind]++;
                }
            }
        }

        return new ReceivablesSummary(policy, currency, count, invoices, open, notDue, overdue, buckets, sales, limits, withLimit, atRisk, alerts);
    }
}
