using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.IO;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Terminal;
using Kam.Core;
using Kam.Core.Compensation;

namespace Kam.Cli.Features.Pay;

/// <summary>A payee and the people.csv row it was read from.</summary>
/// <param name="Payee">The payee.</param>
/// <param name="Source">Its row (none for a generated payee).</param>
internal sealed record PersonRow(Payee Payee, RowSource Source);

/// <summary>The payees of people.csv (or of the demo's sample) and the problems of its cells found while reading.</summary>
/// <param name="Name">The file's name in messages.</param>
/// <param name="Rows">The payees, by person.</param>
/// <param name="Problems">Cells whose format is wrong (<c>file:line:column</c>), reported together with the engine's findings.</param>
internal sealed record PeopleFile(string Name, IReadOnlyDictionary<PersonId, PersonRow> Rows, IReadOnlyList<KamValidationError> Problems);

/// <summary>The Compensation engine's inputs for one fiscal year.</summary>
/// <param name="Payees">The payees, ordered by person.</param>
/// <param name="Deals">The deals, each credited 100% to its salesperson.</param>
/// <param name="Receipts">The cash received on the deals.</param>
/// <param name="People">The payees' rows in the order of <paramref name="Payees"/>, or <see langword="null"/> for the defaults (no people file).</param>
/// <param name="Problems">The people file's cell problems, reported with the engine's findings.</param>
internal sealed record PayInputs(IReadOnlyList<Payee> Payees, IReadOnlyList<Deal> Deals, IReadOnlyList<CashReceipt> Receipts, IReadOnlyList<PersonRow>? People, IReadOnlyList<KamValidationError> Problems);

/// <summary>
/// Turns <c>kam pay</c>'s files into the Compensation engine's inputs: the plan (pay-plan.json), the payees
/// (people.csv or the stated defaults), the deals and the cash receipts. The files' own rules are checked here (the
/// grades cell's format, a salesperson without a people row, the gross margin a gross-profit plan needs); the plan's
/// rules are the engine's, whose errors <see cref="Locate"/> points at the file and position that break them.
/// </summary>
internal static class PayInput
{
    private static readonly Percentage Whole = Percentage.FromPercent(100m);

    /// <summary>Loads and validates a pay plan file.</summary>
    /// <param name="path">The plan's JSON file.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KamValidationException">The file cannot be read or the plan is invalid; each path is <c>file:$.json.path</c>.</exception>
    public static PayPlan LoadPlan(string path) => RuleFile.Load(path, "plan.json", PayPlan.FromJson);

    /// <summary>Reads people.csv: quotas and the grades the plan's graded components read (a blank grade is the plan's neutral grade).</summary>
    /// <param name="path">The people file.</param>
    /// <param name="plan">The plan (which grade cells are read, and their default).</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The payees, by person (team attainment not yet set), with the grade cells of the wrong format.</returns>
    /// <exception cref="KamValidationException">A cell cannot be read or a person has two rows (reported at <c>file:line:column</c>).</exception>
    public static PeopleFile ReadPeople(string path, PayPlan plan, IProgress<ProgressUpdate>? progress = null)
    {
        var performance = Graded(plan, PayComponentKind.PerformancePay)?.Component;
        var bonus = Graded(plan, PayComponentKind.YearEndBonus)?.Component;
        var lines = new Dictionary<PersonId, int>();
        var sources = new RowSources(PayCsv.People);
        var problems = new List<KamValidationError>();
        var rows = CsvFile.Read(path, PayCsv.People, row =>
        {
            var person = row.Get(PayCsv.Person);
            if (person != default && !lines.TryAdd(person, row.Line))
            {
                row.Fail(PayCsv.Person, KamErrorCodes.Duplicate, $"'{person}' already has a row on line {lines[person]}.");
            }

            var quota = row.Get(PayCsv.AnnualQuota);
            var monthly = performance is null ? null : Grades(row, PayCsv.MonthlyGrades, performance, 12, problems);
            var annual = bonus is null ? null : Grades(row, PayCsv.AnnualGrade, bonus, 1, problems)?[0];
            return new PersonRow(new Payee(person, new Money(quota, plan.Currency), monthly, annual), sources.Of(row));
        }, progress);
        return new PeopleFile(path, rows.ToDictionary(p => p.Payee.Person), problems);
    }

