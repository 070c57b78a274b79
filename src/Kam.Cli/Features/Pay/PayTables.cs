using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using Kam.Core.Compensation;

namespace Kam.Cli.Features.Pay;

/// <summary>The result tables of <c>kam pay</c> and of the demo's pay part: totals per component group, and statement lines with their arithmetic.</summary>
internal static class PayTables
{
    /// <summary>The amount columns of a totals table, in order: base, performance, commission, bonus, allowances, total.</summary>
    public static IReadOnlyList<ResultColumn> AmountColumns { get; } =
    [
        ResultColumn.Number("base", "N2"),
        ResultColumn.Number("performance", "N2"),
        ResultColumn.Number("commission", "N2"),
        ResultColumn.Number("bonus", "N2"),
        ResultColumn.Number("allowances", "N2"),
        ResultColumn.Number("total", "N2"),
    ];

    /// <summary>Selects the statements that fall in a period: the months inside it, and the year-end settlement when the period ends with the year.</summary>
    /// <param name="result">The year's pay run.</param>
    /// <param name="period">The period shown.</param>
    /// <returns>The statements, per payee in run order.</returns>
    public static IEnumerable<PayStatement> Within(PayrollResult result, FiscalPeriod period) =>
        result.Statements.Where(s => s.Kind == StatementKind.Monthly ? period.Contains(s.Period) : period.End == result.Year.End);

    /// <summary>Sums statements into the amount columns: base salary; performance pay; commission (with clawbacks, draws and true-up); year-end and team bonuses; uniform benefits and allowances; total.</summary>
    /// <param name="statements">The statements.</param>
    /// <returns>Six amounts, in the order of <see cref="AmountColumns"/>.</returns>
    public static object?[] Amounts(IEnumerable<PayStatement> statements)
    {
        var sums = new decimal[6];
        foreach (var line in statements.SelectMany(s => s.Lines))
        {
            var column = line.Kind switch
            {
                PayComponentKind.BaseSalary => 0,
                PayComponentKind.PerformancePay => 1,
                PayComponentKind.Commission => 2,
                PayComponentKind.YearEndBonus or PayComponentKind.TeamBonus => 3,
                _ => 4,
            };
            sums[column] += line.Amount.Amount;
            sums[5] += line.Amount.Amount;
        }

        return sums.Cast<object?>().ToArray();
    }

    /// <summary>The totals table: one row per statement.</summary>
    /// <param name="statements">The statements shown.</param>
    /// <param name="title">The table's title.</param>
    /// <returns>The table.</returns>
    public static ResultTable Totals(IEnumerable<PayStatement> statements, string title)
    {
        var table = new ResultTable("pay_totals", title, [ResultColumn.Text("person"), ResultColumn.Text("period"), ResultColumn.Text("statement"), .. AmountColumns]);
        foreach (var statement in statements)
        {
            table.Add([statement.Person.Value, statement.Period.ToString(), Kind(statement), .. Amounts([statement])]);
        }

        return table;
    }

    /// <summary>The lines table: every line of every statement, with the terms its amount is the rounded sum of.</summary>
    /// <param name="statements">The statements shown.</param>
    /// <param name="title">The table's title.</param>
    /// <returns>The table.</returns>
    public static ResultTable Lines(IEnumerable<PayStatement> statements, string title)
    {
        var table = new ResultTable(
            "pay_lines",
            title,
            ResultColumn.Text("person"),
            ResultColumn.Text("period"),
            ResultColumn.Text("component"),
            ResultColumn.Text("inputs (quantity × factor, summed)"),
            ResultColumn.Number("amount", "N2"));
        foreach (var statement in statements)
        {
            foreach (var line in statement.Lines)
            {
                table.Add(statement.Person.Value, statement.Period.ToString(), line.Component, Inputs(line), line.Amount.Amount);
            }
        }

        return table;
    }

    /// <summary>The deals collected beyond their amount, kept under <c>--allow-overcollection</c>: one row per deal.</summary>
    /// <param name="deals">The deals.</param>
    /// <returns>The table.</returns>
    public static ResultTable Overcollected(IEnumerable<Overcollection> deals)
    {
        var table = new ResultTable(
            "overcollected",
            "Warning: deals collected beyond their amount (--allow-overcollection; commission on collections includes the excess)",
            ResultColumn.Text("deal"),
            ResultColumn.Text("cell"),
            ResultColumn.Number("amount", "N2"),
            ResultColumn.Number("collected", "N2"),
            ResultColumn.Number("excess", "N2"),
            ResultColumn.Text("currency"));
        foreach (var deal in deals)
        {
            table.Add(deal.DealId, deal.AmountCell, deal.Amount.Amount, deal.Collected.Amount, deal.Collected.Amount - deal.Amount.Amount, deal.Amount.Currency.Code);
        }

        return table;
    }

    /// <summary>The workbook of <c>kam pay --format xlsx</c>: a summary sheet (the totals), one statement sheet per person (their lines, named by the person), and the over-collected deals if any.</summary>
    /// <param name="totals">The totals table.</param>
    /// <param name="lines">The lines table (person in its first column).</param>
    /// <param name="overcollected">The over-collected deals, or <see langword="null"/>.</param>
    /// <returns>The sheets, in order.</returns>
    public static IReadOnlyList<(string Name, ResultTable Table)> Workbook(ResultTable totals, ResultTable lines, ResultTable? overcollected)
    {
        var sheets = new List<(string Name, ResultTable Table)> { ("summary", totals) };
        foreach (var person in lines.Rows.GroupBy(r => ResultTable.Raw(r[0]), StringComparer.Ordinal))
        {
            var statement = new ResultTable("statement", $"Pay statement of {person.Key}", [.. lines.Columns]);
            foreach (var row in person)
            {
                statement.Add(row);
            }

            sheets.Add((person.Key, statement));
        }

        if (overcollected is not null)
        {
            sheets.Add(("overcollected", overcollected));
        }

        return sheets;
    }

    /// <summary>A line's terms as text: <c>label: quantity × factor + …</c>.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The text.</returns>
    public static string Inputs(PayLine line) => string.Join(" + ", line.Terms.Select(t => t.ToString()));

    private static string Kind(PayStatement statement) => statement.Kind == StatementKind.YearEnd ? "year end" : "monthly";
}
