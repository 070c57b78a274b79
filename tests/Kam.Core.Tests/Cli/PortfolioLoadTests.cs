using Kam.Cli.Features.Portfolio;
using Kam.Cli.Hosting;
using Kam.Cli.Reporting;
using Kam.Core.Portfolio.Review;

namespace Kam.Core.Tests.Cli;

/// <summary>The folder <c>kam init DIR --sample</c> writes, once for the class (the loader and the commands read it, never change it).</summary>
public sealed class SampleFolder : IDisposable
{
    private readonly TempFolder _temp = new();

    public SampleFolder()
    {
        var (exit, _, err) = CliHarness.Run("init", _temp.Path, "--sample");
        Assert.True(exit == 0, err);
    }

    /// <summary>Gets the folder.</summary>
    public string Path => _temp.Path;

    public void Dispose() => _temp.Dispose();
}

/// <summary>The loader of <c>kam portfolio</c> and <c>kam review</c>: a folder of the standard files → the account review's sources, as of one day.</summary>
public sealed class PortfolioLoadTests(SampleFolder sample) : IClassFixture<SampleFolder>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_sample_folder_gives_every_part_but_the_tier_changes()
    {
        var warnings = new List<string>();
        var data = Load(sample.Path, warnings);

        Assert.Empty(warnings);
        Assert.Equal(new NodaTime.LocalDate(2026, 6, 30), data.AsOf); // the sample's last day
        Assert.Equal(Currency.CNY, data.Currency);
        var absent = Assert.Single(data.Absent);
        Assert.Equal(ReviewPart.TierChanges, absent.Part); // accounts.csv holds one period
        Assert.Equal([ReviewPart.TierChanges], data.Sources.AbsentParts);
        Assert.Equal(200, data.Sources.Accounts.Count);
        Assert.Contains(data.FilesRead, f => f.EndsWith("invoices.csv", StringComparison.Ordinal));
        Assert.Contains(data.FilesRead, f => f.EndsWith("tier-policy.json", StringComparison.Ordinal));

        // C175 owes 905,500 against a limit of 700,000 (kam receivables, kam demo): 129% of it.
        var review = new AccountReviewer(data.Sources).Review(AccountId.Parse("C175"));
        Assert.Equal(905_500d / 700_000d, review.Signal("receivables.creditUsed")!.Value, 9);
        Assert.Contains(review.Risks, r => r.Rule.Code == "credit-limit-exceeded");
        Assert.NotNull(review.Owner);
        Assert.NotNull(review.Tier);

        // Its credit-risk alerts reach the tiering's credit gate (credit_ok is yes in accounts.csv).
        var credit = Kam.Cli.Features.Tier.TierTables.Credit(data.Tiering);
        var row = Assert.Single(credit.Rows, r => (string?)r[0] == "C175");
        Assert.Equal("LimitExceeded SeverelyOverdue", row[2]);
        Assert.Equal(true, row[7]); // credit_ok
        Assert.Equal(false, row[8]); // not a key account
        Assert.Equal(7, credit.Rows.Count);
    }

    [Fact]
    public void A_folder_with_only_accounts_csv_lists_every_other_part_absent_with_why()
    {
        File.Copy(System.IO.Path.Combine(sample.Path, "accounts.csv"), _temp.File("accounts.csv"));
        var data = Load(_temp.Path, []);

        Assert.Equal([_temp.File("accounts.csv")], data.FilesRead);
        Assert.Equal([ReviewPart.Tiering, ReviewPart.Profitability], data.Sources.PresentParts);
        Assert.Equal(
            [ReviewPart.TierChanges, ReviewPart.Attainment, ReviewPart.Plans, ReviewPart.Pipeline, ReviewPart.WinLoss, ReviewPart.LifetimeValue, ReviewPart.Coverage, ReviewPart.Health, ReviewPart.Compliance, ReviewPart.Receivables],
            data.Absent.Select(a => a.Part).ToArray());
        Assert.Equal("no invoices.csv, no payments.csv", data.WhyAbsent(ReviewPart.Receivables));
        Assert.Equal("no organization.json, no targets.json, no plans.json", data.WhyAbsent(ReviewPart.Plans));
        Assert.Equal("no transactions.csv", data.WhyAbsent(ReviewPart.LifetimeValue));
        Assert.Null(data.Hierarchy);
        Assert.Equal(data.Accounts.LastOrder.ToArray().Max(), data.AsOf); // the latest day of the one file
    }

    [Fact]
    public void A_broken_file_is_one_located_error_and_exit_2()
    {
        foreach (var file in Directory.GetFiles(sample.Path))
        {
            File.Copy(file, _temp.File(System.IO.Path.GetFileName(file)));
        }

        var invoices = File.ReadAllLines(_temp.File("invoices.csv"));
        var header = Array.FindIndex(invoices, l => !l.StartsWith('#'));
        var amount = Array.IndexOf(invoices[header].Split(','), "amount");
        var row = header + 3; // the third invoice
        var fields = invoices[row].Split(',');
        fields[amount] = "lots";
        invoices[row] = string.Join(',', fields);
        File.WriteAllLines(_temp.File("invoices.csv"), invoices);

        var error = Assert.Throws<KamValidationException>(() => Load(_temp.Path, []));
        var problem = Assert.Single(error.Errors);
        Assert.Equal($"{_temp.File("invoices.csv")}:{row + 1}:{amount + 1}", problem.Path);
        var (exit, _, err) = CliHarness.Run("portfolio", _temp.Path);
        Assert.Equal(2, exit);
        Assert.Contains($"invoices.csv:{row + 1}:{amount + 1}", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_accounts_csv_the_folder_is_refused()
    {
        _temp.Write("events.csv", "x\n");
        var error = Assert.Throws<KamValidationException>(() => Load(_temp.Path, []));
        Assert.Contains("accounts.csv", error.Errors[0].Message, StringComparison.Ordinal);
    }

    private static PortfolioData Load(string folder, List<string> warnings)
    {
        using var services = new CliServices();
        return PortfolioLoad.Load(new PortfolioFolder(folder, null, null, OutputFormat.Table, null), services, warnings.Add);
    }
}
