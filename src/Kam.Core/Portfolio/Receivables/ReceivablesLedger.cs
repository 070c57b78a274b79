using System.Globalization;
using System.Runtime.InteropServices;
using Kam.Core.Compensation;
using NodaTime;

namespace Kam.Core.Portfolio.Receivables;

/// <summary>
/// The validated, grouped working state of one receivables run: accounts in ordinal order, each account's invoices
/// in settling order (due date, issue date, number) and payments in order received (day, reference), as index arrays.
/// </summary>
/// <remarks>Internal to <see cref="ReceivablesAnalyzer"/>; used once. Day numbers are days since 0001-01-01.</remarks>
internal sealed class ReceivablesLedger
{
    private const int MaxErrors = 100;
    private static readonly ReceivablesAlert[] NoAlerts = [];

    private readonly ReceivablesPolicy _policy;
    private readonly Currency _currency;
    private readonly IReadOnlyList<Invoice> _invoices;
    private readonly IReadOnlyList<Payment> _payments;
    private readonly AccountId[] _accounts;
    private readonly CreditTerms?[] _terms;
    private readonly int[] _invStart;
    private readonly int[] _invOrder;
    private readonly int[] _invIssued;
    private readonly int[] _invDue;
    private readonly decimal[] _invAmount;
    private readonly int[] _payStart;
    private readonly int[] _payOrder;
    private readonly int[] _payDay;
    private readonly decimal[] _payAmount;
    private readonly int[] _targetStart;
    private readonly int[] _targets;
    private readonly Comparison<int> _settlingOrder;
    private readonly int[] _limits;

    private ReceivablesLedger(ReceivablesPolicy policy, Currency currency, IReadOnlyList<Invoice> invoices, IReadOnlyList<Payment> payments, AccountId[] accounts, CreditTerms?[] terms, int[] invAccount, int[] invIssued, int[] invDue, decimal[] invAmount, int[] payAccount, int[] payDay, decimal[] payAmount, int[] targetStart, int[] targets)
    {
        _policy = policy;
        _limits = [.. policy.BucketLimits];
        _currency = currency;
        _invoices = invoices;
        _payments = payments;
        _accounts = accounts;
        _terms = terms;
        _invIssued = invIssued;
        _invDue = invDue;
        _invAmount = invAmount;
        _payDay = payDay;
        _payAmount = payAmount;
        _targetStart = targetStart;
        _targets = targets;
        _settlingOrder = (x, y) =>
        {
            var c = invDue[x].CompareTo(invDue[y]);
            if (c == 0)
            {
                c = invIssued[x].CompareTo(invIssued[y]);
            }

            return c != 0 ? c : string.CompareOrdinal(invoices[x].Id, invoices[y].Id);
        };
        (_invStart, _invOrder) = Group(accounts.Length, invAccount, _settlingOrder);
        (_payStart, _payOrder) = Group(accounts.Length, payAccount, (x, y) =>
        {
            var c = payDay[x].CompareTo(payDay[y]);
            return c != 0 ? c : string.CompareOrdinal(payments[x].Id, payments[y].Id);
        });
    }

    /// <summary>Checks every input and groups it; throws every problem found (up to 100).</summary>
    public static ReceivablesLedger Build(ReceivablesPolicy policy, Currency currency, IReadOnlyList<Invoice> invoices, IReadOnlyList<Payment> payments, IReadOnlyList<CreditTerms>? creditTerms)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(payments);
        var errors = new ValidationCollector();
        var accountIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var accountList = new List<AccountId>();
        var termsList = new List<CreditTerms?>();
        int AccountOf(AccountId id)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(accountIndex, id.Value, out var exists);
            if (!exists)
            {
                slot = accountList.Count;
                accountList.Add(id);
                termsList.Add(null);
            }

