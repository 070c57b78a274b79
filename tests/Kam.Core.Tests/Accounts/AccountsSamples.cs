using Kam.Core.Accounts;

namespace Kam.Core.Tests.Accounts;

/// <summary>A small organization (head office → East region → Shanghai and Hangzhou branches → an office) and four accounts of two customers.</summary>
internal static class AccountsSamples
{
    public static UnitId U(string id) => UnitId.Parse(id);

    public static AccountId A(string id) => AccountId.Parse(id);

    public static PersonId P(string id) => PersonId.Parse(id);

    public static OrganizationUnit[] Units() =>
    [
        new(U("HQ"), "Head office", UnitLevel.HeadOffice),
        new(U("EAST"), "East region", UnitLevel.Region, U("HQ")),
        new(U("SH"), "Shanghai branch", UnitLevel.Branch, U("EAST")),
        new(U("SH-1"), "Pudong office", UnitLevel.Office, U("SH")),
        new(U("HZ"), "Hangzhou branch", UnitLevel.Branch, U("EAST")),
        new(U("NORTH"), "North region", UnitLevel.Region, U("HQ")),
    ];

    public static Person[] People() =>
    [
        new(P("wang"), "Wang", U("HQ"), "key-account head"),
        new(P("zhang"), "Zhang", U("SH"), "key-account manager"),
        new(P("li"), "Li", U("HZ"), "key-account manager"),
        new(P("zhao"), "Zhao", U("SH-1"), "key-account specialist"),
    ];

    public static Territory[] Territories() => [new(TerritoryId.Parse("T-SH"), "Shanghai", U("SH"), P("zhang"))];

    public static Organization Organization() => new(Units(), People(), Territories());

    public static Account[] Accounts() =>
    [
        new(A("HQ-ACME"), "ACME group", AccountLevel.Group, P("zhang"), U("SH"), industry: "Manufacturing", region: "East",
            team: [new AccountTeamMember(P("zhang"), "key-account manager"), new AccountTeamMember(P("wang"), "executive sponsor")]),
        new(A("ACME-SH"), "ACME Shanghai", AccountLevel.Branch, P("zhang"), U("SH"), parent: A("HQ-ACME"), territory: TerritoryId.Parse("T-SH")),
        new(A("ACME-HZ"), "ACME Hangzhou outlet", AccountLevel.Outlet, P("li"), U("HZ"), parent: A("ACME-SH")),
        new(A("BETA"), "Beta Logistics", AccountLevel.DecisionUnit, P("zhao"), U("SH-1")),
    ];

    public static AccountHierarchy Hierarchy() => new(Organization(), Accounts());
}
