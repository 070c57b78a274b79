using Kam.Core.DependencyInjection;
using Kam.Core.Value;
using Kam.Core.Value.Economics;
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
            .AddKamCore(o => o.Value.Retention = retention)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.Same(retention, provider.GetRequiredService<IRetentionEconomics>().Policy);
        Assert.Same(AccountEconomicsPolicy.Default, provider.GetRequiredService<IAccountProfitabilityCalculator>().Policy);
        Assert.Same(provider.GetRequiredService<ITransactionSummariser>(), provider.GetRequiredService<ITransactionSummariser>());
    }

    [Fact]
    public void Missing_policies_fail_at_start_up_with_their_option_paths()
    {
        var paths = Kam.Core.Tests.DependencyInjection.AddKamCoreTests.FailedPaths(o =>
        {
            o.Value.Economics = null!;
            o.Value.Retention = null!;
        });

        Assert.Equal(["options.Value.Economics", "options.Value.Retention"], paths);
        Assert.Equal("options.Value", new KamCoreOptions { Value = null! }.Validate().Single().Path);
        Assert.Empty(new ValueOptions().Validate("options.Value"));
    }
}
