using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Kam.Core.Tests.DependencyInjection;

public sealed class AddKamCoreTests
{
    [Fact]
    public void Registers_singletons_with_the_system_clock_by_default()
    {
        using var provider = new ServiceCollection().AddKamCore().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.Same(provider.GetRequiredService<FiscalCalendar>(), provider.GetRequiredService<FiscalCalendar>());
        Assert.Equal(FiscalCalendar.Calendar, provider.GetRequiredService<FiscalCalendar>());
    }

    [Fact]
    public void A_host_clock_registered_first_is_kept()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        using var provider = new ServiceCollection().AddSingleton<IClock>(clock).AddKamCore().BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void Options_flow_into_the_engines()
    {
        using var provider = new ServiceCollection()
            .AddKamCore(o => { o.FiscalYearStartMonth = 4; o.FiscalYearNaming = FiscalYearNaming.StartYear; })
            .BuildServiceProvider();
        var calendar = provider.GetRequiredService<FiscalCalendar>();
        Assert.Equal(4, calendar.FirstMonth);
        Assert.Equal(FiscalYearNaming.StartYear, calendar.Naming);
    }

    [Fact]
    public void Bad_options_fail_fast_at_registration_naming_every_option()
    {
        var ex = Assert.Throws<KamValidationException>(() => new ServiceCollection().AddKamCore(o =>
        {
            o.FiscalYearStartMonth = 13;
            o.ReportingCurrency = "RMB";
        }));
        Assert.Equal(["options.FiscalYearStartMonth", "options.ReportingCurrency"], ex.Errors.Select(e => e.Path));
        Assert.Equal(["13", "RMB"], ex.Errors.Select(e => e.AttemptedValue));
    }
}
