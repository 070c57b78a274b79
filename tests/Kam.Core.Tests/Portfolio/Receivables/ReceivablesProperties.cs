using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Kam.Core.Portfolio.Receivables;
using NodaTime;

namespace Kam.Core.Tests.Portfolio.Receivables;

/// <summary>
/// The laws of the receivables analysis over random ledgers built from a seed: the order of the inputs changes
/// nothing; money is conserved (the buckets, and not due + overdue, sum to the open balance, which is what was invoiced
/// less what was paid, never negative; the collections are every payment); summaries of partitions merge to the
/// summary of the whole, and merging is associative and commutative with the empty summary as identity.
/// </summary>
public sealed class ReceivablesProperties
{
    private static readonly AccountId[] Accounts = new[] { "A", "B", "C", "D", "E" }.Select(AccountId.Parse).ToArray();
    private static readonly LocalDate Start = new(2026, 1, 1);
    private static readonly ReceivablesAnalyzer Analyzer = new(new ReceivablesPolicy([20, 45, 90], dsoWindowDays: 60, maxDsoDays: 40), Currency.CNY);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    /// <summary>A valid random ledger: each account's payments either name one invoice each or settle the oldest, never more than is open.</summary>
    internal static (List<Invoice> Invoices, List<Payment> Payments, List<CreditTerms> Terms, LocalDate AsOf) RandomCase(Random random)
    {
        var invoices = new List<Invoice>();
        var payments = new List<Payment>();
        var terms = new List<CreditTerms>();
        var n = 0;
        foreach (var account in Accounts.Take(random.Next(1, Accounts.Length + 1)))
        {
            if (random.Next(3) > 0)
            {
                terms.Add(new CreditTerms(account, random.Next(4) == 0 ? null : Cny(random.Next(0, 20) * 1_000m), random.Next(3) == 0 ? null : random.Next(0, 90)));
            }

            var mine = Enumerable.Range(0, random.Next(0, 8))
                .Select(_ => new Invoice($"{account}-{n++}", account, Start.PlusDays(random.Next(300)), Cny(random.Next(0, 5_000) + (random.Next(100) / 100m)), random.Next(3) == 0 ? Start.PlusDays(300 + random.Next(60)) : null, OpportunityId.Parse($"D{random.Next(5)}")))
                .ToList();
            invoices.AddRange(mine);
            var named = random.Next(2) == 0;
            var remaining = mine.ToDictionary(i => i.Id, i => i.Amount.Amount, StringComparer.Ordinal);
            var paid = 0m;
            var day = 0;
            for (var p = random.Next(0, 8); p > 0; p--)
            {
                day += random.Next(0, 60);
                var date = Start.PlusDays(day);
                if (named)
                {
                    var open = mine.Where(i => i.IssuedOn <= date && remaining[i.Id] > 0m).ToArray();
                    if (open.Length == 0)
                    {
                        continue;
                    }

                    var target = open[random.Next(open.Length)];
                    var amount = Math.Max(0.01m, Math.Round(remaining[target.Id] * random.Next(1, 101) / 100m, 2));
                    remaining[target.Id] -= amount;
                    payments.Add(new Payment($"P{payments.Count}", account, date, Cny(amount), [target.Id]));
                }
                else
                {
                    var available = mine.Where(i => i.IssuedOn <= date).Sum(i => i.Amount.Amount) - paid;
                    if (available <= 0m)
                    {
                        continue;
                    }

                    var amount = Math.Max(0.01m, Math.Round(available * random.Next(1, 101) / 100m, 2, MidpointRounding.ToZero));
                    paid += amount;
                    payments.Add(new Payment($"P{payments.Count}", account, date, Cny(amount)));
                }
            }
        }

        return (invoices, payments, terms, Start.PlusDays(random.Next(400)));
    }

    internal static string Describe(ReceivablesSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.Accounts} {s.OpenInvoices} {s.OpenBalance} {s.NotDue} {s.Overdue} [{string.Join(",", s.Buckets)}] {s.CreditSales} {s.Dso} {s.CreditLimits} {s.AccountsWithLimit} {s.AccountsAtRisk} {string.Join(",", Enum.GetValues<ReceivablesAlertKind>().Select(s.AccountsAlerted))}");

