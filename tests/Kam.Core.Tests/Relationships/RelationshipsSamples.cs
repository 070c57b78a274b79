using Kam.Core.Relationships;
using NodaTime;

namespace Kam.Core.Tests.Relationships;

/// <summary>The worked example of docs/relationships.md: Acme Shanghai's buying center and our relationships with it, January to March 2026.</summary>
internal static class RelationshipsSamples
{
    public static readonly AccountId Acme = AccountId.Parse("ACME-SH");

    public static ContactId C(string id) => ContactId.Parse(id);

    public static PersonId P(string id) => PersonId.Parse(id);

    public static LocalDate D(int month, int day) => new(2026, month, day);

    public static ContactProfile Chen() => new("Chen Jie", DecisionLevel.Decision, new ContactFunction("general management"), BuyingRoles.DecisionMaker,
        BuyingDecisions.Whether | BuyingDecisions.Signature, influence: 5, style: DecisionStyle.Leader, committees: Committees.Buying, title: "General manager");

    public static ContactProfile Li() => new("Li Wei", DecisionLevel.Decision, new ContactFunction("finance"), BuyingRoles.DecisionMaker,
        BuyingDecisions.Budget | BuyingDecisions.When, influence: 4, attitude: Attitude.Skeptical, style: DecisionStyle.Checker, reportsTo: C("chen"), committees: Committees.Buying, title: "CFO");

    public static ContactProfile Wang() => new("Wang Fang", DecisionLevel.Management, ContactFunction.Technical, BuyingRoles.Designer | BuyingRoles.Evaluator,
        veto: true, influence: 4, attitude: Attitude.Supporter, reportsTo: C("chen"), influences: [C("li")], committees: Committees.Evaluation, title: "Head of engineering");

    public static ContactProfile Sun() => new("Sun Min", DecisionLevel.Operational, ContactFunction.User, BuyingRoles.Initiator | BuyingRoles.User,
        influence: 2, attitude: Attitude.Supporter, reportsTo: C("wang"), title: "Process engineer");

    public static ContactProfile Zhao() => new("Zhao Lei", DecisionLevel.Management, ContactFunction.Purchasing, BuyingRoles.Evaluator,
        BuyingDecisions.Supplier, influence: 3, attitude: Attitude.Opponent, reportsTo: C("li"), committees: Committees.Buying, leaningTo: "Rival Corp", title: "Purchasing manager");

    public static ContactProfile Zhou() => new("Zhou Tao", DecisionLevel.Operational, ContactFunction.Technical, BuyingRoles.Evaluator,
        veto: true, influence: 3, reportsTo: C("wang"), committees: Committees.Evaluation, title: "Quality engineer");

    /// <summary>The history, in the order the docs list it.</summary>
    public static List<BuyingCenterEvent> Events() =>
    [
        new ContactJoined(D(1, 5), C("chen"), Acme, Chen()),
        new ContactJoined(D(1, 5), C("li"), Acme, Li()),
        new ContactJoined(D(1, 5), C("wang"), Acme, Wang()),
        new ContactJoined(D(1, 5), C("sun"), Acme, Sun()),
        new RelationshipChanged(D(1, 10), P("zhang"), C("wang"), 4),
        new RelationshipChanged(D(1, 10), P("ma"), C("sun"), 5),
        new RelationshipChanged(D(1, 10), P("liu"), C("chen"), 2),
        new ContactJoined(D(2, 1), C("zhao"), Acme, Zhao()),
        new ContactJoined(D(2, 1), C("zhou"), Acme, Zhou()),
        new RelationshipChanged(D(2, 15), P("zhang"), C("zhao"), 2),
        new RelationshipChanged(D(3, 1), P("zhang"), C("li"), 3),
        new RelationshipChanged(D(3, 1), P("ma"), C("zhou"), 2),
    ];

    /// <summary>Our people's levels: liu is the branch general manager (an executive), zhang the key-account manager, ma the specialist.</summary>
    public static Dictionary<PersonId, DecisionLevel> OurLevels() => new()
    {
        [P("liu")] = DecisionLevel.Decision,
        [P("zhang")] = DecisionLevel.Management,
        [P("ma")] = DecisionLevel.Operational,
    };
}
