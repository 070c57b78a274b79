using Kam.Core.Tiering;

namespace Kam.Core.Tests.Tiering;

public sealed class KeyAccountProgrammeTests
{
    [Fact]
    public void Department_is_considered_at_50_million_sales_or_6_key_customers()
    {
        var small = KeyAccountProgramme.Advise(Money.Of(20_000_000m, "CNY"), 4, CompanySize.Small);
        Assert.False(small.ConsiderDepartment);
        Assert.Equal(ProgrammeForm.CrossFunctionalTeam, small.Form);
        Assert.Equal(1, small.ManagersNeeded);

        var bySales = KeyAccountProgramme.Advise(Money.Of(50_000_000m, "CNY"), 4, CompanySize.MidSized);
        Assert.True(bySales.ConsiderDepartment);
        Assert.Equal(ProgrammeForm.Department, bySales.Form);
        Assert.Equal("annual sales 50,000,000 >= 50,000,000 CNY", bySales.Reasons[0]);

        var byCount = KeyAccountProgramme.Advise(Money.Of(1_000_000m, "CNY"), 6, CompanySize.Large);
        Assert.True(byCount.ConsiderDepartment);
        Assert.Equal(ProgrammeForm.ServiceCentre, byCount.Form);

        var xerox = KeyAccountProgramme.Advise(Money.Of(9_000_000_000m, "CNY"), 250, CompanySize.Group);
        Assert.Equal(ProgrammeForm.Committee, xerox.Form);
        Assert.Equal(28, xerox.ManagersNeeded); // 250 / 9, rounded up
    }

    [Fact]
    public void Bad_inputs_are_typed_errors()
    {
        Assert.Throws<CurrencyMismatchException>(() => KeyAccountProgramme.Advise(Money.Of(1m, "USD"), 1, CompanySize.Small));
        Assert.Equal("keyAccounts", Assert.Throws<KamValidationException>(() => KeyAccountProgramme.Advise(Money.Of(1m, "CNY"), -1, CompanySize.Small)).Errors[0].Path);
    }
}
