using Kam.Core.Stages.Grading;
using Kam.Core.DependencyInjection;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Microsoft.Extensions.DependencyInjection;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Tiering;

public sealed class TieringRegistrationTests
{
    [Fact]
    public void Engines_are_singletons_behind_their_interface_and_policies_come_from_options()
    {
        var selection = new SelectionPolicy("contribution", 3, 9, []);
        using var provider = new ServiceCollection()
            .AddKamCore(o => o.Tiering = new TieringOptions(selection: selection))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Assert.IsType<ParetoEngine>(provider.GetRequiredService<IParetoEngine>());
        Assert.Same(provider.GetRequiredService<IAccountScorecardEngine>(), provider.GetRequiredService<IAccountScorecardEngine>());
        Assert.NotNull(provider.GetRequiredService<IRfmEngine>());
        Assert.NotNull(provider.GetRequiredService<IOpportunityGradingEngine>());
        Assert.NotNull(provider.GetRequiredService<IRelationshipStageEngine>());
        Assert.Same(provider.GetRequiredService<KeyAccountSelectionEngine>(), provider.GetRequiredService<IKeyAccountSelectionEngine>());
        Assert.Same(provider.GetRequiredService<ParetoEngine>(), provider.GetRequiredService<IParetoEngine>());
        Assert.Equal(27, provider.GetRequiredService<TieringOptions>().Selection.Capacity);
        Assert.Same(selection, provider.GetRequiredService<IKeyAccountSelectionEngine>().Policy);
        Assert.Same(ParetoPolicy.Default, provider.GetRequiredService<IParetoEngine>().Policy);
    }

    [Fact]
    public void A_missing_tiering_section_fails_at_registration_with_its_option_path()
    {
        Assert.Equal(["options.Tiering"], Kam.Core.Tests.DependencyInjection.AddKamCoreTests.FailedPaths(o => o.Tiering = null!));
    }
}
