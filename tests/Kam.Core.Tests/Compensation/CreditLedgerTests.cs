using System.Globalization;
using Kam.Core.Compensation;
using NodaTime;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Compensation;

/// <summary>
/// How deals and collections become commission basis: which months count, how splits and clawbacks are credited,
/// and how bad deals and receipts are reported (path, code, value, message).
/// </summary>
public sealed class CreditLedgerTests
{
    private static readonly LocalDate Feb10 = new(2026, 2, 10);

    [Fact]
    public void A_missing_deal_or_split_list_is_reported_at_the_deal()
    {
        var noSplits = Deal("D2", Feb10, 1_000m, (S1, 100m)).WithSplits(null!);
        var ex = Refused(BookedPlan(), [null!, noSplits], []);
        Assert.Equal(["deals[0]", "deals[1]"], ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.Equal(KamErrorCodes.Required, e.Code));
        Assert.All(ex.Errors, e => Assert.Contains("required", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_deal_in_another_currency_is_refused_as_a_whole()
    {
        // The rest of the deal (here a person credited twice) is not examined: one error, at the amount.
        var dollars = Deal("D1", Feb10, 1_000m, (S1, 50m), (S1, 50m)).WithAmount(Money.Of(1_000m, "USD"));
        var error = Assert.Single(Refused(BookedPlan(), [dollars], []).Errors);
        Assert.Equal(("deals[0].amount", KamErrorCodes.CurrencyMismatch), (error.Path, error.Code));
        Assert.Contains("CNY", error.Message, StringComparison.Ordinal);

        var grossInDollars = Deal("D1", Feb10, 1_000m, (S1, 100m)).WithGrossProfit(Money.Of(300m, "USD"));
        Assert.Equal("deals[0].amount", Assert.Single(Refused(BookedPlan(), [grossInDollars], []).Errors).Path);
    }

    [Fact]
    public void Deal_identifiers_must_be_unique_when_cash_is_matched_to_deals()
    {
        var deals = new[] { Deal("D1", Feb10, 1_000m, (S1, 100m)), Deal("D1", Feb10, 3_000m, (S2, 100m)) };
        var error = Assert.Single(Refused(CashPlan(), deals, []).Errors);
        Assert.Equal(("deals[1].id", KamErrorCodes.Duplicate, "D1"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("unique", error.Message, StringComparison.Ordinal);

        // On booked sales, receipts are not matched to deals: repeated identifiers and unknown receipts do not matter.
        var stranger = new CashReceipt(OpportunityId.Parse("NOPE"), Feb10, Yuan(5m));
        var run = Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1), Payee(S2)], deals, [stranger]);
        Assert.Equal(50m, Amount(run.StatementsOf(S1)[1], "Commission"));
        Assert.Equal(150m, Amount(run.StatementsOf(S2)[1], "Commission"));
    }

    [Fact]
    public void A_person_is_credited_once_per_deal()
    {
        var twice = Deal("D1", Feb10, 1_000m, (S1, 50m), (S2, 25m), (S1, 25m));
        var error = Assert.Single(Refused(BookedPlan(), [twice], []).Errors);
        Assert.Equal(("deals[0].splits[2].person", KamErrorCodes.Duplicate, "S1"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_that_do_not_sum_to_100_percent_report_their_sum_in_percent()
    {
        var error = Assert.Single(Refused(BookedPlan(), [Deal("D1", Feb10, 1_000m, (S1, 60m), (S2, 30m))], []).Errors);
        Assert.Equal(("deals[0].splits", KamErrorCodes.InvalidSum), (error.Path, error.Code));
        Assert.Equal(90m, decimal.Parse(error.AttemptedValue!, CultureInfo.InvariantCulture));
        Assert.Contains("100%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_cannot_be_cancelled_before_it_is_booked_but_may_be_on_the_same_day()
    {
        var early = Deal("D1", Feb10, 1_000m, (S1, 100m)).Cancelled(Feb10.PlusDays(-1));
        var error = Assert.Single(Refused(BookedPlan(), [early], []).Errors);
        Assert.Equal(("deals[0].cancelledOn", KamErrorCodes.OutOfOrder), (error.Path, error.Code));
        Assert.Contains("booked", error.Message, StringComparison.Ordinal);

        var sameDay = Deal("D1", Feb10, 10_000m, (S1, 100m)).Cancelled(Feb10);
        var feb = Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1)], [sameDay], []).StatementsOf(S1)[1];
        Assert.Equal(500m, Amount(feb, "Commission"));
        Assert.Equal(-500m, Amount(feb, "Commission clawback"));
        Assert.Equal(0m, feb.Total.Amount);
    }

    [Fact]
    public void Every_bad_deal_is_reported_up_to_100_errors()
    {
        var two = new[] { Deal("D1", Feb10, 1_000m, (S1, 50m)), Deal("D2", Feb10, 1_000m, (S1, 40m)) };
        Assert.Equal(["deals[0].splits", "deals[1].splits"], Refused(BookedPlan(), two, []).Errors.Select(e => e.Path));

        var many = Enumerable.Range(0, 150).Select(i => Deal($"D{i}", Feb10, 1_000m, (S1, 50m))).ToArray();
        Assert.Equal(100, Refused(BookedPlan(), many, []).Errors.Count);
    }

    [Fact]
    public void Every_bad_receipt_is_reported_up_to_100_errors()
    {
        var deal = Deal("D1", Feb10, 1_000m, (S1, 100m));
        var unknown = new CashReceipt(OpportunityId.Parse("NOPE"), Feb10, Yuan(1m));
        var good = new CashReceipt(deal.Id, Feb10, Yuan(1m));
        var receipts = Enumerable.Repeat(unknown, 100).Append(good).Concat(Enumerable.Repeat(unknown, 5)).ToArray();
        Assert.Equal(100, Refused(CashPlan(), [deal], receipts).Errors.Count);
    }

    [Fact]
    public void Only_deals_booked_within_the_fiscal_year_earn_commission()
    {
        var deals = new[]
        {
            Deal("D0", new LocalDate(2025, 12, 31), 10_000m, (S1, 100m)),
            Deal("D1", new LocalDate(2026, 12, 31), 20_000m, (S1, 100m)),
            Deal("D2", new LocalDate(2027, 1, 1), 40_000m, (S1, 100m)),
        };
        var run = Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1), Payee(S2)], deals, []);
        var s1 = run.StatementsOf(S1);
        Assert.Equal(0m, Amount(s1[0], "Commission"));
        Assert.Equal(1_000m, Amount(s1[11], "Commission"));
        Assert.Equal(1_000m, s1.Sum(s => s.Total.Amount));
        Assert.Equal(0m, run.StatementsOf(S2).Sum(s => s.Total.Amount));
    }

    [Fact]
    public void On_gross_profit_the_commission_and_its_clawback_follow_the_gross_profit()
    {
        var plan = new PayPlan("Gross", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.GrossProfit, CommissionSchedule.Flat(Pct(10m)), Pct(100m), yearEndTrueUp: false, clawbackWindowMonths: 6)]);
        var deal = Deal("D1", Feb10, 100_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 4, 1)); // gross profit 30,000
        var s1 = Calculator.CalculateYear(plan, 2026, [Payee(S1)], [deal], []).StatementsOf(S1);
        Assert.Equal(3_000m, Amount(s1[1], "Commission"));
        Assert.Equal(-3_000m, Amount(s1[3], "Commission clawback"));
    }

    [Fact]
    public void The_clawback_window_includes_its_last_day_and_a_zero_window_claws_nothing_back()
    {
        var atEnd = Deal("D1", Feb10, 10_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 8, 10));
        var afterEnd = Deal("D2", Feb10, 20_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 8, 11));
        var s1 = Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1)], [atEnd, afterEnd], []).StatementsOf(S1);
        Assert.Equal(-500m, Amount(s1[7], "Commission clawback"));

        var noWindow = new PayPlan("No clawback", Cny, MidpointRounding.AwayFromZero, new LocalDate(2026, 1, 1), null,
            [new CommissionComponent("Commission", CommissionBasis.BookedSales, CommissionSchedule.Flat(Pct(5m)), Pct(100m), yearEndTrueUp: false, clawbackWindowMonths: 0)]);
        var sameDay = Deal("D1", Feb10, 10_000m, (S1, 100m)).Cancelled(Feb10);
        var feb = Calculator.CalculateYear(noWindow, 2026, [Payee(S1)], [sameDay], []).StatementsOf(S1)[1];
        Assert.Equal(500m, feb.Total.Amount);
        Assert.Null(Amount(feb, "Commission clawback"));
    }

    [Fact]
    public void A_clawback_gives_back_only_the_commission_paid_this_year()
    {
        // Booked last December, canceled in February: its commission was paid last year, so nothing comes back now.
        var lastYear = Deal("D0", new LocalDate(2025, 12, 20), 10_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 2, 1));
        // Booked in January (the first fiscal month), canceled in March: January's commission comes back.
        var january = Deal("D1", new LocalDate(2026, 1, 5), 20_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 3, 1));
        var s1 = Calculator.CalculateYear(BookedPlan(), 2026, [Payee(S1)], [lastYear, january], []).StatementsOf(S1);
        Assert.Null(Amount(s1[1], "Commission clawback"));
        Assert.Equal(1_000m, Amount(s1[0], "Commission"));
        Assert.Equal(-1_000m, Amount(s1[2], "Commission clawback"));
        Assert.Equal(0m, s1.Sum(s => s.Total.Amount));
    }

    [Fact]
    public void On_collected_cash_a_cancellation_gives_back_the_cash_collected_up_to_that_day()
    {
        var plan = CashFlat();
        var d1 = Deal("D1", new LocalDate(2026, 1, 10), 50_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 4, 15));
        var d2 = Deal("D2", new LocalDate(2026, 1, 10), 50_000m, (S1, 100m)).Cancelled(new LocalDate(2026, 5, 20));
        var receipts = new[]
        {
            new CashReceipt(d1.Id, new LocalDate(2026, 2, 1), Yuan(10_000m)),
            new CashReceipt(d2.Id, new LocalDate(2026, 2, 1), Yuan(4_000m)),
            new CashReceipt(d1.Id, new LocalDate(2026, 4, 15), Yuan(2_000m)), // on the day of cancellation: counts
            new CashReceipt(d1.Id, new LocalDate(2026, 4, 20), Yuan(3_000m)), // after it: ignored
            new CashReceipt(d2.Id, new LocalDate(2027, 1, 5), Yuan(8_000m)),  // after the fiscal year: ignored
        };
        var run = Calculator.CalculateYear(plan, 2026, [Payee(S1), Payee(S2)], [d1, d2], receipts);
        var s1 = run.StatementsOf(S1);
        Assert.Equal(700m, Amount(s1[1], "Commission"));            // (10,000 + 4,000) × 5%
        Assert.Equal(100m, Amount(s1[3], "Commission"));            // 2,000 × 5%
        Assert.Equal(-600m, Amount(s1[3], "Commission clawback"));  // (10,000 + 2,000) × 5%
        Assert.Equal(-200m, Amount(s1[4], "Commission clawback"));  // D2: 4,000 × 5%
        Assert.Equal(0m, s1.Sum(s => s.Total.Amount));
        Assert.Equal(0m, run.StatementsOf(S2).Sum(s => s.Total.Amount));
    }

    [Fact]
    public void Receipts_are_matched_to_their_own_deal_however_they_interleave()
    {
        var d1 = Deal("D1", new LocalDate(2026, 6, 1), 100_000m, (S1, 100m));
        var d2 = Deal("D2", new LocalDate(2026, 1, 1), 100_000m, (S2, 100m));
        var july = new LocalDate(2026, 7, 1);
        var unknown = new CashReceipt(OpportunityId.Parse("X"), july, Yuan(1m));
        var ex = Refused(CashFlat(), [d1, d2], [new(d1.Id, july, Yuan(1m)), unknown, new(d1.Id, new LocalDate(2026, 3, 1), Yuan(1m))]);
        Assert.Equal(
            [("collections[1].deal", KamErrorCodes.Unknown), ("collections[2].receivedOn", KamErrorCodes.OutOfOrder)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("X", ex.Errors[0].AttemptedValue);
        Assert.Contains("No deal", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("before the deal is booked", ex.Errors[1].Message, StringComparison.Ordinal);

        var receipts = new CashReceipt[] { new(d1.Id, july, Yuan(1_000m)), new(d2.Id, july, Yuan(2_000m)), new(d1.Id, july, Yuan(4_000m)), new(d1.Id, july, Yuan(8_000m)) };
        var run = Calculator.CalculateYear(CashFlat(), 2026, [Payee(S1), Payee(S2)], [d1, d2], receipts);
        Assert.Equal(650m, Amount(run.StatementsOf(S1)[6], "Commission"));
        Assert.Equal(100m, Amount(run.StatementsOf(S2)[6], "Commission"));
    }

    [Fact]
    public void A_receipt_in_another_currency_is_refused_at_its_amount()
    {
        var deal = Deal("D1", Feb10, 1_000m, (S1, 100m));
        var error = Assert.Single(Refused(CashFlat(), [deal], [new CashReceipt(deal.Id, Feb10, Money.Of(5m, "USD"))]).Errors);
        Assert.Equal(("collections[0].amount", KamErrorCodes.CurrencyMismatch), (error.Path, error.Code));
        Assert.Contains("CNY", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Flat 5% of collected cash, paid in full monthly, clawback window 6 months.</summary>
    private static PayPlan CashFlat() => new(
        "Flat cash",
        Cny,
        MidpointRounding.AwayFromZero,
        new LocalDate(2026, 1, 1),
        null,
        [new CommissionComponent("Commission", CommissionBasis.CollectedCash, CommissionSchedule.Flat(Pct(5m)), Pct(100m), yearEndTrueUp: false, clawbackWindowMonths: 6)]);

    private static KamValidationException Refused(PayPlan plan, IReadOnlyList<Deal> deals, IReadOnlyList<CashReceipt> collections) =>
        Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(plan, 2026, [Payee(S1), Payee(S2)], deals, collections));

    private static decimal? Amount(PayStatement statement, string component) =>
        statement.Lines.SingleOrDefault(l => l.Component == component)?.Amount.Amount;
}