    /// <summary>Builds the engine's inputs, checking the rules of the files (the plan's rules are the engine's).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="planPath">The plan's file (named in messages).</param>
    /// <param name="year">The fiscal year computed.</param>
    /// <param name="deals">The deals.</param>
    /// <param name="collections">The collections.</param>
    /// <param name="people">The payees of people.csv, or <see langword="null"/> for the defaults (no quota, the plan's neutral grades).</param>
    /// <param name="cells">Where each deal's cells are in deals.csv, or <see langword="null"/>.</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="KamValidationException">A file does not fit the plan, or the team's attainment cannot be computed.</exception>
    public static PayInputs Build(
        PayPlan plan,
        string planPath,
        FiscalPeriod year,
        IReadOnlyList<DealRecord> deals,
        IReadOnlyList<CollectionRecord> collections,
        PeopleFile? people,
        IReadOnlyDictionary<string, DealCells>? cells)
    {
        var errors = new InputErrors();
        var byGrossProfit = plan.Commission?.Basis == CommissionBasis.GrossProfit;
        var mapped = new List<Deal>(deals.Count);
        foreach (var record in deals)
        {
            var where = cells?.GetValueOrDefault(record.DealId);
            var deal = $"deals.csv deal '{record.DealId}'";
            if (byGrossProfit && record.GrossMargin is null)
            {
                errors.Add(where?.GrossMargin ?? deal, KamErrorCodes.Required, null, $"column 'gross_margin' needs a value: the plan's commission is paid on gross profit (amount × gross margin), see {planPath}.");
            }

            if (people is not null && !people.Rows.ContainsKey(record.Salesperson))
            {
                errors.Add(where?.Salesperson ?? deal, KamErrorCodes.Unknown, record.Salesperson.Value, $"salesperson '{record.Salesperson}' has no row in {people.Name}; every salesperson needs a quota and grades there.");
            }

            if (errors.Errors.Count >= CsvFile.MaxErrors)
            {
                break;
            }

            var grossProfit = new Money(record.GrossMargin is { } margin ? record.Amount.Amount * margin.Fraction : 0m, record.Amount.Currency);
            mapped.Add(new Deal(OpportunityId.Parse(record.DealId), record.BookedOn, record.Amount, grossProfit, [new CreditSplit(record.Salesperson, Whole)]));
        }

        if (errors.Errors.Count > 0)
        {
            throw new KamValidationException(people is null ? errors.Errors : people.Problems.Concat(errors.Errors));
        }

        var rows = people?.Rows.Values.OrderBy(p => p.Payee.Person.Value, StringComparer.Ordinal).ToArray();
        var receipts = collections.Select(c => new CashReceipt(OpportunityId.Parse(c.DealId), c.CollectedOn, c.Amount)).ToArray();
        var inputs = new PayInputs(rows?.Select(r => r.Payee).ToArray() ?? DefaultPayees(plan, deals), mapped, receipts, rows, people?.Problems ?? []);
        if (!plan.Components.OfType<TeamBonusComponent>().Any())
        {
            return inputs;
        }

        Ratio attainment;
        try
        {
            attainment = Payee.TeamAttainmentOf(year, inputs.Payees, inputs.Deals);
        }
        catch (KamValidationException ex)
        {
            throw Locate(ex, plan, planPath, inputs, deals, collections);
        }

        var payees = inputs.Payees.Select(p => new Payee(p.Person, p.AnnualQuota, p.MonthlyGrades, p.AnnualGrade, attainment)).ToArray();
        return inputs with { Payees = payees };
    }

    /// <summary>
    /// Points the engine's errors at the files: <c>payees[i].…</c> at people.csv's row and column, <c>deals[i].…</c>
    /// and <c>collections[j].…</c> at their rows, the plan's year and the defaults' gaps at the plan; together with the
    /// people file's cell problems (an engine error at a cell that already has one is dropped).
    /// </summary>
    /// <param name="error">The engine's exception.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="planPath">The plan's file.</param>
    /// <param name="inputs">The inputs the engine was given.</param>
    /// <param name="deals">The deals, in the engine's order.</param>
    /// <param name="collections">The collections, in the engine's order.</param>
    /// <returns>The exception to throw.</returns>
    public static KamValidationException Locate(KamValidationException error, PayPlan plan, string planPath, PayInputs inputs, IReadOnlyList<DealRecord> deals, IReadOnlyList<CollectionRecord> collections)
    {
        RecordMap[] maps = inputs.People is { } people
            ? [RecordErrors.Deals(deals), RecordErrors.Collections(collections), RecordErrors.Payees(people.Select(p => p.Payee).ToArray(), people.Select(p => p.Source).ToArray())]
            : [RecordErrors.Deals(deals), RecordErrors.Collections(collections)];
        var located = new List<KamValidationError>(inputs.Problems);
        foreach (var e in error.Errors)
        {
            var cell = RecordErrors.Locate(AtPlan(e, plan, planPath, defaults: inputs.People is null), maps);
            if (!located.Any(l => l.Path == cell.Path && (l.AttemptedValue == cell.AttemptedValue || inputs.Problems.Contains(l))))
            {
                located.Add(cell);
            }
        }

        return new KamValidationException(located);
    }

