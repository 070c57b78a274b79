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
    [Fact]
    public void Department_is_considered_at_50_million_sales_or_6_key_customers()
    {
        var small = KeyAccountProgram.Advise(Money.Of(20_000_000m, "CNY"), 4, CompanySize.Small);
        Assert.False(small.ConsiderDepartment);
        Assert.Equal(ProgramForm.CrossFunctionalTeam, small.Form);
        Assert.Equal(1, small.ManagersNeeded);

        var bySales = KeyAccountProgram.Advise(Money.Of(50_000_000m, "CNY"), 4, CompanySize.MidSized);
        Assert.True(bySales.ConsiderDepartment);
        Assert.Equal(ProgramForm.Department, bySales.Form);
        Assert.Equal("annual sales 50,000,000 >= 50,000,000 CNY", bySales.Reasons[0]);

        var byCount = KeyAccountProgram.Advise(Money.Of(1_000_000m, "CNY"), 6, CompanySize.Large);
        Assert.True(byCount.ConsiderDepartment);
        Assert.Equal(ProgramForm.ServiceCenter, byCount.Form);

        var xerox = KeyAccountProgram.Advise(Money.Of(9_000_000_000m, "CNY"), 250, CompanySize.Group);
        Assert.Equal(ProgramForm.Committee, xerox.Form);
        Assert.Equal(28, xerox.ManagersNeeded); // 250 / 9, rounded up
    }

    [Fact]
    public void Bad_inputs_are_typed_errors()
    {
        Assert.Throws<CurrencyMismatchException>(() => KeyAccountProgram.Advise(Money.Of(1m, "USD"), 1, CompanySize.Small));
        Assert.Equal("keyAccounts", Assert.Throws<KamValidationException>(() => KeyAccountProgram.Advise(Money.Of(1m, "CNY"), -1, CompanySize.Small)).Errors[0].Path);
    }
}
