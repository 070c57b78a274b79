using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Compensation;

namespace Kam.Cli.Features.Pay;

/// <summary>
/// <c>kam pay</c>'s collections taken from the receivables (<c>--invoices</c>, <c>--payments</c>) instead of
/// collections.csv: each part of a payment that settles an invoice billed on a deal is cash collected on that deal, on
/// the day the payment was received, as the receivables analysis allocates payments to invoices. An invoice names its
/// deal in its opportunity_id cell: the deals.csv row with that opportunity_id, or else with that deal_id. Payments on
/// invoices that bill no deal are not a deal's collections.
/// </summary>
internal static class PayReceivables
{
    /// <summary>Derives the collections.</summary>
    /// <param name="feed">The receivables.</param>
    /// <param name="deals">The deals of deals.csv.</param>
    /// <param name="checks">Whether collections beyond a deal's amount are kept (then listed there) instead of refused.</param>
    /// <param name="engines">The composition root's engine factory.</param>
    /// <returns>The collections, by day received, then deal.</returns>
    /// <exception cref="KamValidationException">
    /// An invoice bills a deal that is not in deals.csv, in another currency, or issued before the deal was booked (each
    /// at its cell of invoices.csv); the receivables are refused (at their cells); or the cash on a deal exceeds its
    /// amount without <see cref="PayChecks.AllowOvercollection"/> (at the deal's amount cell).
    /// </exception>
    public static IReadOnlyList<CollectionRecord> Collections(ReceivablesFeed feed, IReadOnlyList<DealRecord> deals, PayChecks checks, EngineFactory engines)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(engines);
        var byId = new Dictionary<string, DealRecord>(deals.Count, StringComparer.Ordinal);
        var byOpportunity = new Dictionary<string, DealRecord>(StringComparer.Ordinal);
        foreach (var deal in deals)
        {
            byId.TryAdd(deal.DealId, deal);
            if (deal.Opportunity is { } opportunity)
            {
                byOpportunity.TryAdd(opportunity.Value, deal);
            }
        }

        DealRecord? Billed(OpportunityId id) => byOpportunity.GetValueOrDefault(id.Value) ?? byId.GetValueOrDefault(id.Value);

        CheckInvoices(feed.Input, Billed);
        IReadOnlyList<CashReceipt> receipts;
        try
        {
            var (invoices, payments, terms) = ReceivablesAnalysis.ToLibrary(feed.Input);
            receipts = engines.Receivables(feed.Policy, feed.Input.Currency).Collections(invoices, payments, terms);
        }
        catch (KamValidationException ex)
        {
            throw ReceivablesAnalysis.Locate(ex, feed.Input);
        }

        var collected = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var records = new List<CollectionRecord>(receipts.Count);
        foreach (var receipt in receipts)
        {
            var deal = Billed(receipt.Deal)!; // every billed deal was found above
            collected[deal.DealId] = collected.GetValueOrDefault(deal.DealId) + receipt.Amount.Amount; // ≤ the payments' bounded total
            records.Add(new CollectionRecord(deal.DealId, receipt.ReceivedOn, receipt.Amount));
        }

        CheckOvercollection(deals, collected, checks);
        return [.. records.OrderBy(c => c.CollectedOn).ThenBy(c => c.DealId, StringComparer.Ordinal)];
    }

    /// <summary>Refuses an invoice whose payments could not be its deal's collections.</summary>
    private static void CheckInvoices(ReceivablesInput input, Func<OpportunityId, DealRecord?> billed)
    {
        var errors = new List<KamValidationError>();
        foreach (var invoice in input.Invoices)
        {
            if (invoice.Deal is not { } id)
            {
                continue;
            }

            var row = invoice.Source.Row;
            string Cell(CsvColumn column) => row?.Location(column.Name) ?? $"invoice '{invoice.Id}'";
            if (billed(id) is not { } deal)
            {
                errors.Add(new KamValidationError(Cell(ReceivablesCsv.OpportunityId), KamErrorCodes.Unknown, id.Value,
                    $"invoice '{invoice.Id}' bills deal '{id}', which is not in the deals file (by opportunity_id or deal_id): the payments on it would be that deal's collections."));
            }
            else if (deal.Amount.Currency != invoice.Amount.Currency)
            {
                errors.Add(new KamValidationError(Cell(ReceivablesCsv.Currency), KamErrorCodes.CurrencyMismatch, invoice.Amount.Currency.Code,
                    $"invoice '{invoice.Id}' bills deal '{deal.DealId}', which is in {deal.Amount.Currency.Code}."));
            }
            else if (invoice.IssuedOn < deal.BookedOn)
            {
                errors.Add(new KamValidationError(Cell(ReceivablesCsv.Issued), KamErrorCodes.OutOfOrder, Day(invoice.IssuedOn),
                    $"invoice '{invoice.Id}' is issued before deal '{deal.DealId}' was booked ({Day(deal.BookedOn)}): cash cannot be collected on a deal before it is booked."));
            }

            if (errors.Count >= CsvFile.MaxErrors)
            {
                break;
            }
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }
    }

    /// <summary>Refuses (or, under <c>--allow-overcollection</c>, lists) the deals collected beyond their amount.</summary>
    private static void CheckOvercollection(IReadOnlyList<DealRecord> deals, Dictionary<string, decimal> collected, PayChecks checks)
    {
        checks.Overcollections.Clear();
        var errors = new List<KamValidationError>();
        foreach (var deal in deals)
        {
            if (!collected.TryGetValue(deal.DealId, out var cash) || cash <= deal.Amount.Amount)
            {
                continue;
            }

            var cell = deal.Source.Row?.Location(PayCsv.Amount.Name) ?? $"deal '{deal.DealId}'";
            if (checks.AllowOvercollection)
            {
                checks.Overcollections.Add(new Overcollection(deal.DealId, deal.Amount, new Money(cash, deal.Amount.Currency), cell));
            }
            else if (errors.Count < CsvFile.MaxErrors)
            {
                errors.Add(new KamValidationError(cell, KamErrorCodes.OutOfRange, Amount(deal.Amount.Amount),
                    $"the payments on the invoices billing deal '{deal.DealId}' come to {Amount(cash)} {deal.Amount.Currency.Code}, more than the deal's amount: commission on collections would be paid on cash beyond the contract. Correct the invoices or payments, or pass --allow-overcollection to compute pay on them with a warning."));
            }
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }
    }

    private static string Day(NodaTime.LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
