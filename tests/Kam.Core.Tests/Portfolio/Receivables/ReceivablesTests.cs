using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Accounts;
using Kam.Core.Compensation;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Selection;
using NodaTime;

namespace Kam.Core.Tests.Portfolio.Receivables;

/// <summary>
/// Receivables and credit: the worked example of docs/receivables.md, the feeds to the tiering credit gate and to the
/// pay calculator's collections basis, the policy file, and bad input (typed errors with path and value).
/// </summary>
public sealed class ReceivablesTests
{
    internal static readonly AccountId Acme = AccountId.Parse("ACME");
    internal static readonly AccountId Beta = AccountId.Parse("BETA");
    internal static readonly AccountId Cora = AccountId.Parse("CORA");
    internal static readonly LocalDate AsOf = new(2026, 6, 30);
    private static readonly ReceivablesAnalyzer Analyzer = new(ReceivablesPolicy.Default, Currency.CNY);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static OpportunityId Opp(string id) => OpportunityId.Parse(id);

    /// <summary>The worked example of docs/receivables.md.</summary>
    internal static (Invoice[] Invoices, Payment[] Payments, CreditTerms[] Terms) Example() =>
    (
        [
            new Invoice("A-1", Acme, new LocalDate(2026, 2, 15), Cny(40_000m), deal: Opp("OPP-1")),
            new Invoice("A-2", Acme, new LocalDate(2026, 4, 10), Cny(50_000m), deal: Opp("OPP-2")),
            new Invoice("A-3", Acme, new LocalDate(2026, 5, 20), Cny(30_000m)),
            new Invoice("A-4", Acme, new LocalDate(2026, 6, 15), Cny(20_000m)),
            new Invoice("B-0", Beta, new LocalDate(2026, 4, 5), Cny(60_000m), deal: Opp("OPP-4")),
            new Invoice("B-1", Beta, new LocalDate(2026, 5, 1), Cny(60_000m)),
            new Invoice("C-1", Cora, new LocalDate(2026, 6, 1), Cny(10_000m), new LocalDate(2026, 7, 1), Opp("OPP-3")),
        ],
        [
            new Payment("P-1", Acme, new LocalDate(2026, 4, 20), Cny(25_000m)),
            new Payment("P-2", Acme, new LocalDate(2026, 6, 5), Cny(30_000m), ["A-2"]),
            new Payment("P-3", Beta, new LocalDate(2026, 5, 30), Cny(60_000m)),
            new Payment("P-4", Cora, new LocalDate(2026, 6, 20), Cny(4_000m), ["C-1"]),
            new Payment("P-5", Acme, new LocalDate(2026, 7, 5), Cny(15_000m)),
        ],
        [new CreditTerms(Acme, Cny(100_000m), 30), new CreditTerms(Beta, Cny(50_000m), 60)]);

    [Fact]
    public void A_dso_just_above_the_maximum_is_shown_with_the_decimals_that_put_it_above()
    {
        // 2,001,000 open (10 days past due) of 3,000,000 sold in the 90 days: DSO = 60.03, above 60; one decimal would read "60, above 60".
        var report = Analyzer.Analyze(
            [new Invoice("D-1", Cora, AsOf.PlusDays(-40), Cny(3_000_000m))],
            [new Payment("D-P", Cora, AsOf.PlusDays(-5), Cny(999_000m))],
            null,
            AsOf);
        var alert = Assert.Single(report.Find(Cora)!.Alerts);
        Assert.Equal((ReceivablesAlertKind.HighDso, 60.03m), (alert.Kind, alert.Value));
        Assert.Equal("Days sales outstanding are 60.03, above 60.", alert.Message);
    }

