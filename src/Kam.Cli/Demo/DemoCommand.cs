using System.CommandLine;
using System.Globalization;
using Kam.Cli.Commands;
using Kam.Cli.Demo.Sample;
using Kam.Cli.Output;
using Kam.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Demo;

/// <summary><c>kam demo</c>: runs the engines on the embedded sample portfolio and prints the results as tables.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output)
    {
        var report = CommonOptions.Out();
        var command = new Command("demo", "Run every engine on the embedded sample portfolio and print the results.") { report };
        command.SetAction(parse => Run(output, CommonOptions.RequireWritableTarget(parse.GetValue(report))));
        return command;
    }

    private static int Run(TextWriter output, string? reportPath)
    {
        // The CLI is the reference host: it resolves the engines the way an embedding application does.
        using var services = new ServiceCollection()
            .AddKamCore(options => options.FiscalYearStartMonth = 1)
            .BuildServiceProvider();
        var calendar = services.GetRequiredService<FiscalCalendar>();
        var portfolio = SamplePortfolio.Load();
        var currency = portfolio.Currency;

        output.WriteLine($"{portfolio.Name} — as of {portfolio.AsOf:yyyy-MM-dd} ({calendar.PeriodOf(portfolio.AsOf, PeriodKind.Quarter)}, {calendar})");
        output.WriteLine();
        WritePortfolio(output, portfolio, currency, calendar);
        if (reportPath is not null)
        {
            AtomicFile.WriteAllText(reportPath, DemoReport.Build(portfolio, SampleGenerator.Generate()).Render());
        }

        return KamApp.Ok;
    }

    private static void WritePortfolio(TextWriter output, SamplePortfolio portfolio, Currency currency, FiscalCalendar calendar)
    {
        var revenue = portfolio.Accounts.Select(a => new Money(a.Revenue, currency)).Sum(currency);
        var contribution = portfolio.Accounts.Select(a => new Money(a.GrossProfit - a.CostToServe, currency)).Sum(currency);

        output.WriteLine("Accounts by revenue (contribution = gross profit - cost to serve):");
        var table = new TextTable("#>", "account", "name", "industry", "revenue>", "share>", "cumulative>", "contribution>", "last order");
        var cumulative = 0m;
        var rank = 0;
        foreach (var account in portfolio.Accounts.OrderByDescending(a => a.Revenue).ThenBy(a => a.Id))
        {
            var share = Percentage.FromFraction(account.Revenue / revenue.Amount);
            cumulative += account.Revenue;
            var margin = new Money(account.GrossProfit - account.CostToServe, currency);
            table.Add(
                ++rank,
                account.Id,
                account.Name,
                account.Industry,
                account.Revenue.ToString("N0", CultureInfo.InvariantCulture),
                share.ToString("0.0", CultureInfo.InvariantCulture),
                Percentage.FromFraction(cumulative / revenue.Amount).ToString("0.0", CultureInfo.InvariantCulture),
                margin.Amount.ToString("N0", CultureInfo.InvariantCulture),
                calendar.PeriodOf(account.LastOrder, PeriodKind.Quarter));
        }

        table.Write(output);
        output.WriteLine();
        output.WriteLine($"Total revenue {revenue.ToString("N0", CultureInfo.InvariantCulture)}, total contribution {contribution.ToString("N0", CultureInfo.InvariantCulture)} over {portfolio.Accounts.Count} accounts.");
    }
}
