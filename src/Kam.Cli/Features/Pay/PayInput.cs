using Kam.Cli.Data;
using Kam.Cli.IO;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Terminal;
using Kam.Core;
using Kam.Core.Compensation;

namespace Kam.Cli.Features.Pay;

/// <summary>The Compensation engine's inputs for one fiscal year.</summary>
/// <param name="Payees">The payees, ordered by person.</param>
/// <param name="Deals">The deals, each credited 100% to its salesperson.</param>
/// <param name="Receipts">The cash received on the deals.</param>
internal sealed record PayInputs(IReadOnlyList<Payee> Payees, IReadOnlyList<Deal> Deals, IReadOnlyList<CashReceipt> Receipts);

/// <summary>
/// Turns <c>kam pay</c>'s files into the Compensation engine's inputs: the plan (pay-plan.json), the payees
/// (people.csv or the stated defaults), the deals and the cash receipts. Every rule that depends on the plan is
/// checked here and reported at the file and position that breaks it.
/// </summary>
internal static class PayInput
{
    private static readonly Percentage Whole = Percentage.FromPercent(100m);

    /// <summary>Loads and validates a pay plan file.</summary>
    /// <param name="path">The plan's JSON file.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KamValidationException">The file cannot be read or the plan is invalid; each path is <c>file:$.json.path</c>.</exception>
    public static PayPlan LoadPlan(string path) => RuleFile.Load(path, "plan.json", PayPlan.FromJson);

    /// <summary>Reads people.csv against the plan: quotas, and grades the plan's graded components know.</summary>
    /// <param name="path">The people file.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The payees, by person (team attainment not yet set).</returns>
    /// <exception cref="KamValidationException">A row is invalid (reported at <c>file:line:column</c>).</exception>
    public static IReadOnlyDictionary<PersonId, Payee> ReadPeople(string path, PayPlan plan, IProgress<ProgressUpdate>? progress = null)
    {
        var needsQuota = plan.Commission?.Schedule.NeedsQuota == true;
        var performance = Graded(plan, PayComponentKind.PerformancePay);
        var bonus = Graded(plan, PayComponentKind.YearEndBonus);
        var lines = new Dictionary<PersonId, int>();
        var rows = CsvFile.Read(path, PayCsv.People, row =>
        {
            var person = row.Get(PayCsv.Person);
            if (person != default && !lines.TryAdd(person, row.Line))
            {
                row.Fail(PayCsv.Person, KamErrorCodes.Duplicate, $"'{person}' already has a row on line {lines[person]}.");
            }

            var quota = row.Get(PayCsv.AnnualQuota);
            if (quota is > 0m and < 1m)
            {
                // Attainment divides bookings (up to 10^18 per file) by the quota: below one unit it is meaningless and can overflow.
                row.Fail(PayCsv.AnnualQuota, KamErrorCodes.OutOfRange, "a quota is 0 (none) or at least 1.");
            }
            else if (needsQuota && quota == 0m)
            {
                row.Fail(PayCsv.AnnualQuota, KamErrorCodes.OutOfRange, $"the plan's commission schedule uses quota attainment ({plan.Commission!.Schedule.Description}); the quota must be positive.");
            }

            IReadOnlyList<string>? monthly = null;
            if (performance is { } p)
            {
                var grades = Grades(row.GetOrDefault(PayCsv.MonthlyGrades, string.Empty), p.Component);
                if (grades.Problem is { } problem)
                {
                    row.Fail(PayCsv.MonthlyGrades, grades.Code, problem);
                }

                monthly = grades.Values;
            }

            string? annual = null;
            if (bonus is { } b)
            {
                var grades = Grades(row.GetOrDefault(PayCsv.AnnualGrade, string.Empty), b.Component, months: 1);
                if (grades.Problem is { } problem)
                {
                    row.Fail(PayCsv.AnnualGrade, grades.Code, problem);
                }

                annual = grades.Values?[0];
            }

            return new Payee(person, new Money(quota, plan.Currency), monthly, annual);
        }, progress);
        return rows.ToDictionary(p => p.Person);
    }