    private static string Describe(ReceivablesReport report) => Describe(report.Summary) + "\n" + string.Join(
        "\n",
        report.Accounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Account} {a.OpenBalance} {a.NotDue} {a.Overdue} [{string.Join(",", a.Buckets)}] {a.OpenInvoices} {a.OldestDaysPastDue} {a.CreditSales} {a.Dso} {a.CreditLimit} {a.CreditRisk} {string.Join("|", a.Alerts.Select(x => x.Message))}")));

    private static List<T> Shuffled<T>(List<T> items, Random random) => [.. items.OrderBy(_ => random.Next())];

    [Property(MaxTest = 200)]
    public bool The_order_of_the_inputs_changes_nothing(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (invoices, payments, terms, asOf) = RandomCase(random);
        var before = Analyzer.Analyze(invoices, payments, terms, asOf);
        var after = Analyzer.Analyze(Shuffled(invoices, random), Shuffled(payments, random), Shuffled(terms, random), asOf);
        var receipts = Analyzer.Collections(invoices, payments, terms);
        var shuffledReceipts = Analyzer.Collections(Shuffled(invoices, random), Shuffled(payments, random), Shuffled(terms, random));
        return Describe(before) == Describe(after)
            && receipts.Select(r => (r.Deal, r.ReceivedOn, r.Amount)).SequenceEqual(shuffledReceipts.Select(r => (r.Deal, r.ReceivedOn, r.Amount)));
    }

    [Property(MaxTest = 300)]
    public bool Money_is_conserved(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (invoices, payments, terms, asOf) = RandomCase(random);
        var report = Analyzer.Analyze(invoices, payments, terms, asOf);
        var receipts = Analyzer.Collections(invoices, payments, terms);
        var accountsOk = report.Accounts.All(a =>
        {
            var invoiced = invoices.Where(i => i.Account == a.Account && i.IssuedOn <= asOf).Sum(i => i.Amount.Amount);
            var paid = payments.Where(p => p.Account == a.Account && p.ReceivedOn <= asOf).Sum(p => p.Amount.Amount);
            return a.Buckets.Sum(b => b.Amount) == a.OpenBalance.Amount
                && a.NotDue.Amount + a.Overdue.Amount == a.OpenBalance.Amount
                && a.OpenBalance.Amount == invoiced - paid
                && a.Buckets.All(b => b.Amount >= 0m) && !a.NotDue.IsNegative && !a.Overdue.IsNegative
                && (a.Overdue.IsZero == (a.OldestDaysPastDue == 0));
        });
        var s = report.Summary;
        return accountsOk
            && s.Buckets.Sum(b => b.Amount) == s.OpenBalance.Amount
            && s.OpenBalance.Amount == report.Accounts.Sum(a => a.OpenBalance.Amount)
            && receipts.Sum(r => r.Amount.Amount) == payments.Sum(p => p.Amount.Amount)
            && receipts.All(r => r.Amount.Amount > 0m);
    }

    [Property(MaxTest = 200)]
    public bool Summaries_of_partitions_merge_to_the_whole(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (invoices, payments, terms, asOf) = RandomCase(random);
        var whole = Analyzer.Analyze(invoices, payments, terms, asOf).Summary;
        var part = Accounts.ToDictionary(a => a, _ => random.Next(3));
        var summaries = Enumerable.Range(0, 3)
            .Select(k => Analyzer.Analyze(
                invoices.Where(i => part[i.Account] == k).ToList(),
                payments.Where(p => part[p.Account] == k).ToList(),
                terms.Where(t => part[t.Account] == k).ToList(),
                asOf).Summary)
            .ToArray();
        var (a, b, c) = (summaries[0], summaries[1], summaries[2]);
        var empty = ReceivablesSummary.Empty(Analyzer.Policy, Currency.CNY);
        return Describe(a.Merge(b).Merge(c)) == Describe(whole)
            && Describe(a.Merge(b.Merge(c))) == Describe(a.Merge(b).Merge(c))
            && Describe(a.Merge(b)) == Describe(b.Merge(a))
            && Describe(a.Merge(empty)) == Describe(a)
            && Describe(empty.Merge(a)) == Describe(a);
    }
}
