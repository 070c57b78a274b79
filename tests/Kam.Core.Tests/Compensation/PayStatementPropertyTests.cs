using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Compensation;
using NodaTime;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Compensation;

public sealed class PayStatementPropertyTests
{
    private static Gen<(int Month, int Day, int Cents, int S1Share)[]> Receipts { get; } =
        Gen.ArrayOf(
            from month in Gen.Choose(1, 12)
            from day in Gen.Choose(1, 28)
            from cents in Gen.Choose(0, 20_000_000)
            from share in Gen.Choose(0, 100)
            select (month, day, cents, share));

    [Property(MaxTest = 50)]
    public Property Statement_lines_sum_to_the_total_and_commission_to_the_years_schedule() =>
        Prop.ForAll(Receipts.ToArbitrary(), receipts =>
        {
            var deals = receipts.Select((r, i) => Deal($"D{i}", new LocalDate(2026, 1, 1), r.Cents / 100m, (S1, r.S1Share), (S2, 100 - r.S1Share))
                .WithSplits(new[] { new CreditSplit(S1, Pct(r.S1Share)), new CreditSplit(S2, Pct(100 - r.S1Share)) }.Where(s => s.Share.Fraction > 0m).ToArray())).ToArray();
            var cash = receipts.Select((r, i) => new CashReceipt(deals[i].Id, new LocalDate(2026, r.Month, r.Day), Yuan(r.Cents / 100m))).ToArray();
            var plan = CashPlan();
            var run = Calculator.CalculateYear(plan, 2026, [Payee(S1), Payee(S2)], deals, cash);
            var linesSum = run.Statements.All(s => s.Lines.Sum(l => l.Amount.Amount) == s.Total.Amount && s.Lines.All(l => l.Recompute(s.Rounding) == l.Amount));

            // With a year-end true-up, monthly commission plus the true-up is the year's schedule (to a cent), unless the
            // months overpaid: a negative true-up is not recovered, so the year-end line is then zero.
            var schedule = plan.Commission!.Schedule;
            var commissionMatches = new[] { S1, S2 }.All(person =>
            {
                var basis = receipts.Sum(r => r.Cents / 100m * (person == S1 ? r.S1Share : 100 - r.S1Share) / 100m);
                var paid = run.StatementsOf(person).SelectMany(s => s.Lines).Where(l => l.Kind == PayComponentKind.Commission).Sum(l => l.Amount.Amount);
                var year = schedule.Calculate(basis, 1_200_000m, 12);
                var trueUp = run.StatementsOf(person)[12].Lines.Single(l => l.Component == "Commission").Amount.Amount;
                return Math.Abs(paid - year) <= 0.01m || (paid > year && trueUp == 0m);
            });
            return linesSum && commissionMatches;
        });
}
