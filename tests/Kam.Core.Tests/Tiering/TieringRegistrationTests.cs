using Kam.Core.DependencyInjection;
using Kam.Core.Tiering;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Tests.Tiering;

public sealed class TieringRegistrationTests
{
    [Fact]
    public void Engines_are_singletons_behind_their_interface_and_policies_come_from_options()
    {
        var selection = SelectionPolicy.Create("contribution", 3, 9, []);
        using var provider = new ServiceCollection()
            .AddKamCore(o => o.Tiering.Selection = selection)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.IsType<ParetoEngine>(provider.GetRequiredService<ITieringEngine<ParetoPolicy>>());
        Assert.Same(provider.GetRequiredService<ITieringEngine<ScorecardPolicy>>(), provider.GetRequiredService<ITieringEngine<ScorecardPolicy>>());
        Assert.NotNull(provider.GetRequiredService<ITieringEngine<RfmPolicy>>());
        Assert.NotNull(provider.GetRequiredService<ITieringEngine<GradingPolicy>>());
        Assert.NotNull(provider.GetRequiredService<ITieringEngine<RelationshipPolicy>>());
        Assert.Same(provider.GetRequiredService<KeyAccountSelectionEngine>(), provider.GetRequiredService<ITieringEngine<SelectionPolicy>>());
        Assert.Same(provider.GetRequiredService<ParetoEngine>(), provider.GetRequiredService<ITieringEngine<ParetoPolicy>>());
        Assert.Equal(27, provider.GetRequiredService<TieringOptions>().Selection.Capacity);
    }

    [Fact]
    public void A_missing_policy_fails_at_registration_with_its_option_path()
    {
        Assert.Equal(["options.Tiering.Scorecard"], Kam.Core.Tests.DependencyInjection.AddKamCoreTests.FailedPaths(o => o.Tiering.Scorecard = null!));
    }
}
