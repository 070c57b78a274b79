using Kam.Cli.Data;
using Kam.Cli.Features.Init;
using Kam.Cli.Features.Ltv;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Tier;
using Kam.Cli.Reporting;
using NodaTime;

namespace Kam.Core.Tests.Cli;

/// <summary>End-to-end runs of the four engine commands' argument and input handling (the engines are stubbed).</summary>
public sealed class CommandInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public CommandInputTests()
    {
        foreach (var template in InitTemplates.InputFiles)
        {
            _temp.Write(template.FileName, template.Content);
        }

        _temp.Write("plan.json", "{}");
        _temp.Write("policy.json", "{}");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Tier_reads_the_accounts_and_hands_the_options_to_its_engine()
    {
        var (exit, output, error, request) = CliHarness.RunWithEngineCommands("tier", _temp.File("accounts.csv"), "--policy", _temp.File("policy.json"), "--format", "json", "--out", _temp.File("r.html"));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var tier = Assert.IsType<TierRequest>(request);
        Assert.Equal(3, tier.Accounts.Count);
        Assert.Equal(OutputFormat.Json, tier.Format);
        Assert.Equal(_temp.File("policy.json"), tier.PolicyPath);
        Assert.Equal(_temp.File("r.html"), tier.ReportPath);
        Assert.Contains("TierRequest", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_groups_events_into_opportunities_and_defaults_the_view_day_to_the_latest_event()
    {
        var (exit, _, error, request) = CliHarness.RunWithEngineCommands("pipeline", _temp.File("events.csv"), "--period", "month", "--fiscal-year-start", "4");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var pipeline = Assert.IsType<PipelineRequest>(request);
        Assert.Equal(2, pipeline.Opportunities.Count);
        Assert.Equal(3, pipeline.Opportunities[0].Events.Count);
        Assert.Equal(OpportunityEventKind.Procurement, pipeline.Opportunities[0].Events[^1].Kind);
        Assert.Equal(OpportunityEventKind.Lost, pipeline.Opportunities[1].Events[0].Kind);
        Assert.Equal("price", pipeline.Opportunities[1].Events[0].Reason);
        Assert.Equal(new LocalDate(2026, 3, 6), pipeline.AsOf);
        Assert.Equal(PeriodKind.Month, pipeline.ForecastPeriod);
        Assert.Equal(4, pipeline.Calendar.FirstMonth);
    }

    [Fact]
    public void Pay_reads_deals_and_collections_and_parses_the_period()
    {
        var (exit, _, _, request) = CliHarness.RunWithEngineCommands("pay", _temp.File("plan.json"), _temp.File("deals.csv"), _temp.File("collections.csv"), "--period", "FY2026-Q2");
        Assert.Equal(0, exit);
        var pay = Assert.IsType<PayRequest>(request);
        Assert.Equal(2, pay.Deals.Count);
        Assert.Equal(3, pay.Collections.Count);
        Assert.Equal(PeriodKind.Quarter, pay.Period!.Value.Kind);
        Assert.Equal(Percentage.FromPercent(22.5m), pay.Deals[0].GrossMargin);
    }

    [Fact]
    public void Ltv_reads_transactions_and_its_model_options()
    {
        var (exit, _, _, request) = CliHarness.RunWithEngineCommands("ltv", _temp.File("transactions.csv"), "--model", "sbg", "--horizon", "24", "--discount-rate", "8%");
        Assert.Equal(0, exit);
        var ltv = Assert.IsType<LtvRequest>(request);
        Assert.Equal(3, ltv.Transactions.Count);
        Assert.Equal(LtvModel.Sbg, ltv.Model);
        Assert.Equal(24, ltv.HorizonMonths);
        Assert.Equal(Percentage.FromPercent(8m), ltv.AnnualDiscountRate);
        Assert.Equal(new LocalDate(2025, 3, 2), ltv.CalibrationEnd);
    }

    [Theory]
    [InlineData("missing-column", "account_id,name,currency,revenue\nA1,x,CNY,1\n", ":1", "gross_profit")]
    [InlineData("bad-date", "account_id,name,currency,revenue,gross_profit,last_order\nA1,x,CNY,1,1,30/06/2026\n", ":2:6", "yyyy-MM-dd")]
    [InlineData("bad-number", "account_id,name,currency,revenue,gross_profit\nA1,x,CNY,1,1\nA2,y,CNY,12k,1\n", ":3:4", "not a number")]
    public void Bad_files_exit_2_with_one_message_naming_file_line_and_column_and_print_nothing(string name, string csv, string location, string hint)
    {
        var path = _temp.Write(name + ".csv", csv);
        var (exit, output, error, request) = CliHarness.RunWithEngineCommands("tier", path, "--out", _temp.File(name + ".html"));
        Assert.Equal(2, exit);
        Assert.Null(request);
        Assert.Equal(string.Empty, output);
        Assert.Contains(path + location + ":", error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File(name + ".html")));
    }

    [Fact]
    public void A_collection_of_an_unknown_deal_is_reported_in_the_collections_file()
    {
        var collections = _temp.Write("bad-collections.csv", "deal_id,collected_on,amount,currency\nD-0001,2026-05-20,1,CNY\nD-9999,2026-05-21,1,CNY\n");
        var (exit, _, error, _) = CliHarness.RunWithEngineCommands("pay", _temp.File("plan.json"), _temp.File("deals.csv"), collections);
        Assert.Equal(2, exit);
        Assert.Contains(collections + ":3:1:", error, StringComparison.Ordinal);
        Assert.Contains("D-9999", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pipeline", "--as-of", "2026-13-01", "--as-of")]
    [InlineData("ltv", "--discount-rate", "8", "--discount-rate")]
    [InlineData("tier", "--policy", "no-such-policy.json", "no-such-policy.json")]
    public void Bad_option_values_are_input_errors_with_exit_2(string command, string option, string value, string named)
    {
        var input = command switch { "pipeline" => "events.csv", "ltv" => "transactions.csv", _ => "accounts.csv" };
        var (exit, _, error, _) = CliHarness.RunWithEngineCommands(command, _temp.File(input), option, value);
        Assert.Equal(2, exit);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ltv", "transactions.csv", "--model", "gamma")]
    [InlineData("tier", "accounts.csv", "--format", "xml")]
    [InlineData("pipeline", "events.csv", "--fiscal-year-start", "13")]
    public void Command_line_syntax_errors_exit_1(string command, string input, string option, string value)
    {
        var (exit, _, error, request) = CliHarness.RunWithEngineCommands(command, _temp.File(input), option, value);
        Assert.Equal(1, exit);
        Assert.Null(request);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public void Reading_shows_a_progress_bar_on_a_terminal_that_clears_itself_and_nothing_when_redirected()
    {
        var rows = string.Concat(Enumerable.Range(0, 9000).Select(i => $"C{i % 50},2025-{1 + (i % 12):00}-15,{100 + i}\n"));
        var path = _temp.Write("big.csv", "customer_id,date,amount\n" + rows);

        var terminal = CliHarness.RunWithEngineCommands(interactive: true, "ltv", path);
        Assert.Equal(0, terminal.Exit);
        Assert.Contains("\rreading big.csv [", terminal.Err, StringComparison.Ordinal);
        Assert.Contains("] 100%", terminal.Err, StringComparison.Ordinal);
        Assert.EndsWith("\r", terminal.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("reading", terminal.Out, StringComparison.Ordinal);

        var redirected = CliHarness.RunWithEngineCommands(interactive: false, "ltv", path);
        Assert.Equal(string.Empty, redirected.Err);
        Assert.Equal(9000, Assert.IsType<LtvRequest>(redirected.Request).Transactions.Count);
    }

    [Fact]
    public void A_missing_input_file_exits_2()
    {
        var (exit, _, error, _) = CliHarness.RunWithEngineCommands("ltv", _temp.File("nothing.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }
}