            return slot;
        }

        for (var t = 0; creditTerms is not null && t < creditTerms.Count; t++)
        {
            if (creditTerms[t] is not { } given)
            {
                errors.Add($"creditTerms[{t}]", KamErrorCodes.Required, null, "Credit terms are required.");
                continue;
            }

            if (given.Limit is { } limit && limit.Currency != currency)
            {
                errors.Add($"creditTerms[{t}].limit", KamErrorCodes.CurrencyMismatch, limit, $"Receivables are in {currency.Code}; a credit limit cannot be in {limit.Currency.Code}.");
            }

            var a = AccountOf(given.Account);
            if (termsList[a] is not null)
            {
                errors.Add($"creditTerms[{t}].account", KamErrorCodes.Duplicate, given.Account, "An account has one set of credit terms.");
            }
            else
            {
                termsList[a] = given;
            }
        }

        var n = invoices.Count;
        var invAccount = new int[n];
        var invIssued = new int[n];
        var invDue = new int[n];
        var invAmount = new decimal[n];
        var ids = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var invoiceSpan = Span(invoices);
        var lastAccount = default(AccountId);
        var lastIndex = -1;
        for (var i = 0; i < n && errors.Errors.Count < MaxErrors; i++)
        {
            ref readonly var invoice = ref invoiceSpan[i];
            if (string.IsNullOrWhiteSpace(invoice.Id))
            {
                errors.Add($"invoices[{i}].id", KamErrorCodes.Required, invoice.Id, "An invoice needs a number.");
            }
            else if (!ids.TryAdd(invoice.Id, i))
            {
                errors.Add($"invoices[{i}].id", KamErrorCodes.Duplicate, invoice.Id, $"Invoice numbers are unique; this one is also invoices[{ids[invoice.Id]}].");
            }

            if (invoice.Account == default)
            {
                errors.Add($"invoices[{i}].account", KamErrorCodes.Required, null, "An invoice is billed to an account.");
                continue;
            }

            // Invoices usually come grouped by account: reuse the last lookup when the account repeats.
            var a = invAccount[i] = i > 0 && lastAccount == invoice.Account ? lastIndex : AccountOf(invoice.Account);
            (lastAccount, lastIndex) = (invoice.Account, a);
            if (invoice.Amount.Currency != currency)
            {
                errors.Add($"invoices[{i}].amount", KamErrorCodes.CurrencyMismatch, invoice.Amount, $"Account {invoice.Account} is billed in {currency.Code}; an invoice cannot be in {invoice.Amount.Currency.Code}.");
            }
            else if (invoice.Amount.IsNegative)
            {
                errors.Add($"invoices[{i}].amount", KamErrorCodes.OutOfRange, invoice.Amount, "An invoice's amount must not be negative.");
            }

            invAmount[i] = invoice.Amount.Amount;
            invIssued[i] = Day(invoice.IssuedOn);
            if (invoice.DueOn is { } due)
            {
                if (due < invoice.IssuedOn)
                {
                    errors.Add($"invoices[{i}].dueOn", KamErrorCodes.OutOfOrder, due, $"An invoice cannot fall due before it is issued ({Iso(invoice.IssuedOn)}).");
                }

                invDue[i] = Day(due);
            }
            else
            {
                invDue[i] = invIssued[i] + (termsList[a]?.PaymentDays ?? policy.DefaultPaymentDays);
            }
        }

        var m = payments.Count;
        var payAccount = new int[m];
        var payDay = new int[m];
        var payAmount = new decimal[m];
        var targetStart = new int[m + 1];
        var targets = new List<int>();
        var references = new HashSet<string>(m, StringComparer.Ordinal);
        var paymentSpan = Span(payments);
        lastAccount = default;
        for (var j = 0; j < m && errors.Errors.Count < MaxErrors; j++)
        {
            ref readonly var payment = ref paymentSpan[j];
            targetStart[j] = targets.Count;
            if (string.IsNullOrWhiteSpace(payment.Id))
            {
                errors.Add($"payments[{j}].id", KamErrorCodes.Required, payment.Id, "A payment needs a reference.");
            }
            else if (!references.Add(payment.Id))
            {
                errors.Add($"payments[{j}].id", KamErrorCodes.Duplicate, payment.Id, "Payment references are unique.");
            }

            if (payment.Account == default)
            {
                errors.Add($"payments[{j}].account", KamErrorCodes.Required, null, "A payment comes from an account.");
                continue;
            }

            var a = payAccount[j] = j > 0 && lastAccount == payment.Account ? lastIndex : AccountOf(payment.Account);
            (lastAccount, lastIndex) = (payment.Account, a);
            if (payment.Amount.Currency != currency)
            {
                errors.Add($"payments[{j}].amount", KamErrorCodes.CurrencyMismatch, payment.Amount, $"Account {payment.Account} is billed in {currency.Code}; a payment cannot be in {payment.Amount.Currency.Code}.");
            }
            else if (payment.Amount.Amount <= 0m)
            {
                errors.Add($"payments[{j}].amount", KamErrorCodes.OutOfRange, payment.Amount, "A payment's amount must be positive.");
            }

            payAmount[j] = payment.Amount.Amount;
            payDay[j] = Day(payment.ReceivedOn);
            var settles = payment.Settles;
            for (var k = 0; settles is not null && k < settles.Count; k++)
            {
                var name = settles[k];
                if (string.IsNullOrWhiteSpace(name))
                {
                    errors.Add(At(j, k), KamErrorCodes.Required, name, "An invoice number is required.");
                }
                else if (!ids.TryGetValue(name, out var i))
                {
                    errors.Add(At(j, k), KamErrorCodes.Unknown, name, "No invoice has this number.");
                }
                else if (invAccount[i] != a || invoiceSpan[i].Account != payment.Account)
                {
                    errors.Add(At(j, k), KamErrorCodes.Unknown, name, $"Invoice {name} is billed to account {invoiceSpan[i].Account}, not to {payment.Account}.");
                }
                else if (targets.Count > targetStart[j] && targets.IndexOf(i, targetStart[j]) >= 0)
                {
                    errors.Add(At(j, k), KamErrorCodes.Duplicate, name, "The payment names this invoice twice.");
                }
                else
                {
                    targets.Add(i);
                }
            }
        }

        targetStart[m] = targets.Count;
        errors.ThrowIfAny();

        // Accounts in ordinal order of identifier, so that the result does not depend on the order of the inputs.
        var count = accountList.Count;
        var order = new int[count];
        for (var r = 0; r < count; r++)
        {
            order[r] = r;
        }

        Array.Sort(order, (x, y) => string.CompareOrdinal(accountList[x].Value, accountList[y].Value));
        var rank = new int[count];
        var accounts = new AccountId[count];
        var terms = new CreditTerms?[count];
        for (var r = 0; r < count; r++)
        {
            rank[order[r]] = r;
            accounts[r] = accountList[order[r]];
            terms[r] = termsList[order[r]];
        }

        for (var i = 0; i < n; i++)
        {
            invAccount[i] = rank[invAccount[i]];
        }

        for (var j = 0; j < m; j++)
        {
            payAccount[j] = rank[payAccount[j]];
        }

        return new ReceivablesLedger(policy, currency, invoices, payments, accounts, terms, invAccount, invIssued, invDue, invAmount, payAccount, payDay, payAmount, targetStart, [.. targets]);
    }

    /// <summary>
    /// Applies every payment to the invoices it settles; checks that none is larger than they are. With a date, returns
    /// every account's receivables as of that date (payments after it are applied afterwards, to check them); with a
    /// list, adds the collections of invoices linked to a deal.
    /// </summary>
    public AccountReceivables[]? Allocate(LocalDate? asOf, List<CashReceipt>? receipts)
    {
        var errors = new ValidationCollector();
        var open = (decimal[])_invAmount.Clone();
        var asOfDay = asOf is { } date ? Day(date) : int.MaxValue;
        var result = asOf is null ? null : new AccountReceivables[_accounts.Length];
        for (var a = 0; a < _accounts.Length && errors.Errors.Count < MaxErrors; a++)
        {
            var first = _invStart[a];
            var end = _invStart[a + 1];
            var snapped = false;
            for (var q = _payStart[a]; q < _payStart[a + 1]; q++)
            {
                var j = _payOrder[q];
                var day = _payDay[j];
                if (result is not null && !snapped && day > asOfDay)
                {
                    result[a] = Snapshot(a, open, asOf!.Value, asOfDay);
                    snapped = true;
                }

                var remaining = _payAmount[j];
                var named = _targetStart[j] < _targetStart[j + 1];
                if (named)
                {
                    var chosen = _targets.AsSpan(_targetStart[j], _targetStart[j + 1] - _targetStart[j]);
                    if (chosen.Length > 1)
                    {
                        chosen.Sort(_settlingOrder);
                    }

                    foreach (var i in chosen)
                    {
                        if (_invIssued[i] > day)
                        {
                            errors.Add($"payments[{j}].receivedOn", KamErrorCodes.OutOfOrder, _payments[j].ReceivedOn, $"The payment is dated before invoice {_invoices[i].Id} was issued ({Iso(_invoices[i].IssuedOn)}).");
                            continue;
                        }

                        remaining = Settle(i, j, remaining, open, receipts);
                    }
                }
                else
                {
                    while (first < end && open[_invOrder[first]] == 0m)
                    {
                        first++;
                    }

                    for (var k = first; k < end && remaining > 0m; k++)
                    {
                        var i = _invOrder[k];
                        if (open[i] != 0m && _invIssued[i] <= day)
                        {
                            remaining = Settle(i, j, remaining, open, receipts);
                        }
                    }
                }

                if (remaining > 0m)
                {
                    var settled = named
                        ? "the invoices it names (" + string.Join(", ", _payments[j].Settles!) + ")"
                        : $"every open invoice of account {_accounts[a]} issued by {Iso(_payments[j].ReceivedOn)}";
                    errors.Add($"payments[{j}].amount", KamErrorCodes.OutOfRange, _payments[j].Amount, string.Create(CultureInfo.InvariantCulture, $"The payment is larger than the invoices it settles: {remaining} {_currency.Code} is left after settling {settled}."));
                }
            }

            if (result is not null && !snapped)
            {
                result[a] = Snapshot(a, open, asOf!.Value, asOfDay);
            }
        }

        errors.ThrowIfAny();
        return result;
    }

    private decimal Settle(int i, int j, decimal remaining, decimal[] open, List<CashReceipt>? receipts)
    {
        var take = Math.Min(open[i], remaining);
        if (take <= 0m)
        {
            return remaining;
        }

        open[i] -= take;
        if (receipts is not null && _invoices[i].Deal is { } deal)
        {
            receipts.Add(new CashReceipt(deal, _payments[j].ReceivedOn, new Money(take, _currency)));
        }

        return remaining - take;
    }

    private AccountReceivables Snapshot(int a, decimal[] open, LocalDate asOf, int asOfDay)
    {
        var policy = _policy;
        var limits = _limits;
        var last = limits.Length;
        var buckets = new decimal[last + 1];
        decimal total = 0m, notDue = 0m, overdue = 0m, sales = 0m;
        int count = 0, oldest = 0;
        var windowStart = asOfDay - policy.DsoWindowDays;
        var id = _accounts[a];
        var salesStep = false;
        try
        {
            for (var k = _invStart[a]; k < _invStart[a + 1]; k++)
            {
                var i = _invOrder[k];
                if (_invIssued[i] > asOfDay)
                {
                    continue;
                }

                if (_invIssued[i] > windowStart)
                {
                    salesStep = true;
                    sales += _invAmount[i];
                    salesStep = false;
                }

                var o = open[i];
                if (o == 0m)
                {
                    continue;
                }

                count++;
                total += o;
                var late = asOfDay - _invDue[i];
                if (late <= 0)
                {
                    notDue += o;
                }
                else
                {
                    overdue += o;
                    oldest = Math.Max(oldest, late);
                }

                var b = 0;
                while (b < last && late > limits[b])
                {
                    b++;
                }

                buckets[b] += o;
            }
        }
        catch (OverflowException)
        {
            throw Overflow.Error(salesStep ? $"accounts['{id}'].creditSales" : $"accounts['{id}'].openBalance");
        }

        decimal? dso = null;
        if (sales > 0m)
        {
            try
            {
                dso = total / sales * policy.DsoWindowDays;
            }
            catch (OverflowException)
            {
                throw Overflow.Error($"accounts['{id}'].dso", total);
            }
        }

        var limit = _terms[a]?.Limit;
        List<ReceivablesAlert>? alerts = null;
        var risk = false;
        if (limit is { } l && total > l.Amount)
        {
            Alert(ReceivablesAlertKind.LimitExceeded, total, l.Amount, string.Create(CultureInfo.InvariantCulture, $"The open balance {Amount(total)} exceeds the credit limit {Amount(l.Amount)}."));
        }

        if (buckets[last] > 0m)
        {
            Alert(ReceivablesAlertKind.SeverelyOverdue, buckets[last], limits[last - 1], string.Create(CultureInfo.InvariantCulture, $"{Amount(buckets[last])} is more than {limits[last - 1]} days past due (the oldest {oldest} days, as of {Iso(asOf)})."));
        }

        // Only with something past due: the simple DSO of an account whose invoices are all within terms is high when
        // its sales were few or lumpy (one invoice not yet due gives the whole window), which is not slow payment.
        if (dso is { } days && days > policy.MaxDsoDays && overdue > 0m)
        {
            // One decimal, or as many as it takes to show the figure above the maximum (60.04, not "60, above 60").
            var shown = Math.Round(days, 1) > policy.MaxDsoDays ? days.ToString("0.#", CultureInfo.InvariantCulture) : days.ToString("0.######", CultureInfo.InvariantCulture);
            Alert(ReceivablesAlertKind.HighDso, days, policy.MaxDsoDays, string.Create(CultureInfo.InvariantCulture, $"Days sales outstanding are {shown}, above {policy.MaxDsoDays}."));
        }

        return new AccountReceivables(
            id,
            new Money(total, _currency),
            new Money(notDue, _currency),
            new Money(overdue, _currency),
            Array.ConvertAll(buckets, b => new Money(b, _currency)),
            count,
            oldest,
            new Money(sales, _currency),
            dso,
            limit,
            alerts is null ? NoAlerts : alerts.AsReadOnly(),
            risk);

        void Alert(ReceivablesAlertKind kind, decimal value, decimal threshold, string message)
        {
            (alerts ??= []).Add(new ReceivablesAlert(kind, id, value, threshold, message));
            risk |= (policy.RiskMask & (1 << (int)kind)) != 0;
        }
    }

    private string Amount(decimal amount) => new Money(amount, _currency).ToString(null, CultureInfo.InvariantCulture);

    private static (int[] Start, int[] Order) Group(int accounts, int[] accountOf, Comparison<int> order)
    {
        var start = new int[accounts + 1];
        foreach (var a in accountOf)
        {
            start[a + 1]++;
        }

        for (var a = 0; a < accounts; a++)
        {
            start[a + 1] += start[a];
        }

        var fill = start.AsSpan(0, accounts).ToArray();
        var items = new int[accountOf.Length];
        for (var i = 0; i < accountOf.Length; i++)
        {
            items[fill[accountOf[i]]++] = i;
        }

        for (var a = 0; a < accounts; a++)
        {
            var segment = items.AsSpan(start[a], start[a + 1] - start[a]);
            var sorted = true;
            for (var k = 1; k < segment.Length && sorted; k++)
            {
                sorted = order(segment[k - 1], segment[k]) <= 0;
            }

            if (!sorted)
            {
                segment.Sort(order);
            }
        }

        return (start, items);
    }

    private static string At(int payment, int settle) => string.Create(CultureInfo.InvariantCulture, $"payments[{payment}].settles[{settle}]");

    private static int Day(LocalDate date) => date.ToDateOnly().DayNumber;

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static ReadOnlySpan<T> Span<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        List<T> items => CollectionsMarshal.AsSpan(items),
        _ => list.ToArray(),
    };
}
