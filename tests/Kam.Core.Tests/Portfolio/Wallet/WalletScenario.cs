using Kam.Core.Accounts;
using Kam.Core.Accounts.Plans;
using Kam.Core.Portfolio.Wallet;

namespace Kam.Core.Tests.Portfolio.Wallet;

/// <summary>
/// The worked example of docs/share-of-wallet.md: a group (GRP) with a headquarters (HQ) and two branches (B1 held by
/// our East branch, B2 by our West branch), and a stand-alone account (SOLO) of the East branch.
/// </summary>
internal static class WalletScenario
{
    public static AccountId A(string id) => AccountId.Parse(id);

    public static Money Cny(decimal amount) => new(amount, Currency.CNY);

    public static AccountHierarchy Hierarchy()
    {
        UnitId U(string id) => UnitId.Parse(id);
        var org = new Organization(
            [new OrganizationUnit(U("HO"), "Head office", UnitLevel.HeadOffice), new OrganizationUnit(U("EAST"), "East", UnitLevel.Branch, U("HO")), new OrganizationUnit(U("WEST"), "West", UnitLevel.Branch, U("HO"))],
            [new Person(PersonId.Parse("kim"), "Kim", U("HO")), new Person(PersonId.Parse("lee"), "Lee", U("EAST")), new Person(PersonId.Parse("wu"), "Wu", U("WEST"))]);
        Account Acc(string id, AccountLevel level, string owner, string unit, string? parent = null) =>
            new(A(id), id, level, PersonId.Parse(owner), U(unit), parent is null ? null : A(parent));
        return new AccountHierarchy(org,
        [
            Acc("GRP", AccountLevel.Group, "kim", "HO"),
            Acc("HQ", AccountLevel.Headquarters, "kim", "HO", "GRP"),
            Acc("B1", AccountLevel.Branch, "lee", "EAST", "HQ"),
            Acc("B2", AccountLevel.Branch, "wu", "WEST", "HQ"),
            Acc("SOLO", AccountLevel.Headquarters, "lee", "EAST"),
        ]);
    }

    public static AccountWallet[] Wallets() =>
    [
        new(A("HQ"), Cny(2_000_000m), Cny(5_000_000m), "annual report"),
        new(A("B1"), Cny(600_000m), Cny(1_500_000m), "buyer interview"),
        new(A("B2"), Cny(900_000m), Cny(800_000m), "buyer interview"),
        new(A("SOLO"), Cny(300_000m)),
    ];

    public static KeyAccountPlan[] Plans()
    {
        var grid = new WhitespaceGrid(Currency.CNY, ["coatings", "service"], ["plant-1", "plant-2"],
        [
            new WhitespaceCell("coatings", "plant-1", WhitespaceState.Ours),
            new WhitespaceCell("coatings", "plant-2", WhitespaceState.WhiteSpace, estimatedValue: Cny(400_000m)),
            new WhitespaceCell("service", "plant-1", WhitespaceState.WhiteSpace, estimatedValue: Cny(250_000m)),
            new WhitespaceCell("service", "plant-2", WhitespaceState.Competitor, competitor: "Rival Co"),
        ]);
        return
        [
            new KeyAccountPlan(A("HQ"), FiscalCalendar.Calendar, 2026, Currency.CNY, [new PlanObjective("grow", "Grow")], whitespace: grid),
            new KeyAccountPlan(A("GRP"), FiscalCalendar.Calendar, 2026, Currency.CNY, [new PlanObjective("grow", "Grow")],
                whitespace: new WhitespaceGrid(Currency.CNY, ["coatings"], ["group-lab"], [new WhitespaceCell("coatings", "group-lab", WhitespaceState.WhiteSpace, estimatedValue: Cny(100_000m))])),
        ];
    }

    public static WalletSummary Summary() => WalletSummary.Of(Currency.CNY, Wallets(), Plans());
}