    [Theory]
    [InlineData(-10, false)] // due in 20 days: within terms
    [InlineData(-30, false)] // due on the date: not yet past due
    [InlineData(-31, true)] // one day past due
    public void A_high_dso_is_alerted_only_when_something_is_past_due(int issuedDaysBefore, bool alerted)
    {
        // One invoice of 10,000 in the 90-day window, unpaid: DSO = 10,000 ÷ 10,000 × 90 = 90, above 60 either way.
        var report = Analyzer.Analyze([new Invoice("N-1", Cora, AsOf.PlusDays(issuedDaysBefore), Cny(10_000m))], [], null, AsOf);
        var cora = report.Find(Cora)!;
        Assert.Equal(90m, cora.Dso);
        ReceivablesAlertKind[] expected = alerted ? [ReceivablesAlertKind.HighDso] : [];
        Assert.Equal(expected, cora.Alerts.Select(a => a.Kind));
        Assert.Equal(alerted ? 1 : 0, report.Summary.AccountsAlerted(ReceivablesAlertKind.HighDso));
    }

    [Fact]
    public void The_worked_example_ages_each_account_by_hand()
    {
        var (invoices, payments, terms) = Example();
        var report = Analyzer.Analyze(invoices, payments, terms, AsOf);
        Assert.Equal([Acme, Beta, Cora], report.Accounts.Select(a => a.Account));

        // ACME: A-1 40,000 less P-1 25,000 (oldest first) = 15,000, due 2026-03-17, 105 days past due; A-2 50,000 less
        // P-2 30,000 = 20,000, 51 days; A-3 30,000, 11 days; A-4 20,000 not due. P-5 (July) does not count yet.
        var acme = report.Find(Acme)!;
        Assert.Equal(Cny(85_000m), acme.OpenBalance);
        Assert.Equal((Cny(20_000m), Cny(65_000m)), (acme.NotDue, acme.Overdue));
        Assert.Equal([Cny(50_000m), Cny(20_000m), Cny(0m), Cny(15_000m)], acme.Buckets);
        Assert.Equal((4, 105), (acme.OpenInvoices, acme.OldestDaysPastDue));
        Assert.Equal(Cny(100_000m), acme.CreditSales);
        Assert.Equal(76.5m, acme.Dso);
        Assert.Equal(Ratio.FromPercent(85m), acme.UsedShare);
        Assert.Equal(Cny(15_000m), acme.Headroom);
        Assert.Equal([ReceivablesAlertKind.SeverelyOverdue, ReceivablesAlertKind.HighDso], acme.Alerts.Select(a => a.Kind));
        Assert.Equal((15_000m, 90m), (acme.Alerts[0].Value, acme.Alerts[0].Threshold));
        Assert.Contains("more than 90 days past due", acme.Alerts[0].Message, StringComparison.Ordinal);
        Assert.True(acme.CreditRisk);

        // BETA: B-0 paid by P-3; B-1 60,000 due 2026-06-30 (60 days), not past due, over the 50,000 limit.
        var beta = report.Find(Beta)!;
        Assert.Equal((Cny(60_000m), Cny(60_000m), Cny(0m)), (beta.OpenBalance, beta.NotDue, beta.Overdue));
        Assert.Equal(45m, beta.Dso);
        Assert.Equal(Ratio.FromPercent(120m), beta.UsedShare);
        Assert.Equal(Cny(-10_000m), beta.Headroom);
        var limit = Assert.Single(beta.Alerts);
        Assert.Equal((ReceivablesAlertKind.LimitExceeded, 60_000m, 50_000m), (limit.Kind, limit.Value, limit.Threshold));
        Assert.True(beta.CreditRisk);

        // CORA: no terms (no limit); C-1 10,000 less P-4 4,000, due 2026-07-01.
        var cora = report.Find(Cora)!;
        Assert.Equal((Cny(6_000m), 54m), (cora.OpenBalance, cora.Dso));
        Assert.Null(cora.UsedShare);
        Assert.Null(cora.Headroom);
        Assert.Empty(cora.Alerts);
        Assert.False(cora.CreditRisk);

        var s = report.Summary;
        Assert.Equal((3, 6L), (s.Accounts, s.OpenInvoices));
        Assert.Equal((Cny(151_000m), Cny(86_000m), Cny(65_000m)), (s.OpenBalance, s.NotDue, s.Overdue));
        Assert.Equal([Cny(116_000m), Cny(20_000m), Cny(0m), Cny(15_000m)], s.Buckets);
        Assert.Equal(Cny(230_000m), s.CreditSales);
        Assert.Equal(151_000m / 230_000m * 90m, s.Dso);
        Assert.Equal((Cny(150_000m), 2, 2), (s.CreditLimits, s.AccountsWithLimit, s.AccountsAtRisk));
        Assert.Equal([1, 1, 1], Enum.GetValues<ReceivablesAlertKind>().Select(s.AccountsAlerted));
        Assert.Equal(["0-30", "31-60", "61-90", "90+"], report.Policy.Buckets.Select(b => b.Label));
    }

