using Kam.Core.DependencyInjection;
using Kam.Core.Value;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Retention;
using Kam.Core.Value.Summaries;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Tests.Value;

public sealed class ValueRegistrationTests
{
    [Fact]
    public void Engines_are_singletons_built_from_the_value_options()
    {
        var retention = new RetentionPolicy(4m, Percentage.FromPercent(2m));
        using var provider = new ServiceCollection()
            .AddKamCore(o => o.Value = new ValueOptions(retention: retention, fitting: new FitSettings(maxIterations: 7)))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(retention, provider.GetRequiredService<IRetentionEconomics>().Policy);
        Assert.Same(AccountEconomicsPolicy.Default, provider.GetRequiredService<IAccountProfitabilityCalculator>().Policy);
        Assert.Same(provider.GetRequiredService<ITransactionSummarizer>(), provider.GetRequiredService<ITransactionSummarizer>());
        Assert.Equal(7, Assert.IsType<CustomerBaseModelFitter>(provider.GetRequiredService<ICustomerBaseModelFitter>()).Settings.MaxIterations);
    }

    [Fact]
    public void Missing_parts_take_their_defaults_and_a_missing_section_fails_at_start_up()
    {
        var options = new ValueOptions();
        Assert.Same(AccountEconomicsPolicy.Default, options.Economics);
        Assert.Same(RetentionPolicy.Default, options.Retention);
        Assert.Same(FitSettings.Default, options.Fitting);
        Assert.Equal(["options.Value"], Kam.Core.Tests.DependencyInjection.AddKamCoreTests.FailedPaths(o => o.Value = null!));
        Assert.Equal("options.Value", new KamCoreOptions { Value = null! }.Validate().Single().Path);
    }
}
