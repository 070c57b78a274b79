using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Kam.Core.Relationships;
using NodaTime;

namespace Kam.Core.Tests.Relationships;

/// <summary>
/// The laws of the buying-center map and the coverage score, over random maps built from a seed: adding a relationship
/// never lowers the score; the order in which events of distinct dates are given does not change the map; with every
/// weight above zero, there is no finding exactly when the score is 1; the score stays within 0 and 1.
/// </summary>
public sealed class CoverageProperties
{
    internal static readonly AccountId Account = AccountId.Parse("A");
    internal static readonly PersonId[] Ours = [PersonId.Parse("p0"), PersonId.Parse("p1"), PersonId.Parse("p2"), PersonId.Parse("p3")];
    private static readonly LocalDate Start = new(2026, 1, 1);

    /// <summary>A random valid history: contacts (each reporting to an earlier one or to nobody), then relationships, each event on its own date.</summary>
    internal static List<BuyingCenterEvent> RandomEvents(Random random)
    {
        var events = new List<BuyingCenterEvent>();
        // One map in four is "rich": every level mapped, one contact holding every decision, nobody against us, and
        // p0 (always a decision-level person of ours) close to everyone, so that full coverage occurs.
        var rich = random.Next(4) == 0;
        var n = rich ? random.Next(4, 12) : random.Next(0, 12);
        for (var i = 0; i < n; i++)
        {
            var profile = new ContactProfile(
                $"Contact {i}",
                rich ? (DecisionLevel)(i % 3) : (DecisionLevel)random.Next(3),
                random.Next(4) == 0 ? new ContactFunction("finance") : ContactFunction.User,
                (BuyingRoles)random.Next(32),
                rich && i == 0 ? BuyingDecisions.All : (BuyingDecisions)(random.Next(3) == 0 ? random.Next(32) : 0),
                veto: random.Next(5) == 0,
                influence: random.Next(ContactProfile.MaxInfluence + 1),
                attitude: rich ? Attitude.Supporter : (Attitude)random.Next(-2, 3),
                reportsTo: i > 0 && random.Next(2) == 0 ? ContactId.Parse($"c{random.Next(i)}") : null,
                influences: i > 0 && random.Next(3) == 0 ? [ContactId.Parse($"c{random.Next(i)}")] : null,
                leaningTo: !rich && random.Next(6) == 0 ? "Rival" : null);
            events.Add(new ContactJoined(Start.PlusDays(events.Count), ContactId.Parse($"c{i}"), Account, profile));
        }

        var relationships = n == 0 ? 0 : random.Next(0, 2 * n);
        for (var r = 0; r < relationships; r++)
        {
            events.Add(new RelationshipChanged(Start.PlusDays(events.Count), Ours[random.Next(Ours.Length)], ContactId.Parse($"c{random.Next(n)}"), random.Next(0, Relationship.MaxStrength + 1)));
        }

        if (rich)
        {
            for (var i = 0; i < n; i++)
            {
                events.Add(new RelationshipChanged(Start.PlusDays(events.Count), Ours[0], ContactId.Parse($"c{i}"), Relationship.MaxStrength));
            }
        }

        return events;
    }

    private static Dictionary<PersonId, DecisionLevel> RandomLevels(Random random) =>
        Ours.Where((p, i) => i == 0 || random.Next(4) > 0).ToDictionary(p => p, p => p == Ours[0] ? DecisionLevel.Decision : (DecisionLevel)random.Next(3));

    private static CoveragePolicy RandomPolicy(Random random) => new(
        minStrength: random.Next(1, Relationship.MaxStrength + 1),
        requiredLevels: Enum.GetValues<DecisionLevel>().Where(_ => random.Next(3) > 0).ToArray(),
        peerLevels: Enum.GetValues<DecisionLevel>().Where(_ => random.Next(2) > 0).ToArray(),
        minThreads: random.Next(1, 5),
        influentialAt: random.Next(0, ContactProfile.MaxInfluence + 1),
        opponentAt: (Attitude)random.Next(-2, 1),
        weights: Enum.GetValues<CoverageFindingKind>().ToDictionary(k => k, _ => random.Next(1, 4000) / 100m));