    [Fact]
    public void A_payment_after_the_date_counts_from_its_day()
    {
        var (invoices, payments, terms) = Example();
        var acme = Analyzer.Analyze(invoices, payments, terms, new LocalDate(2026, 7, 5)).Find(Acme)!;
        Assert.Equal(Cny(70_000m), acme.OpenBalance);
        Assert.Equal(Cny(0m), acme.Buckets[3]);
        Assert.DoesNotContain(acme.Alerts, a => a.Kind == ReceivablesAlertKind.SeverelyOverdue);
    }

    [Fact]
    public void An_overdue_account_fails_the_tiering_credit_gate()
    {
        var (invoices, payments, terms) = Example();
        var report = Analyzer.Analyze(invoices, payments, terms, AsOf);
        AccountId[] ids = [Acme, Beta, Cora, AccountId.Parse("DORA")];
        var portfolio = AccountMeasures.Create(ids, [MeasureColumn.Numbers("contribution", [500d, 400d, 300d, 200d]), report.CreditRiskColumn(ids)]);
        var selection = new KeyAccountSelectionEngine(SelectionPolicy.Default).Select(portfolio);

        Assert.Equal([1d, 1d, 0d, 0d], portfolio.Measure("creditRisk").Values.ToArray());
        Assert.Equal([false, true, false, true], report.CreditRisks([Cora, Acme, AccountId.Parse("DORA"), Beta]));
        Assert.Equal(2, selection.Selected);
        var missed = selection.NearMisses.Where(m => m.AccountId == Acme || m.AccountId == Beta).ToArray();
        Assert.Equal(2, missed.Length);
        Assert.All(missed, m => Assert.Equal(["creditRisk"], m.FailedGates));
    }

    [Fact]
    public void The_pay_calculators_collections_basis_is_the_payments_received()
    {
        var (invoices, payments, terms) = Example();
        var receipts = Analyzer.Collections(invoices, payments, terms);
        Assert.Equal(
            [("OPP-1", "2026-04-20", 25_000m), ("OPP-2", "2026-06-05", 30_000m), ("OPP-1", "2026-07-05", 15_000m), ("OPP-4", "2026-05-30", 60_000m), ("OPP-3", "2026-06-20", 4_000m)],
            receipts.Select(r => (r.Deal.Value, r.ReceivedOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), r.Amount.Amount)));
        Assert.Equal(payments.Sum(p => p.Amount.Amount), receipts.Sum(r => r.Amount.Amount));

