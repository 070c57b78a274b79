using Kam.Core.Relationships;
using static Kam.Core.Tests.Relationships.RelationshipsSamples;

namespace Kam.Core.Tests.Relationships;

public sealed class BuyingCenterHistoryTests
{
    private static readonly AccountId Beta = AccountId.Parse("BETA");

    [Fact]
    public void The_map_answers_as_of_a_date()
    {
        var history = new BuyingCenterHistory(Events());
        Assert.Equal([Acme], history.Accounts);

        var january = history.AsOf(Acme, D(1, 31));
        Assert.Equal(["chen", "li", "wang", "sun"], january.Contacts.Select(c => c.Id.Value));
        Assert.Equal(3, january.Relationships.Count);
        Assert.False(january.Contains(C("zhao")));

        var march = history.AsOf(Acme, D(3, 31));
        Assert.Equal(6, march.Contacts.Count);
        Assert.Equal(6, march.Relationships.Count);
        var zhao = march.Contact(C("zhao"));
        Assert.Equal("Rival Corp", zhao.Profile.LeaningTo);
        Assert.Equal(C("li"), zhao.Profile.ReportsTo);
        Assert.Equal(D(2, 1), zhao.Joined);

        Assert.Empty(history.AsOf(Acme, D(1, 4)).Contacts);
        Assert.Empty(history.AsOf(Beta, D(3, 31)).Contacts);
        var ex = Assert.Throws<KamValidationException>(() => march.Contact(C("nobody")));
        Assert.Equal(KamErrorCodes.Unknown, ex.Errors[0].Code);
        Assert.Equal("nobody", ex.Errors[0].AttemptedValue);
    }

    [Fact]
    public void Changes_replace_the_profile_and_strength_zero_ends_a_relationship()
    {
        var events = Events();
        events.Add(new ContactChanged(D(4, 1), C("li"), new ContactProfile("Li Wei", DecisionLevel.Decision, new ContactFunction("finance"), attitude: Attitude.Supporter, reportsTo: C("chen"))));
        events.Add(new RelationshipChanged(D(4, 1), P("liu"), C("chen"), 0));
        events.Add(new ContactLeft(D(4, 2), C("sun")));
        events.Add(new RelationshipChanged(D(4, 3), P("ma"), C("sun"), 0));
        var history = new BuyingCenterHistory(events);

        var before = history.AsOf(Acme, D(3, 31));
        var after = history.AsOf(Acme, D(4, 30));
        Assert.Equal(Attitude.Skeptical, before.Contact(C("li")).Profile.Attitude);
        Assert.Equal(Attitude.Supporter, after.Contact(C("li")).Profile.Attitude);
        Assert.Contains(before.Relationships, r => r.Person == P("liu"));
        Assert.DoesNotContain(after.Relationships, r => r.Person == P("liu"));
        Assert.Null(before.Contact(C("sun")).Left);
        Assert.Equal(D(4, 2), after.Contact(C("sun")).Left);
        Assert.Equal(D(3, 1), before.Relationships.Single(r => r.Contact == C("li")).Since);
    }