    internal static LocalDate End(List<BuyingCenterEvent> events) => Start.PlusDays(events.Count + 1);

    [Property(MaxTest = 300)]
    public bool Adding_a_relationship_never_lowers_the_score(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var events = RandomEvents(random);
        var contacts = events.OfType<ContactJoined>().Select(e => e.Contact).ToArray();
        if (contacts.Length == 0)
        {
            return true;
        }

        var engine = new CoverageEngine(RandomPolicy(random));
        var levels = RandomLevels(random);
        var before = engine.Analyze(new BuyingCenterHistory(events).AsOf(Account, End(events)), levels);
        var existing = new BuyingCenterHistory(events).AsOf(Account, End(events)).Relationships.Select(r => (r.Person, r.Contact)).ToHashSet();
        var pairs = Ours.SelectMany(p => contacts.Select(c => (Person: p, Contact: c))).Where(pair => !existing.Contains(pair)).ToArray();
        if (pairs.Length == 0)
        {
            return true;
        }

        var added = pairs[random.Next(pairs.Length)];
        events.Add(new RelationshipChanged(End(events), added.Person, added.Contact, random.Next(1, Relationship.MaxStrength + 1)));
        var after = engine.Analyze(new BuyingCenterHistory(events).AsOf(Account, End(events)), levels);
        return after.Score >= before.Score;
    }

    [Property(MaxTest = 300)]
    public bool The_order_of_events_with_distinct_dates_does_not_change_the_map(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var events = RandomEvents(random);
        var shuffled = events.OrderBy(_ => random.Next()).ToList();
        var date = Start.PlusDays(random.Next(events.Count + 2));
        return Render(new BuyingCenterHistory(events).AsOf(Account, date)) == Render(new BuyingCenterHistory(shuffled).AsOf(Account, date));
    }

    [Property(MaxTest = 300)]
    public bool No_finding_exactly_when_the_score_is_one_and_the_score_is_within_0_and_1(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var events = RandomEvents(random);
        var report = new CoverageEngine(RandomPolicy(random)).Analyze(new BuyingCenterHistory(events).AsOf(Account, End(events)), RandomLevels(random));
        return report.Score >= 0m && report.Score <= 1m && (report.Findings.Count == 0) == (report.Score == 1m);
    }

    [Fact]
    public void The_laws_see_full_scores_and_findings()
    {
        // The random maps reach both sides of the last law: some fully covered, most not.
        var full = 0;
        var gaps = 0;
        for (var seed = 1; seed <= 2000; seed++)
        {
            var random = new Random(seed);
            var events = RandomEvents(random);
            var report = new CoverageEngine(RandomPolicy(random)).Analyze(new BuyingCenterHistory(events).AsOf(Account, End(events)), RandomLevels(random));
            full += report.Score == 1m ? 1 : 0;
            gaps += report.Findings.Count > 0 ? 1 : 0;
        }

        Assert.True(full > 0 && gaps > 0, $"full {full}, with findings {gaps}");
    }

    private static string Render(BuyingCenter center)
    {
        var text = new StringBuilder();
        foreach (var c in center.Contacts)
        {
            var p = c.Profile;
            text.Append($"{c.Id}|{c.Joined}|{c.Left}|{p.Name}|{p.Level}|{p.Function}|{p.Roles}|{p.Decisions}|{p.Veto}|{p.Influence}|{p.Attitude}|{p.ReportsTo}|{string.Join(',', p.Influences)}|{p.LeaningTo}\n");
        }

        foreach (var r in center.Relationships)
        {
            text.Append($"{r.Person}|{r.Contact}|{r.Strength}|{r.Since}\n");
        }

        return text.ToString();
    }
}
