using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Tiering;

public sealed class KeyAccountProgramTests
{
    private static readonly KeyAccountProgramEngine Engine = new();

    [Fact]
    public void Department_is_considered_at_50_million_sales_or_6_key_customers()
    {
        var small = Engine.Advise(Money.Of(20_000_000m, "CNY"), 4, CompanySize.Small);
        Assert.False(small.ConsiderDepartment);
        Assert.Equal(ProgramForm.CrossFunctionalTeam, small.Form);
        Assert.Equal(1, small.ManagersNeeded);

        var bySales = Engine.Advise(Money.Of(50_000_000m, "CNY"), 4, CompanySize.MidSized);
        Assert.True(bySales.ConsiderDepartment);
        Assert.Equal(ProgramForm.Department, bySales.Form);
        Assert.Equal("annual sales 50,000,000 >= 50,000,000 CNY", bySales.Reasons[0]);

        var byCount = Engine.Advise(Money.Of(1_000_000m, "CNY"), 6, CompanySize.Large);
        Assert.True(byCount.ConsiderDepartment);
        Assert.Equal(ProgramForm.ServiceCenter, byCount.Form);

        var xerox = Engine.Advise(Money.Of(9_000_000_000m, "CNY"), 250, CompanySize.Group);
        Assert.Equal(ProgramForm.Committee, xerox.Form);
        Assert.Equal(28, xerox.ManagersNeeded); // 250 / 9, rounded up
    }

    [Fact]
    public void Bad_inputs_are_typed_errors()
    {
        Assert.Throws<CurrencyMismatchException>(() => Engine.Advise(Money.Of(1m, "USD"), 1, CompanySize.Small));
        Assert.Equal("keyAccounts", Assert.Throws<KamValidationException>(() => Engine.Advise(Money.Of(1m, "CNY"), -1, CompanySize.Small)).Errors[0].Path);
    }

    [Fact]
    public void The_policy_sets_the_thresholds_and_the_staffing()
    {
        var engine = new KeyAccountProgramEngine(new ProgramPolicy(Money.Of(10_000_000m, "USD"), keyAccountThreshold: 10, accountsPerManager: 5));
        var advice = engine.Advise(Money.Of(9_999_999m, "USD"), 9, CompanySize.MidSized);
        Assert.False(advice.ConsiderDepartment);
        Assert.Equal(["annual sales 9,999,999 < 10,000,000 USD", "9 key accounts < 10"], advice.Reasons);
        Assert.Equal(2, advice.ManagersNeeded); // 9 / 5, rounded up
        Assert.True(engine.Advise(Money.Of(10_000_000m, "USD"), 0, CompanySize.Small).ConsiderDepartment);
        Assert.True(engine.Advise(Money.Of(0m, "USD"), 10, CompanySize.Small).ConsiderDepartment);
        Assert.Equal(0, engine.Advise(Money.Of(0m, "USD"), 0, CompanySize.Small).ManagersNeeded);
        Assert.Equal((int.MaxValue / 5) + 1, engine.Advise(Money.Of(0m, "USD"), int.MaxValue, CompanySize.Small).ManagersNeeded);
    }

    [Fact]
    public void An_invalid_policy_cannot_be_built_and_names_every_field()
    {
        var ex = Assert.Throws<KamValidationException>(() => new ProgramPolicy(Money.Of(0m, "CNY"), keyAccountThreshold: 0, accountsPerManager: 0));
        Assert.Equal(["salesThreshold", "keyAccountThreshold", "accountsPerManager"], ex.Errors.Select(e => e.Path));
        Assert.Equal("0", ex.Errors[2].AttemptedValue);
    }

    [Fact]
    public void The_policy_round_trips_through_json_and_its_errors_name_the_json_path()
    {
        var policy = new ProgramPolicy(Money.Of(7_500_000.50m, "EUR"), 8, 12);
        var back = ProgramPolicy.FromJson(policy.ToJson());
        Assert.Equal(policy.SalesThreshold, back.SalesThreshold);
        Assert.Equal(8, back.KeyAccountThreshold);
        Assert.Equal(12, back.AccountsPerManager);
        Assert.Equal(ProgramPolicy.Default.ToJson(), ProgramPolicy.FromJson("{}").ToJson());

        var error = Assert.Throws<KamValidationException>(() => ProgramPolicy.FromJson("""{ "accountsPerManager": 0 }""")).Errors.Single();
        Assert.Equal("$.accountsPerManager", error.Path);
        Assert.Equal("0", error.AttemptedValue);
    }

    [Fact]
    public void The_tier_policy_file_carries_the_program_section()
    {
        var options = TieringOptions.FromJson("""{ "program": { "accountsPerManager": 4 } }""");
        Assert.Equal(4, options.Program.AccountsPerManager);
        Assert.Equal(6, options.Program.KeyAccountThreshold);
        Assert.Equal(4, TieringOptions.FromJson(options.ToJson()).Program.AccountsPerManager);
        Assert.Equal("$.program.keyAccountThreshold", Assert.Throws<KamValidationException>(() => TieringOptions.FromJson("""{ "program": { "keyAccountThreshold": -1 } }""")).Errors.Single().Path);
    }
}
