using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Sample;

/// <summary>
/// Derives the receivables part of the sample from the generated portfolio, deterministically and without drawing from
/// the portfolio's random stream (so every other part of the sample stays as it was): an invoice for each deal booked in
/// the last fifteen months (larger ones in two to six monthly instalments), the payments of accounts that pay on time, a little late or very late (a few
/// leave invoices unpaid), and each account's credit terms, one account's limit below what it owes.
/// </summary>
internal static class SampleReceivables
{
    /// <summary>How the receivables stream's seed differs from the portfolio's.</summary>
    private const int SeedOffset = 7919;

    private static readonly int[] Terms = [30, 30, 30, 45, 60, 60];

    /// <summary>Generates the receivables of a sample.</summary>
    /// <param name="sample">The sample portfolio.</param>
    /// <returns>The invoices, payments and accounts' credit terms, as <c>kam receivables</c> reads them.</returns>
    public static ReceivablesInput Generate(SampleDataSet sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var random = new SampleRandom(sample.Seed + SeedOffset);
        var asOf = sample.AsOf;
        var currency = sample.Currency;
        var days = sample.Accounts.ToDictionary(a => a.Id, _ => random.Pick(Terms));

        // The payer kind of each account: 0 on time, 1 a little late, 2 very late (and some never), 3 on time without naming invoices.
        var kind = sample.Accounts.ToDictionary(a => a.Id, _ => random.PickWeighted([0.62, 0.2, 0.08, 0.1]));
        var invoices = new List<InvoiceRecord>();
        foreach (var deal in sample.Deals.Where(d => d.BookedOn > asOf.PlusDays(-450)))
        {
            // Delivered and invoiced in monthly instalments: one for a small deal, two to six for a larger one.
            var instalments = deal.Amount.Amount < 150_000m ? 1 : random.Next(2, 7);
            var issued = deal.BookedOn.PlusDays(random.Next(0, 8));
            var each = Math.Round(deal.Amount.Amount / instalments / 100m) * 100m;
            for (var k = 0; k < instalments && issued.PlusDays(30 * k) <= asOf; k++)
            {
                var amount = k < instalments - 1 ? each : deal.Amount.Amount - (each * (instalments - 1));
                var on = issued.PlusDays(30 * k);
                // Later instalments state their due date. The invoice names its deal: the won opportunity, or else the
                // repeat order's deal_id (so that kam pay --invoices finds every deal's collections).
                invoices.Add(new InvoiceRecord(string.Empty, deal.Account, on, new Money(amount, currency), k > 0 ? on.PlusDays(days[deal.Account]) : null, deal.Opportunity ?? OpportunityId.Parse(deal.DealId)));
            }
        }

        var numbered = invoices.OrderBy(i => i.IssuedOn).ThenBy(i => i.Account.Value, StringComparer.Ordinal).ThenByDescending(i => i.Amount.Amount)
            .Select((i, n) => i with { Id = "INV-" + (n + 1).ToString("00000", CultureInfo.InvariantCulture) })
            .ToArray();
        var payments = new List<PaymentRecord>();
        foreach (var invoice in numbered)
        {
            var due = invoice.DueOn ?? invoice.IssuedOn.PlusDays(days[invoice.Account]);
            var payer = kind[invoice.Account];
            var late = payer switch
            {
                1 => random.Next(10, 60),
                2 => random.Chance(0.3) ? int.MaxValue : random.Next(45, 150),
                _ => random.Next(-10, 6),
            };
            if (late == int.MaxValue || due.PlusDays(late) > asOf)
            {
                continue; // still open on the day
            }

            var received = Max(due.PlusDays(late), invoice.IssuedOn);
            var named = payer == 3 ? null : new[] { invoice.Id };
            if (payer == 1 && invoice.Amount.Amount >= 200_000m && random.Chance(0.4))
            {
                // Paid in two parts, the second a month later (if by the day).
                var part = Math.Round(invoice.Amount.Amount / 2m / 100m) * 100m;
                payments.Add(new PaymentRecord(string.Empty, invoice.Account, received, new Money(part, currency), named));
                if (received.PlusDays(30) <= asOf)
                {
                    payments.Add(new PaymentRecord(string.Empty, invoice.Account, received.PlusDays(30), new Money(invoice.Amount.Amount - part, currency), named));
                }

                continue;
            }

            payments.Add(new PaymentRecord(string.Empty, invoice.Account, received, invoice.Amount, named));
        }

        var paid = payments.OrderBy(p => p.ReceivedOn).ThenBy(p => p.Account.Value, StringComparer.Ordinal).ThenBy(p => p.Settles?[0], StringComparer.Ordinal).ThenByDescending(p => p.Amount.Amount)
            .Select((p, n) => p with { Id = "PAY-" + (n + 1).ToString("00000", CultureInfo.InvariantCulture) })
            .ToArray();

        // Credit limits: room for about a quarter of the year's revenue and half again what is open; the account owing most
        // among the late payers has a limit below its balance.
        var open = sample.Accounts.ToDictionary(a => a.Id, _ => 0m);
        foreach (var invoice in numbered)
        {
            open[invoice.Account] += invoice.Amount.Amount;
        }

        foreach (var payment in paid)
        {
            open[payment.Account] -= payment.Amount.Amount;
        }

        var over = sample.Accounts.Where(a => kind[a.Id] is 1 or 2).OrderByDescending(a => open[a.Id]).ThenBy(a => a.Id.Value, StringComparer.Ordinal).First().Id;
        var accounts = sample.Accounts.Select(a =>
        {
            var limit = a.Id == over
                ? Math.Floor(open[a.Id] * 0.8m / 100_000m) * 100_000m
                : Math.Ceiling(Math.Max(a.Revenue / 4m, open[a.Id] * 1.5m) / 100_000m) * 100_000m;
            return new CreditAccountRecord(a.Id, a.Name, a.Currency, random.Chance(0.9) || a.Id == over ? limit : null, days[a.Id]);
        }).ToArray();
        return new ReceivablesInput(numbered, paid, accounts, currency);
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