    /// <summary>Builds the engine's inputs and checks every plan-dependent rule.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="planPath">The plan's file (named in messages).</param>
    /// <param name="year">The fiscal year computed.</param>
    /// <param name="deals">The deals.</param>
    /// <param name="collections">The collections.</param>
    /// <param name="people">The payees of people.csv, or <see langword="null"/> for the defaults (no quota, the plan's 100% grade).</param>
    /// <param name="peoplePath">people.csv's path (named in messages), when given.</param>
    /// <param name="cells">Where each deal's cells are in deals.csv, or <see langword="null"/>.</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="KamValidationException">An input does not fit the plan.</exception>
    public static PayInputs Build(
        PayPlan plan,
        string planPath,
        FiscalPeriod year,
        IReadOnlyList<DealRecord> deals,
        IReadOnlyList<CollectionRecord> collections,
        IReadOnlyDictionary<PersonId, Payee>? people,
        string? peoplePath,
        IReadOnlyDictionary<string, DealCells>? cells)
    {
        var errors = new InputErrors();
        if (plan.EffectiveFrom > year.Interval.End || plan.EffectiveTo is { } to && to < year.Interval.Start)
        {
            errors.Add($"{planPath}:$.effectiveFrom", KamErrorCodes.OutOfRange, plan.EffectiveFrom.ToString("uuuu-MM-dd", null), $"the plan is not effective in {year}, the fiscal year computed (choose it with --period).");
        }

        var byGrossProfit = plan.Commission?.Basis == CommissionBasis.GrossProfit;
        var mapped = new List<Deal>(deals.Count);
        foreach (var record in deals)
        {
            var where = cells?.GetValueOrDefault(record.DealId);
            var deal = $"deals.csv deal '{record.DealId}'";
            if (record.Amount.Currency != plan.Currency)
            {
                errors.Add(where?.Currency ?? deal, KamErrorCodes.CurrencyMismatch, record.Amount.Currency.Code, $"the plan pays in {plan.Currency.Code}; currencies never mix.");
            }

            if (byGrossProfit && record.GrossMargin is null)
            {
                errors.Add(where?.GrossMargin ?? deal, KamErrorCodes.Required, null, $"column 'gross_margin' needs a value: the plan's commission is paid on gross profit (amount × gross margin), see {planPath}.");
            }

            if (people is not null && !people.ContainsKey(record.Salesperson))
            {
                errors.Add(where?.Salesperson ?? deal, KamErrorCodes.Unknown, record.Salesperson.Value, $"salesperson '{record.Salesperson}' has no row in {peoplePath}; every salesperson needs a quota and grades there.");
            }

            if (errors.Errors.Count >= CsvFile.MaxErrors)
            {
                break;
            }

            var grossProfit = new Money(record.GrossMargin is { } margin ? record.Amount.Amount * margin.Fraction : 0m, record.Amount.Currency);
            mapped.Add(new Deal(OpportunityId.Parse(record.DealId), record.BookedOn, record.Amount, grossProfit, [new CreditSplit(record.Salesperson, Whole)]));
        }

        var payees = people is null ? DefaultPayees(plan, planPath, deals, errors) : people.Values.OrderBy(p => p.Person.Value, StringComparer.Ordinal).ToArray();
        errors.ThrowIfAny();
        payees = WithTeamAttainment(plan, planPath, year, deals, payees);
        var receipts = collections.Select(c => new CashReceipt(OpportunityId.Parse(c.DealId), c.CollectedOn, c.Amount)).ToArray();
        return new PayInputs(payees, mapped, receipts);
    }

