using NodaTime;

namespace Kam.Core.Compensation;

/// <summary>
/// The commission basis of every payee and fiscal month of a year, built in one pass over deals and collections,
/// with the clawbacks of deals canceled within the window.
/// </summary>
/// <remarks>Internal working state of <see cref="PayCalculator"/>; arrays indexed payee × 12 + month keep the hot loops free of lookups.</remarks>
internal sealed class CreditLedger
{
    private const int MaxErrors = 100;

    private CreditLedger(decimal[] basis, List<Clawback> clawbacks)
    {
        Basis = basis;
        Clawbacks = clawbacks;
    }

    /// <summary>Gets the credited basis by payee × 12 + fiscal month.</summary>
    public decimal[] Basis { get; }

    /// <summary>Gets the clawbacks, in deal order.</summary>
    public List<Clawback> Clawbacks { get; }

    /// <summary>Builds the ledger, validating the inputs.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="firstMonth">The fiscal year's first month as year × 12 + month − 1.</param>
    /// <param name="payeeIndex">Payee positions by person.</param>
    /// <param name="deals">The deals.</param>
    /// <param name="collections">The collections.</param>
    /// <returns>The ledger.</returns>
    public static CreditLedger Build(PayPlan plan, int firstMonth, Dictionary<PersonId, int> payeeIndex, IReadOnlyList<Deal> deals, IReadOnlyList<CashReceipt> collections)
    {
        var errors = new ValidationCollector();
        var commission = plan.Commission;
        var basis = new decimal[payeeIndex.Count * 12];
        var clawbacks = new List<Clawback>();
        if (commission is null)
        {
            // No commission reads the deals, but currencies still never mix.
            for (var d = 0; d < deals.Count && errors.Errors.Count < MaxErrors; d++)
            {
                if (deals[d] is not { } deal)
                {
                    errors.Add($"deals[{d}]", KamErrorCodes.Required, null, "A deal is required.");
                }
                else if (deal.Amount.Currency != plan.Currency || deal.GrossProfit.Currency != plan.Currency)
                {
                    errors.Add($"deals[{d}].amount", KamErrorCodes.CurrencyMismatch, deal.Amount, $"The plan pays in {plan.Currency.Code}; currencies never mix.");
                }
            }

            errors.ThrowIfAny();
            return new CreditLedger(basis, clawbacks);
        }

        // Keyed by the identifiers' text: string keys get the runtime's fast non-randomized hashing.
        var payeeByName = new Dictionary<string, int>(payeeIndex.Count, StringComparer.Ordinal);
        foreach (var (person, position) in payeeIndex)
        {
            payeeByName[person.Value] = position;
        }

        var cash = commission.Basis == CommissionBasis.CollectedCash;
        var currency = plan.Currency;
        var window = commission.ClawbackWindowMonths;

        // Flattened splits: deal d's credited payees are splitPayee[splitStart[d] .. splitStart[d + 1]).
        var splitStart = new int[deals.Count + 1];
        var splitPayee = new List<int>(deals.Count + (deals.Count / 4));
        var splitShare = new List<decimal>(deals.Count + (deals.Count / 4));
        var dealIndex = cash ? new Dictionary<string, int>(deals.Count, StringComparer.Ordinal) : null;
        var dealSpan = Span(deals);
        Dictionary<int, decimal[]>? clawedCash = null;
        for (var d = 0; d < deals.Count; d++)
        {
            splitStart[d] = splitPayee.Count;
            var deal = dealSpan[d];
            if (deal is null || deal.Splits is null)
            {
                errors.Add($"deals[{d}]", KamErrorCodes.Required, null, "A deal and its splits are required.");
                continue;
            }

            if (deal.Amount.Currency != currency || deal.GrossProfit.Currency != currency)
            {
                errors.Add($"deals[{d}].amount", KamErrorCodes.CurrencyMismatch, deal.Amount, $"The plan pays in {currency.Code}; currencies never mix.");
                continue;
            }

            if (dealIndex is not null && !dealIndex.TryAdd(deal.Id.Value, d))
            {
                errors.Add($"deals[{d}].id", KamErrorCodes.Duplicate, deal.Id, "Deal identifiers must be unique.");
            }

            var shareSum = 0m;
            var splits = deal.Splits;
            for (var s = 0; s < splits.Count; s++)
            {
                shareSum += splits[s].Share.Fraction;
                for (var t = 0; t < s; t++)
                {
                    if (splits[t].Person == splits[s].Person)
                    {
                        errors.Add($"deals[{d}].splits[{s}].person", KamErrorCodes.Duplicate, splits[s].Person, "A person appears once in a deal's split.");
                    }
                }

                if (payeeByName.TryGetValue(splits[s].Person.Value, out var p))
                {
                    splitPayee.Add(p);
                    splitShare.Add(splits[s].Share.Fraction);
                }
            }

            if (shareSum != 1m)
            {
                errors.Add($"deals[{d}].splits", KamErrorCodes.InvalidSum, shareSum * 100m, "The credit shares of a deal must sum to 100%.");
            }

            if (deal.CancelledOn is { } cancelled && cancelled < deal.BookedOn)
            {
                errors.Add($"deals[{d}].cancelledOn", KamErrorCodes.OutOfOrder, cancelled, "A deal cannot be cancelled before it is booked.");
            }

            if (errors.Errors.Count >= MaxErrors)
            {
                errors.ThrowIfAny();
            }

            var bookedMonth = MonthOf(deal.BookedOn, firstMonth);
            if (!cash && bookedMonth is >= 0 and < 12)
            {
                var value = commission.Basis == CommissionBasis.GrossProfit ? deal.GrossProfit.Amount : deal.Amount.Amount;
                var valuePath = commission.Basis == CommissionBasis.GrossProfit ? $"deals[{d}].grossProfit" : $"deals[{d}].amount";
                for (var s = splitStart[d]; s < splitPayee.Count; s++)
                {
                    ref var cell = ref basis[(splitPayee[s] * 12) + bookedMonth];
                    cell = Overflow.Add(cell, Overflow.Multiply(value, splitShare[s], valuePath), valuePath);
                }
            }

            if (window > 0 && deal.CancelledOn is { } c && c >= deal.BookedOn && c <= deal.BookedOn.PlusMonths(window)
                && MonthOf(c, firstMonth) is var cancelMonth and >= 0 and < 12 && splitPayee.Count > splitStart[d])
            {
                decimal[] paid;
                if (cash)
                {
                    paid = new decimal[12];
                    (clawedCash ??= [])[d] = paid;
                }
                else
                {
                    paid = new decimal[12];
                    if (bookedMonth is >= 0 and < 12)
                    {
                        paid[bookedMonth] = commission.Basis == CommissionBasis.GrossProfit ? deal.GrossProfit.Amount : deal.Amount.Amount;
                    }
                }

                for (var s = splitStart[d]; s < splitPayee.Count; s++)
                {
                    clawbacks.Add(new Clawback(splitPayee[s], cancelMonth, deal.Id, splitShare[s], paid));
                }
            }
        }

        splitStart[deals.Count] = splitPayee.Count;
        errors.ThrowIfAny();
        if (dealIndex is not null)
        {
            AddCollections(errors, firstMonth, currency, dealSpan, Span(collections), dealIndex, splitStart, splitPayee, splitShare, clawedCash, basis);
        }

        return new CreditLedger(basis, clawbacks);
    }

