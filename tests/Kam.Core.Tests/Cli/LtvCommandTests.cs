using System.Globalization;
using System.Text;
using System.Text.Json;
using Kam.Cli;
using Kam.Core.Tests.Value;

namespace Kam.Core.Tests.Cli;

/// <summary><c>kam ltv</c> end to end: each model on a generated transactions file, the report, unusable data, CDNOW.</summary>
public sealed class LtvCommandTests
{
    private const int Customers = 300;

    /// <summary>
    /// 300 customers over two years, BG/NBD-shaped (Poisson buying with a gamma-distributed rate, a uniform chance to
    /// drop out after each purchase; a third joining during the window), spend Gamma-Gamma-shaped (each purchase
    /// Gamma(4, ν), ν ~ Gamma(3, 50)), or the same amount at every purchase of a customer when <paramref name="fixedSpend"/>.
    /// </summary>
    private static string GeneratedTransactions(bool fixedSpend = false)
    {
        var random = new Random(20260630);
        var start = new DateOnly(2024, 7, 1);
        var text = new StringBuilder("customer_id,date,amount,currency\n");
        for (var i = 1; i <= Customers; i++)
        {
            var perWeek = Gamma(random, 1.2) / 6;   // r = 1.2, alpha = 6
            var dropout = random.NextDouble() * 0.3;
            var nu = Gamma(random, 3) / 50;
            var day = random.NextDouble() < 0.3 ? random.Next(0, 600) : random.Next(0, 60);
            while (day < 730)
            {
                var amount = (fixedSpend ? 4 : Gamma(random, 4)) / nu;
                text.Append(CultureInfo.InvariantCulture, $"C{i:0000},{start.AddDays(day):yyyy-MM-dd},{amount:0.00},CNY\n");
                if (random.NextDouble() < dropout)
                {
                    break;
                }

                day += 1 + (int)(-Math.Log(1 - random.NextDouble()) * 7 / perWeek);
            }
        }

        return text.ToString();
    }