    /// <summary>The payees without a people file: every salesperson of the deals, with no quota and the plan's 100% grades.</summary>
    private static Payee[] DefaultPayees(PayPlan plan, string planPath, IReadOnlyList<DealRecord> deals, InputErrors errors)
    {
        if (plan.Commission is { Schedule.NeedsQuota: true } commission)
        {
            errors.Add($"{planPath}:$.components[{IndexOf(plan, commission)}].schedule", KamErrorCodes.Required, null, $"the commission schedule uses quota attainment ({commission.Schedule.Description}); give each salesperson's annual_quota with --people people.csv.");
        }

        string? Neutral(PayComponentKind kind)
        {
            if (Graded(plan, kind) is not { } graded)
            {
                return null;
            }

            var grade = NeutralGrade(graded.Component);
            if (grade is null)
            {
                errors.Add($"{planPath}:$.components[{graded.Index}].gradeFactors", KamErrorCodes.Required, graded.Component.Factors.ToString(), "no grade has the factor 100% to use by default; give the appraisal grades with --people people.csv.");
            }

            return grade;
        }

        var monthly = Neutral(PayComponentKind.PerformancePay);
        var annual = Neutral(PayComponentKind.YearEndBonus);
        var months = monthly is null ? null : Enumerable.Repeat(monthly, 12).ToArray();
        return deals.Select(d => d.Salesperson).Distinct().OrderBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => new Payee(p, new Money(0m, plan.Currency), months, annual))
            .ToArray();
    }

    /// <summary>Sets the team's attainment (the year's bookings over the payees' quotas) when the plan has a team bonus.</summary>
    private static Payee[] WithTeamAttainment(PayPlan plan, string planPath, FiscalPeriod year, IReadOnlyList<DealRecord> deals, Payee[] payees)
    {
        var team = plan.Components.OfType<TeamBonusComponent>().FirstOrDefault();
        if (team is null)
        {
            return payees;
        }

        var quota = payees.Sum(p => p.AnnualQuota.Amount);
        if (quota <= 0m)
        {
            throw new KamValidationException($"{planPath}:$.components[{IndexOf(plan, team)}]", KamErrorCodes.Required, team.Name, "the team bonus pays on the team's attainment (the year's bookings over the quotas); give the quotas with --people people.csv.");
        }

        var booked = deals.Where(d => year.Contains(d.BookedOn)).Sum(d => d.Amount.Amount);
        var attainment = Ratio.FromFraction(booked / quota);
        return payees.Select(p => new Payee(p.Person, p.AnnualQuota, p.MonthlyGrades, p.AnnualGrade, attainment)).ToArray();
    }

    private static (IReadOnlyList<string>? Values, string Code, string? Problem) Grades(string text, ScaledPayComponent component, int months = 12)
    {
        var grades = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (grades.Length == 0)
        {
            return NeutralGrade(component) is { } neutral
                ? (Enumerable.Repeat(neutral, months).ToArray(), KamErrorCodes.Required, null)
                : (null, KamErrorCodes.Required, $"'{component.Name}' needs a grade here: the plan has no 100% grade to default to ({component.Factors}).");
        }

        if (grades.Length != 1 && grades.Length != months)
        {
            return (null, KamErrorCodes.InvalidFormat, $"give 12 grades separated by spaces (M01 first) or one grade for every month; found {grades.Length}.");
        }

        var unknown = grades.FirstOrDefault(g => !component.Factors.Factors.ContainsKey(g));
        return unknown is not null
            ? (null, KamErrorCodes.Unknown, $"'{unknown}' is not a grade of '{component.Name}' ({component.Factors}).")
            : (grades.Length == months ? grades : Enumerable.Repeat(grades[0], months).ToArray(), KamErrorCodes.Required, null);
    }

    /// <summary>The grade whose factor is 100%: the default when no appraisal grade is given.</summary>
    private static string? NeutralGrade(ScaledPayComponent component) =>
        component.Factors.Factors.Where(f => f.Value.Fraction == 1m).Select(f => f.Key).Order(StringComparer.Ordinal).FirstOrDefault();

    private static (ScaledPayComponent Component, int Index)? Graded(PayPlan plan, PayComponentKind kind)
    {
        for (var i = 0; i < plan.Components.Count; i++)
        {
            if (plan.Components[i] is ScaledPayComponent scaled && scaled.Kind == kind)
            {
                return (scaled, i);
            }
        }

        return null;
    }

    private static int IndexOf(PayPlan plan, PayComponent component)
    {
        for (var i = 0; i < plan.Components.Count; i++)
        {
            if (ReferenceEquals(plan.Components[i], component))
            {
                return i;
            }
        }

        return -1;
    }
}
