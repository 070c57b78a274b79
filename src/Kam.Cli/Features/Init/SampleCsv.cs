using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;
using Kam.Core;
using Kam.Core.Compensation;
using NodaTime.Text;

namespace Kam.Cli.Features.Init;

/// <summary>Renders a generated sample as the five CSV input files (<c>kam init --sample</c>), in the schemas the commands read.</summary>
internal static class SampleCsv
{
    /// <summary>Renders the files.</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="payees">Each salesperson's appraisal grades for people.csv, or <see langword="null"/> to leave them empty (the plan's 100% grade).</param>
    /// <returns>accounts.csv, events.csv, deals.csv, collections.csv, people.csv and transactions.csv.</returns>
    public static IReadOnlyList<InitTemplate> Files(SampleDataSet sample, IReadOnlyDictionary<PersonId, Payee>? payees = null) =>
    [
        new(AccountsCsv.Schema.FileName, AccountsCsv.Schema.ToFile(sample.Accounts.Select(Account))),
        new(EventsCsv.Schema.FileName, EventsCsv.Schema.ToFile(sample.Opportunities.SelectMany(o => o.Events.Select(e => Event(o, e))))),
        new(PayCsv.Deals.FileName, PayCsv.Deals.ToFile(sample.Deals.Select(Deal))),
        new(PayCsv.Collections.FileName, PayCsv.Collections.ToFile(sample.Collections.Select(c => new[] { c.DealId, Date(c.CollectedOn), Number(c.Amount.Amount), c.Amount.Currency.Code }))),
        new(PayCsv.People.FileName, PayCsv.People.ToFile(sample.Salespeople.Select(p => Person(p, payees?.GetValueOrDefault(p.Id))))),
        new(TransactionsCsv.Schema.FileName, TransactionsCsv.Schema.ToFile(sample.Transactions.Select(t => new[] { t.Customer.Value, Date(t.Date), Number(t.Amount.Amount), t.Amount.Currency.Code }))),
    ];

    /// <summary>Renders accounts.csv with the hierarchy columns <c>kam plan</c> reads after those of <c>kam tier</c>.</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="plans">The sample's plan part (each account's place in both hierarchies, in the sample's account order).</param>
    /// <param name="grades">The key accounts' contact-standard grades (column grade, read by <c>kam contact</c>), or <see langword="null"/>.</param>
    /// <param name="credit">The accounts' credit terms (columns credit_limit and payment_days, read by <c>kam receivables</c>), or <see langword="null"/>.</param>
    /// <returns>accounts.csv.</returns>
    public static InitTemplate AccountsWithHierarchy(SampleDataSet sample, SamplePlanSet plans, IReadOnlyDictionary<AccountId, string>? grades = null, IReadOnlyDictionary<AccountId, CreditAccountRecord>? credit = null) =>
        new(AccountsCsv.Schema.FileName, AccountHierarchyCsv.CombinedSchema.ToFile(sample.Accounts.Zip(plans.Accounts, (a, h) => (string[])[
            .. Account(a), h.Level.ToString(), h.Parent?.Value ?? string.Empty, h.Owner.Value, h.Unit.Value, h.Territory?.Value ?? string.Empty, h.Region ?? string.Empty,
            grades?.GetValueOrDefault(a.Id) ?? string.Empty,
            credit?.GetValueOrDefault(a.Id)?.CreditLimit is { } limit ? Number(limit) : string.Empty, Int(credit?.GetValueOrDefault(a.Id)?.PaymentDays)])));

    /// <summary>Renders invoices.csv and payments.csv: the sample's receivables (<c>kam receivables</c>).</summary>
    /// <param name="receivables">The sample's receivables part.</param>
    /// <returns>The two files.</returns>
    public static IReadOnlyList<InitTemplate> Receivables(ReceivablesInput receivables) =>
    [
        new(ReceivablesCsv.Invoices.FileName, ReceivablesCsv.Invoices.ToFile(receivables.Invoices.Select(i => (string[])[
            i.Account.Value, i.Id, Date(i.IssuedOn), i.DueOn is { } due ? Date(due) : string.Empty, Number(i.Amount.Amount), i.Amount.Currency.Code, i.Deal?.Value ?? string.Empty]))),
        new(ReceivablesCsv.Payments.FileName, ReceivablesCsv.Payments.ToFile(receivables.Payments.Select(p => (string[])[
            p.Account.Value, p.Id, p.Settles is { } settles ? string.Join(ReceivablesCsv.InvoiceSeparator, settles) : string.Empty, Date(p.ReceivedOn), Number(p.Amount.Amount), p.Amount.Currency.Code]))),
    ];

    /// <summary>Renders actuals.csv: the sample's gross profit actuals (<c>kam plan --actuals</c>).</summary>
    /// <param name="plans">The sample's plan part.</param>
    /// <returns>The file.</returns>
    public static InitTemplate Actuals(SamplePlanSet plans) =>
        new(PlanActualsCsv.Schema.FileName, PlanActualsCsv.Schema.ToFile(plans.Actuals.Select(a => (string[])[
            a.Account.Value, a.Measure, Date(a.Date), Number(a.Value), a.Currency?.Code ?? string.Empty])));

    private static string[] Account(AccountRow a) =>
    [
        a.Id.Value, a.Name, a.Industry, a.Currency.Code, Number(a.Revenue), Number(a.GrossProfit), Number(a.CostToServe), Number(a.Discounts),
        a.FirstOrder is { } f ? Date(f) : string.Empty, a.LastOrder is { } l ? Date(l) : string.Empty, a.Orders?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        YesNo(a.CreditOk), Int(a.RelationshipStage), Int(a.Collaboration), Int(a.ContactBreadth),
        YesNo(a.Strategic?.SeesOurStrengthsAsStrategic), YesNo(a.Strategic?.CommitsAsFirstChoiceSupplier), YesNo(a.Strategic?.WillingToFormAlliance),
        YesNo(a.Strategic?.WillingToInvestInJointVentures), YesNo(a.Strategic?.HasGlobalNeeds),
    ];

    private static string[] Person(SalespersonRecord person, Payee? payee) =>
    [
        person.Id.Value, Number(person.AnnualQuota.Amount), payee?.MonthlyGrades is { } grades ? string.Join(' ', grades) : string.Empty, payee?.AnnualGrade ?? string.Empty,
    ];

    private static string[] Event(OpportunityRecord o, EventRow e) =>
    [
        o.Id.Value, o.Account.Value, o.Owner.Value, Number(o.Value.Amount), o.Value.Currency.Code, Date(e.ExpectedClose ?? o.ExpectedClose),
        InstantPattern.ExtendedIso.Format(e.At), EventsCsv.Kinds[(int)e.Kind], Int(e.Stage), e.Item ?? string.Empty, e.Person.Value, e.Reason ?? string.Empty,
        e.ReasonCode ?? string.Empty, e.Competitor ?? string.Empty,
    ];

    private static string[] Deal(DealRecord d) =>
    [
        d.DealId, d.Salesperson.Value, d.Account.Value, d.Opportunity?.Value ?? string.Empty, Date(d.BookedOn), Number(d.Amount.Amount), d.Amount.Currency.Code,
        d.GrossMargin?.ToString(null, CultureInfo.InvariantCulture) ?? string.Empty,
    ];

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => string.Empty };
}
