using BenchmarkDotNet.Attributes;
using Kam.Core.Compensation;
using Kam.Core.Portfolio.Receivables;
using NodaTime;

namespace Kam.Core.Benchmarks.Portfolio;

/// <summary>
/// The receivables part of the issue-13 portfolio dashboard (the whole dashboard, 100,000 accounts, in under 2 seconds
/// on one core): 5,000,000 invoices over 100,000 accounts (50 each, over two years) with 4,000,000 payments (four in
/// five invoices paid; in half the accounts each payment names its invoice, in the other half it settles the oldest) and credit terms for every account. The data
/// is built once, in the setup; the measured calls validate it, allocate every payment and age every account as of
/// the end of the two years (with the roll-up), or derive the collections of the pay calculator.
/// </summary>
[MemoryDiagnoser]
public class ReceivablesBenchmarks
{
    private const int Accounts = 100_000;
    private const int InvoicesPerAccount = 50;
    private static readonly LocalDate Start = new(2025, 1, 1);
    private static readonly LocalDate AsOf = new(2026, 12, 31);
    private readonly ReceivablesAnalyzer _analyzer = new(ReceivablesPolicy.Default, Currency.CNY);
    private Invoice[] _invoices = null!;
    private Payment[] _payments = null!;
    private CreditTerms[] _terms = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var invoices = new Invoice[Accounts * InvoicesPerAccount];
        var payments = new List<Payment>(invoices.Length);
        _terms = new CreditTerms[Accounts];
        var k = 0;
        for (var a = 0; a < Accounts; a++)
        {
            var account = AccountId.Parse($"acct-{a:000000}");
            _terms[a] = new CreditTerms(account, new Money(random.Next(50, 500) * 1_000m, Currency.CNY), 30 + (30 * random.Next(3)));
            for (var i = 0; i < InvoicesPerAccount; i++)
            {
                var issued = Start.PlusDays((i * 14) + random.Next(14));
                var amount = new Money(random.Next(1_000, 20_000), Currency.CNY);
                var id = $"INV-{k:0000000}";
                invoices[k++] = new Invoice(id, account, issued, amount, deal: OpportunityId.Parse($"OPP-{a:000000}-{i / 10}"));
                if (random.Next(5) > 0)
                {
                    var paidOn = issued.PlusDays(20 + random.Next(60));
                    payments.Add(a % 2 == 0
                        ? new Payment($"PAY-{payments.Count:0000000}", account, paidOn, amount, [id])
                        : new Payment($"PAY-{payments.Count:0000000}", account, paidOn, new Money(amount.Amount / 2m, Currency.CNY)));
                }
            }
        }

        _invoices = invoices;
        _payments = [.. payments];
    }

    /// <summary>Every account's receivables as of the end of the two years, with the portfolio roll-up.</summary>
    [Benchmark]
    public ReceivablesReport Analyze() => _analyzer.Analyze(_invoices, _payments, _terms, AsOf);

    /// <summary>The collections of the pay calculator's cash basis, from the same data.</summary>
    [Benchmark]
    public IReadOnlyList<CashReceipt> Collections() => _analyzer.Collections(_invoices, _payments, _terms);
}