    private static void AddCollections(ValidationCollector errors, int firstMonth, Currency currency, ReadOnlySpan<Deal> deals, ReadOnlySpan<CashReceipt> collections, Dictionary<string, int> dealIndex, int[] splitStart, List<int> splitPayee, List<decimal> splitShare, Dictionary<int, decimal[]>? clawedCash, decimal[] basis)
    {
        // Receipts usually come grouped by deal (one export per invoice): reuse the last lookup when the deal repeats.
        var lastDeal = default(OpportunityId);
        var d = -1;
        for (var j = 0; j < collections.Length; j++)
        {
            ref readonly var collection = ref collections[j];
            if ((d < 0 || collection.Deal != lastDeal) && !dealIndex.TryGetValue(collection.Deal.Value, out d))
            {
                d = -1;
                errors.Add($"collections[{j}].deal", KamErrorCodes.Unknown, collection.Deal, "No deal with this identifier.");
                continue;
            }

            if (collection.Amount.Currency != currency)
            {
                errors.Add($"collections[{j}].amount", KamErrorCodes.CurrencyMismatch, collection.Amount, $"The plan pays in {currency.Code}; currencies never mix.");
                continue;
            }

            lastDeal = collection.Deal;
            var deal = deals[d];
            if (collection.ReceivedOn < deal.BookedOn)
            {
                errors.Add($"collections[{j}].receivedOn", KamErrorCodes.OutOfOrder, collection.ReceivedOn, "Cash cannot be received before the deal is booked.");
                continue;
            }

            if (errors.Errors.Count >= MaxErrors)
            {
                break;
            }

            var month = MonthOf(collection.ReceivedOn, firstMonth);
            if (month is < 0 or >= 12 || deal.CancelledOn is { } cancelled && collection.ReceivedOn > cancelled)
            {
                continue;
            }

            var amount = collection.Amount.Amount;
            for (var s = splitStart[d]; s < splitStart[d + 1]; s++)
            {
                var share = splitShare[s];
                ref var cell = ref basis[(splitPayee[s] * 12) + month];
                cell = Overflow.Add(cell, share == 1m ? amount : Overflow.Multiply(amount, share, $"collections[{j}].amount"), $"collections[{j}].amount");
            }

            if (clawedCash is not null && clawedCash.TryGetValue(d, out var paid))
            {
                paid[month] = Overflow.Add(paid[month], amount, $"collections[{j}].amount");
            }
        }

        errors.ThrowIfAny();
    }

    private static ReadOnlySpan<T> Span<T>(IReadOnlyList<T> list) => list switch
    {
        T[] array => array,
        List<T> items => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items),
        _ => list.ToArray(),
    };

    private static int MonthOf(LocalDate date, int firstMonth) => (date.Year * 12) + date.Month - 1 - firstMonth;
}

/// <summary>A deal canceled within the clawback window: the payee gives back the commission paid on their share.</summary>
/// <param name="Payee">The payee's position.</param>
/// <param name="Month">The fiscal month of the cancellation.</param>
/// <param name="Deal">The deal.</param>
/// <param name="Share">The payee's credit share.</param>
/// <param name="PaidBasis">The deal's basis (before the split) credited in each fiscal month.</param>
internal sealed record Clawback(int Payee, int Month, OpportunityId Deal, decimal Share, decimal[] PaidBasis);