    /// <summary>An engine error about the plan or the defaults, at the plan's member; a deal's currency at its currency cell; others as they are.</summary>
    private static KamValidationError AtPlan(KamValidationError error, PayPlan plan, string planPath, bool defaults)
    {
        if (error.Path == "fiscalYear")
        {
            return new($"{planPath}:$.effectiveFrom", error.Code, plan.EffectiveFrom.ToString("uuuu-MM-dd", null), $"{Lower(error.Message).TrimEnd('.')}, the fiscal year computed (choose it with --period).");
        }

        if (error.Path == "payees" && plan.Components.OfType<TeamBonusComponent>().FirstOrDefault() is { } team)
        {
            return new($"{planPath}:$.components[{IndexOf(plan, team)}]", error.Code, team.Name, $"{Lower(error.Message).TrimEnd('.')}; give the quotas with --people people.csv.");
        }

        if (error is { Code: KamErrorCodes.CurrencyMismatch, Record: { Collection: "deals", Member: "amount" } deal })
        {
            return error with { Path = $"deals[{deal.Index}].currency" };
        }

        if (!defaults || error.Record is not { Collection: "payees" } payee)
        {
            return error;
        }

        if (payee.Member == "annualQuota" && plan.Commission is { Schedule.NeedsQuota: true } commission)
        {
            return new($"{planPath}:$.components[{IndexOf(plan, commission)}].schedule", KamErrorCodes.Required, null, $"the commission schedule uses quota attainment ({commission.Schedule.Description}); give each salesperson's annual_quota with --people people.csv.");
        }

        var kind = payee.Member switch
        {
            "monthlyGrades" => PayComponentKind.PerformancePay,
            "annualGrade" => PayComponentKind.YearEndBonus,
            _ => (PayComponentKind?)null,
        };
        return kind is { } k && Graded(plan, k) is { } graded
            ? new($"{planPath}:$.components[{graded.Index}].gradeFactors", KamErrorCodes.Required, graded.Component.Factors.ToString(), "no grade has the factor 100% to use by default; give the appraisal grades with --people people.csv.")
            : error;
    }

    /// <summary>The payees without a people file: every salesperson of the deals, with no quota and the plan's neutral grades.</summary>
    private static Payee[] DefaultPayees(PayPlan plan, IReadOnlyList<DealRecord> deals)
    {
        var monthly = Graded(plan, PayComponentKind.PerformancePay)?.Component.Factors.NeutralGrade;
        var annual = Graded(plan, PayComponentKind.YearEndBonus)?.Component.Factors.NeutralGrade;
        var months = monthly is null ? null : Enumerable.Repeat(monthly, 12).ToArray();
        return deals.Select(d => d.Salesperson).Distinct().OrderBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => new Payee(p, new Money(0m, plan.Currency), months, annual))
            .ToArray();
    }

    /// <summary>
    /// Reads a grades cell: blank is the component's neutral grade, one grade stands for every month; another count
    /// is a problem of the cell. Whether the grades are the plan's is the engine's check.
    /// </summary>
    private static string[]? Grades(CsvRow row, CsvColumn<string> column, ScaledPayComponent component, int months, List<KamValidationError> problems)
    {
        var text = row.GetOrDefault(column, string.Empty);
        var grades = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (grades.Length == 0)
        {
            if (component.Factors.NeutralGrade is { } neutral)
            {
                return Enumerable.Repeat(neutral, months).ToArray();
            }

            problems.Add(new KamValidationError(row.Location(column), KamErrorCodes.Required, null, $"'{component.Name}' needs a grade here: the plan has no 100% grade to default to ({component.Factors})."));
            return null;
        }

        if (grades.Length != 1 && grades.Length != months)
        {
            problems.Add(new KamValidationError(row.Location(column), KamErrorCodes.InvalidFormat, text, $"give 12 grades separated by spaces (M01 first) or one grade for every month; found {grades.Length}."));
            return null;
        }

        return grades.Length == months ? grades : Enumerable.Repeat(grades[0], months).ToArray();
    }

    private static string Lower(string message) => message.Length > 0 && char.IsUpper(message[0]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

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
