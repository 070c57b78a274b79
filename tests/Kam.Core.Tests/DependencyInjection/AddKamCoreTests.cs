using Kam.Core.Compensation;
using Kam.Core.DependencyInjection;
using Kam.Core.Performance;
using Kam.Core.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.DependencyInjection;

public sealed class AddKamCoreTests
{
    /// <summary>Builds a provider the way a host does and resolves the options, which runs their validation.</summary>
    internal static OptionsValidationException StartFails(Action<KamCoreOptions> configure)
    {
        using var provider = new ServiceCollection().AddKamCore(configure).BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KamCoreOptions>>().Value);
    }

    /// <summary>The paths named by the failures of invalid options (each failure reads <c>path: message (code, value 'x')</c>).</summary>
    internal static IReadOnlyList<string> FailedPaths(Action<KamCoreOptions> configure) =>
        StartFails(configure).Failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]).ToArray();

    [Fact]
    public void Registers_singletons_and_no_clock()
    {
        using var provider = new ServiceCollection().AddKamCore().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Null(provider.GetService<IClock>());
        Assert.Same(provider.GetRequiredService<FiscalCalendar>(), provider.GetRequiredService<FiscalCalendar>());
        Assert.Equal(FiscalCalendar.Calendar, provider.GetRequiredService<FiscalCalendar>());
        Assert.Same(provider.GetRequiredService<IPayCalculator>(), provider.GetRequiredService<IPayCalculator>());
        Assert.Same(PayOptions.Default, provider.GetRequiredService<PayOptions>());
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
    public void The_options_are_bound_through_IOptions()
    {
        var pay = new PayOptions(rollUp: RollUpRule.Latest);
        using var provider = new ServiceCollection()
            .Configure<KamCoreOptions>(o => o.ReportingCurrency = "USD")
            .AddKamCore(o => o.Pay = pay)
            .BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<KamCoreOptions>>().Value;
        Assert.Equal("USD", options.ReportingCurrency);
        Assert.Same(pay, options.Pay);
        Assert.Same(pay, provider.GetRequiredService<PayOptions>());
    }

    [Fact]
    public void Calling_AddKamCore_twice_composes_both_configurations_and_registers_the_engines_once()
    {
        var services = new ServiceCollection()
            .AddKamCore(o => o.FiscalYearStartMonth = 4)
            .AddKamCore(o => o.FiscalYearNaming = FiscalYearNaming.StartYear);
        Assert.Single(services, d => d.ServiceType == typeof(IPayCalculator));
        Assert.Single(services, d => d.ServiceType == typeof(IPipelineAnalyzer));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<KamCoreOptions>));
        using var provider = services.BuildServiceProvider();
        var calendar = provider.GetRequiredService<FiscalCalendar>();
        Assert.Equal(4, calendar.FirstMonth);
        Assert.Equal(FiscalYearNaming.StartYear, calendar.Naming);
    }

    [Fact]
    public void A_later_configuration_overrides_an_earlier_one()
    {
        using var provider = new ServiceCollection()
            .AddKamCore(o => o.FiscalYearStartMonth = 4)
            .AddKamCore(o => o.FiscalYearStartMonth = 7)
            .BuildServiceProvider();
        Assert.Equal(7, provider.GetRequiredService<FiscalCalendar>().FirstMonth);
    }

    [Fact]
    public void Changing_the_options_after_the_engines_are_built_changes_nothing()
    {
        using var provider = new ServiceCollection().AddKamCore().BuildServiceProvider();
        var calendar = provider.GetRequiredService<FiscalCalendar>();
        var pay = provider.GetRequiredService<PayOptions>();
        var options = provider.GetRequiredService<IOptions<KamCoreOptions>>().Value;
        options.FiscalYearStartMonth = 7;
        options.Pay = new PayOptions(rollUp: RollUpRule.Latest);
        Assert.Same(calendar, provider.GetRequiredService<FiscalCalendar>());
        Assert.Equal(1, provider.GetRequiredService<FiscalCalendar>().FirstMonth);
        Assert.Same(pay, provider.GetRequiredService<PayOptions>());
        Assert.Same(PayOptions.Default, pay);
    }

    [Fact]
    public void Bad_options_fail_at_start_up_naming_every_option()
    {
        var ex = StartFails(o =>
        {
            o.FiscalYearStartMonth = 13;
            o.ReportingCurrency = "RMB";
        });
        Assert.Equal(2, ex.Failures.Count());
        Assert.StartsWith("options.FiscalYearStartMonth: ", ex.Failures.First(), StringComparison.Ordinal);
        Assert.Contains("value '13'", ex.Failures.First(), StringComparison.Ordinal);
        Assert.StartsWith("options.ReportingCurrency: ", ex.Failures.Last(), StringComparison.Ordinal);
        Assert.Contains("value 'RMB'", ex.Failures.Last(), StringComparison.Ordinal);
        Assert.Equal(["options.Pay"], FailedPaths(o => o.Pay = null!));
    }

    [Fact]
    public void Bad_options_fail_when_an_engine_is_first_resolved()
    {
        using var provider = new ServiceCollection().AddKamCore(o => o.FiscalYearStartMonth = 0).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPayCalculator>());
    }

    [Fact]
    public void Validation_runs_when_the_host_starts()
    {
        using var good = new ServiceCollection().AddKamCore().BuildServiceProvider();
        good.GetRequiredService<IStartupValidator>().Validate();
        using var bad = new ServiceCollection().AddKamCore(o => o.ReportingCurrency = "RMB").BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate());
        Assert.StartsWith("options.ReportingCurrency: ", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }
}
