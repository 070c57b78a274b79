using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Value.Summaries;
using NodaTime;

namespace Kam.Core.Tests.Value;

public sealed class TransactionSummarizerTests
{
    private static readonly TransactionSummarizer Summarizer = new();
    private static readonly LocalDate Jan1 = new(2026, 1, 1);

    [Fact]
    public void Frequency_recency_age_and_value_follow_the_papers()
    {
        Transaction[] log =
        [
            new("a", Jan1, 10m),
            new("a", Jan1.PlusDays(14), 20m),
            new("a", Jan1.PlusDays(14), 5m),   // same day: one occasion worth 25
            new("a", Jan1.PlusDays(28), 35m),
            new("b", Jan1.PlusDays(7), 99m),
            new("a", Jan1.PlusDays(70), 1m),   // after the calibration end
        ];

        var summary = Summarizer.Summarize(log, Jan1.PlusDays(56), SummaryTimeUnit.Weeks);

        Assert.Equal(new CustomerSummary("a", 2, 4, 8, 30, 4), summary.Customers[0]);
        Assert.Equal(new CustomerSummary("b", 0, 0, 7, 0, 1), summary.Customers[1]);
        Assert.Equal(1, summary.TransactionsAfterCalibrationEnd);
    }

    [Theory]
    [InlineData(SummaryTimeUnit.Days, 28.0, 56.0)]
    [InlineData(SummaryTimeUnit.Weeks, 4.0, 8.0)]
    [InlineData(SummaryTimeUnit.Months, 28 / 30.4375, 56 / 30.4375)]
    public void Time_units_scale_recency_and_age(SummaryTimeUnit unit, double recency, double age)
    {
        Transaction[] log = [new("a", Jan1, 1m), new("a", Jan1.PlusDays(28), 1m)];
        var row = Summarizer.Summarize(log, Jan1.PlusDays(56), unit).Customers[0];
        Assert.Equal(recency, row.Recency, 12);
        Assert.Equal(age, row.Age, 12);
    }

    [Fact]
    public void Holdout_split_counts_occasions_and_values_after_the_calibration_end()
    {
        Transaction[] log =
        [
            new("a", Jan1, 10m),
            new("a", Jan1.PlusDays(40), 7m),
            new("a", Jan1.PlusDays(40), 3m),
            new("a", Jan1.PlusDays(50), 5m),
            new("a", Jan1.PlusDays(200), 5m),  // after the holdout
            new("c", Jan1.PlusDays(45), 8m),   // first seen in the holdout: not in the cohort
        ];

        var split = Summarizer.Split(log, Jan1.PlusDays(30), Jan1.PlusDays(60), SummaryTimeUnit.Days);

        var row = Assert.Single(split.Customers);
        Assert.Equal(2, row.HoldoutFrequency);
        Assert.Equal(15m, row.HoldoutValue);
        Assert.Equal(7.5m, row.HoldoutMonetaryValue);
        Assert.Equal(3, row.HoldoutTransactionCount);
        Assert.Equal(30, split.HoldoutLength);
        Assert.Equal(1, split.CustomersFirstSeenInHoldout);
        Assert.Equal(1, split.TransactionsAfterHoldoutEnd);
    }

    [Fact]
    public void Bad_rows_are_all_reported_with_paths()
    {
        Transaction[] log = [new("a", Jan1, 1m), new(" ", Jan1, 1m), new("b", Jan1, -2m)];
        var ex = Assert.Throws<KamValidationException>(() => Summarizer.Summarize(log, Jan1, SummaryTimeUnit.Days));
        Assert.Contains(ex.Errors, e => e.Path == "log[1].customerId" && e.Code == KamErrorCodes.Required);
        Assert.Contains(ex.Errors, e => e.Path == "log[2].amount" && e.Code == KamErrorCodes.OutOfRange);
    }

    [Fact]
    public void Holdout_must_end_after_calibration_and_calibration_must_hold_customers()
    {
        Transaction[] log = [new("a", Jan1.PlusDays(5), 1m)];
        Assert.Equal(KamErrorCodes.OutOfOrder, Assert.Throws<KamValidationException>(() => Summarizer.Split(log, Jan1.PlusDays(9), Jan1.PlusDays(9), SummaryTimeUnit.Days)).Errors[0].Code);
        Assert.Equal(KamErrorCodes.Empty, Assert.Throws<KamValidationException>(() => Summarizer.Summarize(log, Jan1, SummaryTimeUnit.Days)).Errors[0].Code);
        Assert.Equal(KamErrorCodes.OutOfRange, Assert.Throws<KamValidationException>(() => Summarizer.Summarize(log, Jan1.PlusDays(9), (SummaryTimeUnit)9)).Errors[0].Code);
    }

    [Fact]
    public void Imported_rows_with_impossible_values_get_typed_errors()
    {
        CustomerSummary[] rows =
        [
            new("a", 1, 5, 4, 10, 2),    // recency > age
            new("b", -1, 0, 4, 0, 0),    // negative count
            new("c", 1.5, 1, 4, 10, 2),  // non-integer frequency
            new("a", 0, 0, 4, 0, 1),     // duplicate customer
            new("d", 0, 2, 4, 0, 1),     // recency without repeats
            new("e", 1, 1, double.NaN, 1, 2),
        ];

        var errors = CustomerSummaryValidation.Check(rows);

        Assert.Contains(errors, e => e.Path == "rows[0].recency" && e.Code == KamErrorCodes.OutOfOrder);
        Assert.Contains(errors, e => e.Path == "rows[1].frequency" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(errors, e => e.Path == "rows[2].frequency" && e.Code == KamErrorCodes.InvalidFormat);
        Assert.Contains(errors, e => e.Path == "rows[3].customerId" && e.Code == KamErrorCodes.Duplicate);
        Assert.Contains(errors, e => e.Path == "rows[4].recency" && e.Code == KamErrorCodes.InvalidState);
        Assert.Contains(errors, e => e.Path == "rows[5].age" && e.Code == KamErrorCodes.NotFinite);
        Assert.Throws<KamValidationException>(() => CustomerSummaryValidation.Validate(rows));
    }

    [Property]
    public Property Summaries_are_valid_and_do_not_depend_on_log_order()
    {
        var row = from customer in Gen.Elements("a", "b", "c", "d")
                  from day in Gen.Choose(0, 120)
                  from cents in Gen.Choose(0, 10_000)
                  select new Transaction(customer, Jan1.PlusDays(day), cents / 100m);
        var logs = from head in row
                   from rest in row.ListOf()
                   select (IReadOnlyList<Transaction>)[head with { Date = Jan1 }, .. rest];
        return Prop.ForAll(logs.ToArbitrary(), log =>
        {
            var end = Jan1.PlusDays(90);
            var forward = Summarizer.Summarize(log, end, SummaryTimeUnit.Weeks).Customers;
            var backward = Summarizer.Summarize(log.Reverse().ToList(), end, SummaryTimeUnit.Weeks).Customers;
            return CustomerSummaryValidation.Check(forward).Count == 0
                && forward.OrderBy(c => c.CustomerId, StringComparer.Ordinal).SequenceEqual(backward.OrderBy(c => c.CustomerId, StringComparer.Ordinal));
        });
    }
}