        // 10% on collected cash: the year's commission is 10% of every payment (every invoice paid is linked to a deal).
        var person = PersonId.Parse("li");
        var deals = new[] { "OPP-1", "OPP-2", "OPP-3", "OPP-4" }
            .Select(d => new Deal(Opp(d), new LocalDate(2026, 1, 15), Cny(100_000m), Cny(30_000m), [new CreditSplit(person, Percentage.FromPercent(100m))]))
            .ToArray();
        var plan = PayPlanTemplates.FullCommission(Currency.CNY, Percentage.FromPercent(10m), new LocalDate(2026, 1, 1));
        var run = new PayCalculator(FiscalCalendar.Calendar).CalculateYear(plan, 2026, [new Payee(person, Cny(0m))], deals, receipts);
        var paid = run.StatementsOf(person).Sum(s => s.Total.Amount);
        Assert.Equal(0.10m * payments.Sum(p => p.Amount.Amount), paid);
        Assert.Equal(13_400m, paid);
    }

    [Fact]
    public void Roll_ups_by_unit_and_owner_come_from_the_account_hierarchy()
    {
        var (invoices, payments, terms) = Example();
        var report = Analyzer.Analyze(invoices, payments, terms, AsOf);
        var north = UnitId.Parse("NORTH");
        var south = UnitId.Parse("SOUTH");
        var li = PersonId.Parse("li");
        var wu = PersonId.Parse("wu");
        var organization = new Organization(
            [new OrganizationUnit(UnitId.Parse("HQ"), "HQ", UnitLevel.HeadOffice), new OrganizationUnit(north, "North", UnitLevel.Branch, UnitId.Parse("HQ")), new OrganizationUnit(south, "South", UnitLevel.Branch, UnitId.Parse("HQ"))],
            [new Person(li, "Li", north), new Person(wu, "Wu", south)]);
        var hierarchy = new AccountHierarchy(organization, [
            new Account(Acme, "Acme", AccountLevel.Headquarters, li, north),
            new Account(Beta, "Beta", AccountLevel.Headquarters, wu, south),
            new Account(Cora, "Cora", AccountLevel.Headquarters, li, north)]);

        var byUnit = report.ByUnit(hierarchy);
        Assert.Equal([north, south], byUnit.Keys);
        Assert.Equal((Cny(91_000m), 2), (byUnit[north].OpenBalance, byUnit[north].Accounts));
        Assert.Equal(Cny(60_000m), byUnit[south].OpenBalance);
        var byOwner = report.ByOwner(hierarchy);
        Assert.Equal(report.Summary.OpenBalance, byOwner[li].Merge(byOwner[wu]).OpenBalance);

        var partial = new AccountHierarchy(organization, [new Account(Acme, "Acme", AccountLevel.Headquarters, li, north)]);
        var error = Assert.Throws<KamValidationException>(() => report.ByUnit(partial)).Errors[0];
        Assert.Equal(("accounts['BETA']", KamErrorCodes.Unknown), (error.Path, error.Code));
    }

    [Fact]
    public void Nothing_the_caller_passed_is_changed()
    {
        var (invoices, payments, terms) = Example();
        var copy = invoices.ToArray();
        var settles = new List<string> { "A-2" };
        payments[1] = new Payment("P-2", Acme, new LocalDate(2026, 6, 5), Cny(30_000m), settles);
        Analyzer.Analyze(invoices, payments, terms, AsOf);
        Analyzer.Collections(invoices, payments, terms);
        Assert.Equal(copy.Select(i => (i.Id, i.Amount)), invoices.Select(i => (i.Id, i.Amount)));
        Assert.Equal(["A-2"], settles);
    }

    public static TheoryData<string, string, string, string?> BadInputs() => new()
    {
        // case, path, code, value
        { "overpaid", "payments[0].amount", KamErrorCodes.OutOfRange, "60000 CNY" },
        { "overpaid-unnamed", "payments[0].amount", KamErrorCodes.OutOfRange, "60000 CNY" },
        { "invoice-currency", "invoices[1].amount", KamErrorCodes.CurrencyMismatch, "500 USD" },
        { "unknown-invoice", "payments[0].settles[0]", KamErrorCodes.Unknown, "X-9" },
        { "other-account", "payments[0].settles[0]", KamErrorCodes.Unknown, "B-1" },
        { "duplicate-invoice", "invoices[1].id", KamErrorCodes.Duplicate, "A-1" },
        { "negative-invoice", "invoices[1].amount", KamErrorCodes.OutOfRange, "-5 CNY" },
        { "negative-payment", "payments[0].amount", KamErrorCodes.OutOfRange, "-5 CNY" },
        { "due-before-issue", "invoices[1].dueOn", KamErrorCodes.OutOfOrder, "2026-01-01" },
        { "paid-before-issue", "payments[0].receivedOn", KamErrorCodes.OutOfOrder, "2026-01-10" },
        { "limit-currency", "creditTerms[0].limit", KamErrorCodes.CurrencyMismatch, "100 USD" },
        { "duplicate-terms", "creditTerms[1].account", KamErrorCodes.Duplicate, "ACME" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_names_the_path_and_the_value(string name, string path, string code, string? value)
    {
        var jan = new LocalDate(2026, 1, 20);
        Invoice[] invoices = [new("A-1", Acme, jan, Cny(10_000m)), new("B-1", Beta, jan, Cny(50_000m))];
        Payment[] payments = [];
        CreditTerms[] terms = [];
        switch (name)
        {
            case "overpaid": payments = [new("P", Acme, jan.PlusDays(5), Cny(60_000m), ["A-1"])]; break;
            case "overpaid-unnamed": payments = [new("P", Acme, jan.PlusDays(5), Cny(60_000m))]; break;
            case "invoice-currency": invoices[1] = new("A-2", Acme, jan, Money.Of(500m, "USD")); break;
            case "unknown-invoice": payments = [new("P", Acme, jan, Cny(1m), ["X-9"])]; break;
            case "other-account": payments = [new("P", Acme, jan, Cny(1m), ["B-1"])]; break;
            case "duplicate-invoice": invoices[1] = new("A-1", Beta, jan, Cny(5m)); break;
            case "negative-invoice": invoices[1] = new("A-2", Acme, jan, Cny(-5m)); break;
            case "negative-payment": payments = [new("P", Acme, jan, Cny(-5m))]; break;
            case "due-before-issue": invoices[1] = new("A-2", Acme, jan, Cny(5m), new LocalDate(2026, 1, 1)); break;
            case "paid-before-issue": payments = [new("P", Acme, new LocalDate(2026, 1, 10), Cny(5m), ["A-1"])]; break;
            case "limit-currency": terms = [new CreditTerms(Acme, Money.Of(100m, "USD"))]; break;
            case "duplicate-terms": terms = [new CreditTerms(Acme, Cny(1m)), new CreditTerms(Acme, Cny(2m))]; break;
        }

        var ex = Assert.Throws<KamValidationException>(() => Analyzer.Analyze(invoices, payments, terms, AsOf));
        var error = ex.Errors[0];
        Assert.Equal((path, code, value), (error.Path, error.Code, error.AttemptedValue));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void A_payment_larger_than_its_invoices_says_how_much_is_left()
    {
        var jan = new LocalDate(2026, 1, 20);
        var ex = Assert.Throws<KamValidationException>(() => Analyzer.Analyze(
            [new Invoice("A-1", Acme, jan, Cny(10_000m)), new Invoice("A-2", Acme, jan, Cny(5_000m))],
            [new Payment("P", Acme, jan.PlusDays(5), Cny(12_000m), ["A-2"])],
            null,
            AsOf));
        Assert.Contains("7000 CNY is left", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Totals_beyond_decimal_are_an_overflow_error_naming_the_quantity()
    {
        var jan = new LocalDate(2026, 1, 20);
        var huge = Cny(decimal.MaxValue / 2m + 1m);
        var ex = Assert.Throws<KamValidationException>(() => Analyzer.Analyze([new Invoice("A-1", Acme, jan, huge), new Invoice("A-2", Acme, jan, huge)], [], null, AsOf));
        var error = Assert.Single(ex.Errors);
        Assert.Equal((KamErrorCodes.Overflow, "accounts['ACME'].openBalance"), (error.Code, error.Path));

        var one = Analyzer.Analyze([new Invoice("A-1", Acme, jan, huge)], [], null, AsOf).Summary;
        var other = Analyzer.Analyze([new Invoice("B-1", Beta, jan, huge)], [], null, AsOf).Summary;
        Assert.Equal(KamErrorCodes.Overflow, Assert.Throws<KamValidationException>(() => one.Merge(other)).Errors[0].Code);
    }

    [Fact]
    public void Summaries_of_other_currencies_or_buckets_do_not_merge()
    {
        var cny = ReceivablesSummary.Empty(ReceivablesPolicy.Default, Currency.CNY);
        Assert.Throws<CurrencyMismatchException>(() => cny.Merge(ReceivablesSummary.Empty(ReceivablesPolicy.Default, Currency.USD)));
        var other = ReceivablesSummary.Empty(new ReceivablesPolicy([30, 60]), Currency.CNY);
        Assert.Equal(KamErrorCodes.InvalidState, Assert.Throws<KamValidationException>(() => cny.Merge(other)).Errors[0].Code);
    }

    [Fact]
    public void The_defaults_are_the_documented_ones_and_the_file_round_trips()
    {
        var p = ReceivablesPolicy.Default;
        Assert.Equal([30, 60, 90], p.BucketLimits);
        Assert.Equal((90, 60, 30), (p.DsoWindowDays, p.MaxDsoDays, p.DefaultPaymentDays));
        Assert.Equal([ReceivablesAlertKind.LimitExceeded, ReceivablesAlertKind.SeverelyOverdue], p.CreditRiskAlerts);
        Assert.Equal(p.ToJson(), ReceivablesPolicy.FromJson("{}").ToJson());
        var custom = ReceivablesPolicy.FromJson("""{ "bucketLimits": [15, 45], "dsoWindowDays": 30, "creditRiskAlerts": ["HighDso"] }""");
        Assert.Equal(["0-15", "16-45", "45+"], custom.Buckets.Select(b => b.Label));
        Assert.Equal(custom.ToJson(), ReceivablesPolicy.FromJson(custom.ToJson()).ToJson());
        Assert.True(Evaluate(p.ToJson()).IsValid);
        Assert.True(Evaluate(custom.ToJson()).IsValid);
    }

    [Theory]
    [InlineData("""{ "bucketLimits": [30, 30, 90] }""", "$.bucketLimits[1]", "30", KamErrorCodes.OutOfOrder)]
    [InlineData("""{ "bucketLimits": [60, 30] }""", "$.bucketLimits[1]", "30", KamErrorCodes.OutOfOrder)]
    [InlineData("""{ "bucketLimits": [-1] }""", "$.bucketLimits[0]", "-1", KamErrorCodes.OutOfRange)]
    [InlineData("""{ "bucketLimits": [] }""", "$.bucketLimits", "0", KamErrorCodes.OutOfRange)]
    [InlineData("""{ "dsoWindowDays": 0 }""", "$.dsoWindowDays", "0", KamErrorCodes.OutOfRange)]
    [InlineData("""{ "creditRiskAlerts": ["HighDso", "HighDso"] }""", "$.creditRiskAlerts[1]", "HighDso", KamErrorCodes.Duplicate)]
    public void A_bad_policy_file_names_the_path_and_the_value(string json, string path, string value, string code)
    {
        var ex = Assert.Throws<KamValidationException>(() => ReceivablesPolicy.FromJson(json));
        Assert.Equal((path, value, code), (ex.Errors[0].Path, ex.Errors[0].AttemptedValue, ex.Errors[0].Code));
    }

    [Theory]
    [InlineData("""{ "bucketLimits": [-1] }""")]
    [InlineData("""{ "bucketLimits": [] }""")]
    [InlineData("""{ "dsoWindowDays": 0 }""")]
    [InlineData("""{ "creditRiskAlerts": ["HighDso", "HighDso"] }""")]
    [InlineData("""{ "creditRiskAlerts": ["Late"] }""")]
    [InlineData("""{ "buckets": [30] }""")]
    public void The_schema_refuses_what_the_reader_refuses(string json)
    {
        Assert.False(Evaluate(json).IsValid);
        Assert.Throws<KamValidationException>(() => ReceivablesPolicy.FromJson(json));
    }

    [Fact]
    public void The_schema_names_the_members_the_reader_knows()
    {
        var node = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/receivables-policy.schema.json"))!;
        var members = JsonNode.Parse(ReceivablesPolicy.Default.ToJson())!.AsObject().Select(p => p.Key).Append("$schema").Order(StringComparer.Ordinal);
        Assert.Equal(members, node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(node["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Credit_terms_are_valid_from_construction()
    {
        var ex = Assert.Throws<KamValidationException>(() => new CreditTerms(default, Cny(-1m), -1));
        Assert.Equal(["account", "limit", "paymentDays"], ex.Errors.Select(e => e.Path));
    }

    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/receivables-policy.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
}