    [Fact]
    public void Events_of_the_same_date_apply_in_the_order_given_and_other_dates_in_date_order()
    {
        var events = Events();
        events.Reverse();
        var ex = Assert.Throws<KamValidationException>(() => new BuyingCenterHistory(events));
        // Reversed, the 5 January joins run sun, wang, li, chen: each boss is named before it joins.
        Assert.Contains(ex.Errors, e => e.Path == "events[9].profile.reportsTo" && e.AttemptedValue == "chen" && e.Code == KamErrorCodes.Unknown);
        Assert.Contains(ex.Errors, e => e.Path == "events[8].profile.reportsTo" && e.AttemptedValue == "wang" && e.Code == KamErrorCodes.Unknown);

        var shuffled = Events();
        (shuffled[4], shuffled[11]) = (shuffled[11], shuffled[4]);
        var history = new BuyingCenterHistory(shuffled);
        Assert.Equal(Events().Select(e => e.Date), history.Events.Select(e => e.Date));
        Assert.Equal("chen", history.Events[0].Contact.Value);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_path_and_value()
    {
        var events = new List<BuyingCenterEvent>
        {
            new ContactJoined(D(1, 1), C("a"), Acme, new ContactProfile("A", DecisionLevel.Decision, ContactFunction.User)),
            new ContactJoined(D(1, 1), C("b"), Acme, new ContactProfile("B", DecisionLevel.Management, ContactFunction.User, reportsTo: C("a"))),
            new ContactJoined(D(1, 1), C("x"), Beta, new ContactProfile("X", DecisionLevel.Management, ContactFunction.User, reportsTo: C("a"))),
            new ContactChanged(D(1, 2), C("a"), new ContactProfile("A", DecisionLevel.Decision, ContactFunction.User, reportsTo: C("b"))),
            new RelationshipChanged(D(1, 3), P("zhang"), C("ghost"), 3),
            new ContactJoined(D(1, 4), C("b"), Acme, new ContactProfile("B again", DecisionLevel.Management, ContactFunction.User)),
            null!,
            new ContactJoined(D(1, 5), C("c"), Acme, new ContactProfile("C", DecisionLevel.Operational, ContactFunction.User, influences: [C("x"), C("c")])),
            new ContactLeft(D(1, 6), C("b")),
            new ContactChanged(D(1, 7), C("b"), new ContactProfile("B", DecisionLevel.Management, ContactFunction.User)),
        };
        var copy = events.ToList();

        var ex = Assert.Throws<KamValidationException>(() => new BuyingCenterHistory(events));

        Assert.Equal(copy, events);
        var errors = ex.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)).ToList();
        Assert.Contains(("events[6]", KamErrorCodes.Required, (string?)null), errors);
        Assert.Contains(("events[2].profile.reportsTo", KamErrorCodes.InvalidState, (string?)"a"), errors);
        Assert.Contains(("events[3].profile.reportsTo", KamErrorCodes.InvalidState, (string?)"b"), errors);
        Assert.Contains(("events[4].contact", KamErrorCodes.Unknown, (string?)"ghost"), errors);
        Assert.Contains(("events[5].contact", KamErrorCodes.Duplicate, (string?)"b"), errors);
        Assert.Contains(("events[7].profile.influences[0]", KamErrorCodes.InvalidState, (string?)"x"), errors);
        Assert.Contains(("events[7].profile.influences[1]", KamErrorCodes.InvalidState, (string?)"c"), errors);
        Assert.Contains(("events[9].contact", KamErrorCodes.InvalidState, (string?)"b"), errors);
        Assert.Equal(8, errors.Count);
        Assert.Contains("a → b → a", ex.Errors.Single(e => e.Path == "events[3].profile.reportsTo").Message, StringComparison.Ordinal);
        Assert.Contains("account 'ACME-SH'", ex.Errors.Single(e => e.Path == "events[2].profile.reportsTo").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_longer_cycle_is_named_once()
    {
        var events = new List<BuyingCenterEvent>
        {
            new ContactJoined(D(1, 1), C("a"), Acme, new ContactProfile("A", DecisionLevel.Decision, ContactFunction.User)),
            new ContactJoined(D(1, 1), C("b"), Acme, new ContactProfile("B", DecisionLevel.Management, ContactFunction.User, reportsTo: C("a"))),
            new ContactJoined(D(1, 1), C("c"), Acme, new ContactProfile("C", DecisionLevel.Operational, ContactFunction.User, reportsTo: C("b"))),
            new ContactChanged(D(2, 1), C("a"), new ContactProfile("A", DecisionLevel.Decision, ContactFunction.User, reportsTo: C("c"))),
            new ContactChanged(D(2, 2), C("b"), new ContactProfile("B", DecisionLevel.Decision, ContactFunction.User, reportsTo: C("b"))),
        };
        var ex = Assert.Throws<KamValidationException>(() => new BuyingCenterHistory(events));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("events[3].profile.reportsTo", ex.Errors[0].Path);
        Assert.Contains("a → c → b → a", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("events[4].profile.reportsTo", ex.Errors[1].Path);
    }

    [Fact]
    public void The_hierarchy_checks_accounts_and_our_people()
    {
        var organization = new Kam.Core.Accounts.Organization(
            [new Kam.Core.Accounts.OrganizationUnit(Kam.Core.Accounts.UnitId.Parse("SH"), "Shanghai", Kam.Core.Accounts.UnitLevel.Branch)],
            [new Kam.Core.Accounts.Person(P("zhang"), "Zhang", Kam.Core.Accounts.UnitId.Parse("SH"))]);
        var hierarchy = new Kam.Core.Accounts.AccountHierarchy(organization,
            [new Kam.Core.Accounts.Account(Acme, "Acme Shanghai", Kam.Core.Accounts.AccountLevel.Branch, P("zhang"), Kam.Core.Accounts.UnitId.Parse("SH"))]);
        var events = new List<BuyingCenterEvent>
        {
            new ContactJoined(D(1, 1), C("a"), Acme, new ContactProfile("A", DecisionLevel.Decision, ContactFunction.User)),
            new ContactJoined(D(1, 1), C("x"), Beta, new ContactProfile("X", DecisionLevel.Decision, ContactFunction.User)),
            new RelationshipChanged(D(1, 2), P("zhang"), C("a"), 4),
            new RelationshipChanged(D(1, 2), P("nobody"), C("a"), 4),
        };
        var ex = Assert.Throws<KamValidationException>(() => new BuyingCenterHistory(events, hierarchy));
        Assert.Equal(["events[1].account", "events[3].person"], ex.Errors.Select(e => e.Path));
        Assert.Single(new BuyingCenterHistory([events[0], events[2]], hierarchy).Accounts);
    }

    [Fact]
    public void A_profile_and_an_event_check_their_own_values()
    {
        var ex = Assert.Throws<KamValidationException>(() => new ContactProfile(" ", (DecisionLevel)7, default, (BuyingRoles)64, (BuyingDecisions)32, influence: 6,
            attitude: (Attitude)3, style: (DecisionStyle)9, influences: [C("a"), C("a")], committees: (Committees)4, leaningTo: " "));
        Assert.Equal(
            ["name", "level", "function", "roles", "decisions", "influence", "attitude", "style", "influences[1]", "committees", "leaningTo"],
            ex.Errors.Select(e => e.Path));
        Assert.Equal("6", ex.Errors.Single(e => e.Path == "influence").AttemptedValue);

        var strength = Assert.Throws<KamValidationException>(() => new RelationshipChanged(D(1, 1), default, default, 6));
        Assert.Equal(["contact", "person", "strength"], strength.Errors.Select(e => e.Path));
        Assert.Throws<KamValidationException>(() => new ContactJoined(D(1, 1), C("a"), default, null!));
        Assert.Throws<KamValidationException>(() => new ContactFunction(" padded"));
        Assert.Equal(new ContactFunction("user"), ContactFunction.User);
    }

    [Fact]
    public void The_caller_s_list_is_copied()
    {
        var events = Events();
        var history = new BuyingCenterHistory(events);
        events.Clear();
        Assert.Equal(12, history.Events.Count);
        var influences = new List<ContactId> { C("li") };
        var profile = new ContactProfile("W", DecisionLevel.Management, ContactFunction.User, influences: influences);
        influences.Add(C("chen"));
        Assert.Single(profile.Influences);
    }
}
