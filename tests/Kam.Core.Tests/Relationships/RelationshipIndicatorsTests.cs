using Kam.Core.Relationships;
using Kam.Core.Relationships.Health;
using Kam.Core.Tiering.Relationship;
using NodaTime;
using static Kam.Core.Tests.Relationships.RelationshipsSamples;

namespace Kam.Core.Tests.Relationships;

/// <summary>The two relationship-stage indicators read from the people data: collaboration from the partnership checks, contact breadth from the buying-center map.</summary>
public sealed class RelationshipIndicatorsTests
{
    private static readonly AccountId Other = AccountId.Parse("ACME");

    private static HealthReport Health()
    {
        var (log, checks, scores, promises, history) = HealthTests.Example();
        return new HealthEngine(HealthPolicy.Default).Assess(log, checks, scores, promises, new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31), history);
    }

    [Fact]
    public void Breadth_comes_from_the_map_and_collaboration_from_the_latest_check()
    {
        var history = new BuyingCenterHistory(Events());
        var march = RelationshipIndicators.Measure([Acme, Other], [history.AsOf(Acme, D(3, 31))], Health());

        // March: Li (decision, finance), Wang (management, technical) and Sun (operational, user) are covered at 3 or more:
        // every level (1) and 3 of the 5 functions mapped (0.6) → (1 + 0.6) / 2. ACME has no map: 0.
        Assert.Equal([0.8, 0d], march.Measure("contactBreadth").Values.ToArray().Select(v => Math.Round(v, 10)));
        // ACME's January check: process 0.6, strategic 0.4 → 0.5; ACME-SH has no check: missing.
        var collaboration = march.Measure("collaboration");
        Assert.True(collaboration.IsMissing(0));
        Assert.Equal(0.5, collaboration.Values[1]);

        // January: Wang and Sun only: two levels, 2 of 4 functions → (2/3 + 1/2) / 2.
        var january = RelationshipIndicators.Measure([Acme], [history.AsOf(Acme, D(1, 31))]);
        Assert.Equal((2d / 3d + 0.5) / 2d, january.Measure("contactBreadth").Values[0], 12);
        // A stricter strength covers only Sun (strength 5): one level, one function of four.
        Assert.Equal((1d / 3d + 0.25) / 2d, RelationshipIndicators.Measure([Acme], [history.AsOf(Acme, D(1, 31))], minStrength: 5).Measure("contactBreadth").Values[0], 12);
    }

    [Fact]
    public void The_relationship_stage_engine_reads_them_under_the_policys_names()
    {
        var policy = new RelationshipPolicy("collab", "breadth", RelationshipPolicy.Default.Stages);
        var measures = RelationshipIndicators.Measure([Other], [], Health(), policy);
        Assert.Equal(["collab", "breadth"], measures.MeasureNames);

        var result = new RelationshipStageEngine(policy).Assign(measures);
        Assert.Equal("Exploratory", result.Assignments[0].Tier);
        Assert.Equal(0.25, result.Assignments[0].Score);

        // An account without a check has no collaboration value, which the engine refuses rather than guessing.
        var unchecked_ = RelationshipIndicators.Measure([Acme], [new BuyingCenterHistory(Events()).AsOf(Acme, D(3, 31))], Health());
        Assert.Throws<KamValidationException>(() => new RelationshipStageEngine(RelationshipPolicy.Default).Assign(unchecked_));
    }

    [Fact]
    public void Bad_input_names_every_problem()
    {
        var center = new BuyingCenterHistory(Events()).AsOf(Acme, D(3, 31));
        var ex = Assert.Throws<KamValidationException>(() => RelationshipIndicators.Measure([Acme], [center, null!, center], minStrength: 0));
        Assert.Equal(["minStrength", "centers[1]", "centers[2]"], ex.Errors.Select(e => e.Path));
        Assert.Throws<KamValidationException>(() => RelationshipIndicators.Measure([Acme, Acme], [center]));
    }
}