    // Gamma(shape, 1) by Marsaglia-Tsang (shape >= 1).
    private static double Gamma(Random random, double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            if (Math.Log(1 - random.NextDouble()) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    [Theory]
    [InlineData("bgnbd", new[] { "BG/NBD", "Gamma-Gamma" })]
    [InlineData("pareto", new[] { "Pareto/NBD", "Gamma-Gamma" })]
    [InlineData("sbg", new[] { "sBG" })]
    public void Each_model_fits_and_predicts_every_customer_in_json(string model, string[] fitted)
    {
        using var folder = new TempFolder();
        var file = folder.Write("transactions.csv", GeneratedTransactions());

        var (exit, output, error) = CliHarness.Run("ltv", file, "--model", model, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var json = Json(output);
        var fit = json.GetProperty("fit").EnumerateArray().ToArray();
        Assert.Equal(fitted, fit.Select(r => r.GetProperty("model").GetString()).Distinct());
        Assert.All(fit, r => Assert.True(r.GetProperty("converged").GetBoolean()));
        Assert.All(fit, r => Assert.True(r.GetProperty("estimate").GetDouble() > 0));
        Assert.All(fit, r => Assert.True(r.GetProperty("log_likelihood").GetDouble() < 0));
        var customers = json.GetProperty("customers").EnumerateArray().ToArray();
        Assert.Equal(Customers, customers.Length);
        Assert.Equal(Customers, customers.Select(c => c.GetProperty("customer").GetString()).Distinct().Count());
        Assert.All(customers, c => Assert.InRange(c.GetProperty("p_alive").GetDouble(), 0, 1));
        Assert.All(customers, c => Assert.True(c.GetProperty("lifetime_value").GetDecimal() >= 0));
        Assert.All(customers, c => Assert.True(c.GetProperty("lifetime_value").GetDecimal() <= c.GetProperty("expected_spend").GetDecimal()));
        var values = customers.Select(c => c.GetProperty("lifetime_value").GetDecimal()).ToArray();
        Assert.Equal(values.OrderByDescending(v => v), values);
        var totals = json.GetProperty("totals")[0];
        Assert.Equal(Customers, totals.GetProperty("customers").GetInt32());
        Assert.Equal(values.Sum(), totals.GetProperty("lifetime_value").GetDecimal(), 0);
    }

    [Theory]
    [InlineData("bgnbd")]
    [InlineData("sbg")]
    public void Csv_output_parses_back_with_one_row_per_customer(string model)
    {
        using var folder = new TempFolder();
        var file = folder.Write("transactions.csv", GeneratedTransactions());

        var (exit, output, _) = CliHarness.Run("ltv", file, "-m", model, "-f", "csv");

        Assert.Equal(0, exit);
        var sections = output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim('\n').Split('\n')).ToDictionary(s => s[0], s => s[1..]);
        Assert.Equal(["#fit", "#customers", "#totals"], sections.Keys);
        var header = sections["#customers"][0].Split(',');
        Assert.Equal(["customer", "first_purchase", "last_purchase", "purchases", "spend", "p_alive", "expected_purchases", "expected_spend", "lifetime_value"], header);
        var rows = sections["#customers"][1..].Select(l => l.Split(',')).ToArray();
        Assert.Equal(Customers, rows.Length);
        Assert.All(rows, r => Assert.InRange(double.Parse(r[5], CultureInfo.InvariantCulture), 0, 1));
        Assert.All(rows, r => Assert.True(DateOnly.ParseExact(r[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) <= DateOnly.ParseExact(r[2], "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Table_output_shows_the_fit_the_customers_and_the_totals()
    {
        using var folder = new TempFolder();
        var file = folder.Write("transactions.csv", GeneratedTransactions());

        var (exit, output, _) = CliHarness.Run("ltv", file, "--horizon", "24", "--as-of", "2026-06-30");

        Assert.Equal(0, exit);
        Assert.Contains("Maximum-likelihood fit (time unit: weeks):", output);
        Assert.Contains("Customers as of 2026-06-30, next 24 months, discounted at 10% a year (CNY):", output);
        Assert.Contains("BG/NBD + Gamma-Gamma", output);
    }

    [Fact]
    public void Without_discounting_lifetime_value_is_the_expected_spend_and_a_longer_horizon_is_worth_more()
    {
        using var folder = new TempFolder();
        var file = folder.Write("transactions.csv", GeneratedTransactions());
        JsonElement Totals(params string[] options) => Json(CliHarness.Run(["ltv", file, "-f", "json", .. options]).Out).GetProperty("totals")[0];

        var undiscounted = Totals("--discount-rate", "0%");
        var year = Totals();
        var twoYears = Totals("--horizon", "24");

        Assert.Equal(undiscounted.GetProperty("expected_spend").GetDecimal(), undiscounted.GetProperty("lifetime_value").GetDecimal(), 0);
        Assert.True(year.GetProperty("lifetime_value").GetDecimal() < undiscounted.GetProperty("lifetime_value").GetDecimal());
        Assert.True(twoYears.GetProperty("lifetime_value").GetDecimal() > year.GetProperty("lifetime_value").GetDecimal());
    }

    [Fact]
    public void Fitting_shows_a_progress_bar_on_a_terminal_only()
    {
        using var folder = new TempFolder();
        var file = folder.Write("transactions.csv", GeneratedTransactions());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = KamApp.Run(["ltv", file, "-f", "csv"], output, error, interactive: true);

        Assert.Equal(0, exit);
        Assert.Contains("fitting BG/NBD", error.ToString());
        Assert.Contains("fitting Gamma-Gamma", error.ToString());
        Assert.DoesNotContain("fitting", output.ToString());
        Assert.Equal(string.Empty, CliHarness.Run("ltv", file, "-f", "csv").Err);
    }

    [Theory]
    [InlineData("bgnbd")]
    [InlineData("sbg")]
    public void Out_writes_the_report_with_the_survival_curve_and_the_value_histogram(string model)
    {
        using var folder = new TempFolder();
        var file = folder.Write("transactions.csv", GeneratedTransactions());
        var report = folder.File("report.html");

        var (exit, _, _) = CliHarness.Run("ltv", file, "-m", model, "--out", report);

        Assert.Equal(0, exit);
        var html = File.ReadAllText(report);
        Assert.Contains("Retention and lifetime value", html);
        Assert.Contains("data-chart=\"line\"", html);
        Assert.Contains("data-chart=\"histogram\"", html);
        Assert.Contains("Share of new customers expected still active", html);
        Assert.Equal(model == "sbg", html.Contains("observed (quarterly cohorts)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bgnbd", "few", "9 customers bought by")]
    [InlineData("pareto", "one-purchase", "0 of 40 customers made a repeat purchase")]
    [InlineData("sbg", "last-quarter", "no renewal is observed")]
    public void Data_a_model_cannot_use_is_refused_with_a_clear_message_and_nothing_written(string model, string data, string message)
    {
        using var folder = new TempFolder();
        var rows = data switch
        {
            "few" => Enumerable.Range(1, 9).SelectMany(i => new[] { $"C{i},2026-01-0{i},100", $"C{i},2026-03-0{i},120" }),
            "one-purchase" => Enumerable.Range(1, 40).Select(i => $"C{i},2025-{1 + (i % 12):00}-15,100"),
            _ => Enumerable.Range(1, 40).SelectMany(i => new[] { $"C{i},2026-05-{1 + (i % 28):00},100", $"C{i},2026-06-29,50" }),
        };
        var file = folder.Write("bad.csv", "customer_id,date,amount\n" + string.Join("\n", rows) + "\n");
        var report = folder.File("report.html");

        var (exit, output, error) = CliHarness.Run("ltv", file, "-m", model, "--out", report);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(file + ": ", error);
        Assert.Contains("cannot be fitted", error);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(report));
    }

    [Fact]
    public void A_fit_that_does_not_converge_is_reported_not_hidden()
    {
        // Every customer pays the same amount at each purchase: the Gamma-Gamma spend model has no within-customer
        // variation to fit, its likelihood keeps rising as p grows, so the optimizer ends at the edge of the parameter space.
        using var folder = new TempFolder();
        var file = folder.Write("fixed.csv", GeneratedTransactions(fixedSpend: true));

        var (exit, output, error) = CliHarness.Run("ltv", file, "-f", "json");

        Assert.Equal(0, exit);
        Assert.StartsWith("kam: warning: the Gamma-Gamma fit did not converge", error);
        var fit = Json(output).GetProperty("fit").EnumerateArray().ToArray();
        Assert.All(fit.Where(r => r.GetProperty("model").GetString() == "Gamma-Gamma"), r => Assert.False(r.GetProperty("converged").GetBoolean()));
        Assert.All(fit.Where(r => r.GetProperty("model").GetString() == "BG/NBD"), r => Assert.True(r.GetProperty("converged").GetBoolean()));
    }

    [Fact]
    public void Predictions_a_degenerate_fit_cannot_make_are_refused_naming_the_file()
    {
        // Clockwork buyers with the same gaps: the BG/NBD estimates run to the edge where its predictions cannot be computed.
        using var folder = new TempFolder();
        var rows = Enumerable.Range(1, 60).SelectMany(i => Enumerable.Range(0, 1 + (i % 4)).Select(k => $"C{i},{new DateOnly(2025, 1, 1).AddDays((i * 3) + (k * (20 + i))):yyyy-MM-dd},100"));
        var file = folder.Write("flat.csv", "customer_id,date,amount\n" + string.Join("\n", rows) + "\n");

        var (exit, output, error) = CliHarness.Run("ltv", file);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(file + ": BG/NBD cannot be fitted: its predictions cannot be computed at the estimates", error);
    }

    [Fact]
    public void Cdnow_through_the_command_reproduces_the_published_estimates()
    {
        // The CDNOW sample log (2,357 customers) written as transactions.csv, calibration to 1997-09-30 (39 weeks).
        var log = CdnowLog.ReadSample();
        using var folder = new TempFolder();
        var file = folder.Write("cdnow.csv", "customer_id,date,amount,currency\n" + string.Join("\n", log.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.CustomerId},{t.Date:yyyy-MM-dd},{t.Amount},USD"))) + "\n");

        // The log holds rows identical in every cell (separate orders of one customer, day and amount): refused by
        // default, kept with --keep-duplicates, as the published fits count them.
        var duplicates = log.Count - log.Select(t => (t.CustomerId, t.Date, t.Amount)).Distinct().Count();
        Assert.True(duplicates > 0);
        var refused = CliHarness.Run("ltv", file, "--as-of", "1997-09-30");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("the row is identical in every cell to line", refused.Err, StringComparison.Ordinal);
        Dictionary<string, double> Estimates(string model)
        {
            var (exit, output, error) = CliHarness.Run("ltv", file, "-m", model, "--as-of", "1997-09-30", "-f", "json", "--keep-duplicates");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            var json = Json(output);
            Assert.Equal(2357, json.GetProperty("customers").GetArrayLength());
            return json.GetProperty("fit").EnumerateArray().ToDictionary(r => r.GetProperty("model").GetString() + "." + r.GetProperty("parameter").GetString(), r => r.GetProperty("estimate").GetDouble());
        }

        var bgnbd = Estimates("bgnbd");
        Assert.Equal(0.243, Math.Round(bgnbd["BG/NBD.r"], 3));
        Assert.Equal(4.414, Math.Round(bgnbd["BG/NBD.alpha"], 3));
        Assert.Equal(0.793, Math.Round(bgnbd["BG/NBD.a"], 3));
        Assert.Equal(2.426, Math.Round(bgnbd["BG/NBD.b"], 3));
        Assert.Equal(6.25, Math.Round(bgnbd["Gamma-Gamma.p"], 2));
        Assert.Equal(3.74, Math.Round(bgnbd["Gamma-Gamma.q"], 2));
        Assert.Equal(15.44, Math.Round(bgnbd["Gamma-Gamma.gamma"], 2));
        var pareto = Estimates("pareto");
        Assert.Equal(0.553, Math.Round(pareto["Pareto/NBD.r"], 3));
        Assert.Equal(10.58, Math.Round(pareto["Pareto/NBD.alpha"], 2));
        Assert.Equal(0.606, Math.Round(pareto["Pareto/NBD.s"], 3));
        Assert.Equal(11.67, Math.Round(pareto["Pareto/NBD.beta"], 2));
    }

    [Fact]
    public void Demo_values_the_sample_and_keeps_the_seed_retention_statements()
    {
        var (exit, output, _) = CliHarness.Run("demo");

        Assert.Equal(0, exit);
        Assert.Contains("Lifetime value: BG/NBD + Gamma-Gamma", output);
        Assert.Contains("top 10 of ", output);
        Assert.Matches(@"Largest account C\d+ ranks #\d+ by contribution; the most profitable is C\d+ \(#\d+ by revenue\)\. \d+ of 200 accounts lose money", output);
        Assert.Contains("Halving the loss rate (80% -> 90% retained): lifetime x2,", output);
        Assert.Contains("profit +100%", output);
        Assert.Contains("distribution +45% -> 83.9%", output);
    }
}
