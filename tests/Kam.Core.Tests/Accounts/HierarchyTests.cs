using Kam.Core.Accounts;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

public sealed class HierarchyTests
{
    [Fact]
    public void Organization_lookups_follow_the_unit_tree()
    {
        var org = Organization();
        Assert.Equal([U("SH"), U("EAST"), U("HQ")], org.Ancestors(U("SH-1")));
        Assert.Equal([U("SH"), U("SH-1"), U("HZ")], org.Descendants(U("EAST")));
        Assert.Equal([U("EAST"), U("NORTH")], org.Children(U("HQ")));
        Assert.Empty(org.Ancestors(U("HQ")));
        Assert.True(org.IsWithin(U("SH-1"), U("EAST")));
        Assert.True(org.IsWithin(U("EAST"), U("EAST")));
        Assert.False(org.IsWithin(U("NORTH"), U("EAST")));
        Assert.Equal("Zhang", org.Person(P("zhang")).Name);
        Assert.Equal(U("SH"), org.Territory(TerritoryId.Parse("T-SH")).Unit);
    }

    [Fact]
    public void Roll_up_order_puts_every_unit_after_the_units_below_it()
    {
        var org = Organization();
        var position = org.RollUpOrder.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i);
        Assert.Equal(org.Units.Count, position.Count);
        foreach (var unit in org.Units.Where(u => u.Parent is not null))
        {
            Assert.True(position[unit.Id] < position[unit.Parent!.Value], $"{unit.Id} before {unit.Parent}");
        }
    }

    [Fact]
    public void Account_lookups_follow_both_hierarchies()
    {
        var h = Hierarchy();
        Assert.Equal([A("ACME-SH"), A("HQ-ACME")], h.Ancestors(A("ACME-HZ")));
        Assert.Equal([A("ACME-SH"), A("ACME-HZ")], h.Descendants(A("HQ-ACME")));
        Assert.Equal([A("ACME-SH")], h.Children(A("HQ-ACME")));
        Assert.Equal(U("HZ"), h.UnitOf(A("ACME-HZ")));
        Assert.Equal([A("HQ-ACME"), A("ACME-SH"), A("BETA"), A("ACME-HZ")], h.AccountsIn(U("EAST")));
        Assert.Equal([A("HQ-ACME"), A("ACME-SH"), A("BETA")], h.AccountsIn(U("SH")));
        Assert.Equal([A("BETA")], h.AccountsIn(U("SH-1")));
        Assert.Empty(h.AccountsIn(U("NORTH")));
        Assert.Equal(4, h.AccountsIn(U("HQ")).Count);
        var position = h.RollUpOrder.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i);
        Assert.True(position[A("ACME-HZ")] < position[A("ACME-SH")] && position[A("ACME-SH")] < position[A("HQ-ACME")]);
    }

    [Fact]
    public void Unknown_lookups_are_typed_errors()
    {
        var h = Hierarchy();
        var ex = Assert.Throws<KamValidationException>(() => h.UnitOf(A("NOPE")));
        Assert.Equal(KamErrorCodes.Unknown, ex.Errors[0].Code);
        Assert.Equal("NOPE", ex.Errors[0].AttemptedValue);
        Assert.Throws<KamValidationException>(() => h.Organization.Descendants(U("NOPE")));
    }

    [Fact]
    public void Organization_reports_every_problem_with_its_path_and_value()
    {
        OrganizationUnit[] units =
        [
            new(U("HQ"), "Head office", UnitLevel.HeadOffice),
            new(U("HQ"), "Again", UnitLevel.Region),
            new(U("X"), "X", UnitLevel.Branch, U("MISSING")),
        ];
        Person[] people = [new(P("a"), "A", U("GONE"))];
        Territory[] territories = [new(TerritoryId.Parse("T"), "T", U("HQ"), P("nobody"))];
        var ex = Assert.Throws<KamValidationException>(() => new Organization(units, people, territories));
        Assert.Contains(ex.Errors, e => e is { Path: "units[1].id", Code: KamErrorCodes.Duplicate, AttemptedValue: "HQ" });
        Assert.Contains(ex.Errors, e => e is { Path: "units[2].parent", Code: KamErrorCodes.Unknown, AttemptedValue: "MISSING" });
        Assert.Contains(ex.Errors, e => e is { Path: "people[0].unit", Code: KamErrorCodes.Unknown, AttemptedValue: "GONE" });
        Assert.Contains(ex.Errors, e => e is { Path: "territories[0].manager", Code: KamErrorCodes.Unknown, AttemptedValue: "nobody" });
    }

    [Fact]
    public void A_cycle_of_units_is_named_once()
    {
        OrganizationUnit[] units =
        [
            new(U("TOP"), "Top", UnitLevel.HeadOffice),
            new(U("A"), "A", UnitLevel.Region, U("C")),
            new(U("B"), "B", UnitLevel.Branch, U("A")),
            new(U("C"), "C", UnitLevel.Office, U("B")),
            new(U("UNDER"), "Under the cycle", UnitLevel.Office, U("B")),
        ];
        var ex = Assert.Throws<KamValidationException>(() => new Organization(units));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("units[1].parent", error.Path);
        Assert.Equal("C", error.AttemptedValue);
        Assert.Contains("A → C → B → A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_is_its_own_parent_is_a_cycle()
    {
        var ex = Assert.Throws<KamValidationException>(() => new Organization([new OrganizationUnit(U("A"), "A", UnitLevel.Branch, U("A"))]));
        Assert.Equal("units[0].parent", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Accounts_are_checked_against_each_other_and_the_organization()
    {
        var org = Organization();
        Account[] accounts =
        [
            new(A("G"), "Group", AccountLevel.Group, P("zhang"), U("SH")),
            new(A("G"), "Group again", AccountLevel.Group, P("zhang"), U("SH")),
            new(A("B1"), "Branch", AccountLevel.Branch, P("ghost"), U("SH"), parent: A("NONE")),
            new(A("B2"), "Branch", AccountLevel.Branch, P("zhang"), U("MOON")),
            new(A("B3"), "Branch", AccountLevel.Branch, P("li"), U("HZ"), territory: TerritoryId.Parse("T-SH")),
            new(A("B4"), "Branch", AccountLevel.Branch, P("li"), U("HZ"), team: [new AccountTeamMember(P("stranger"), "specialist")]),
        ];
        var ex = Assert.Throws<KamValidationException>(() => new AccountHierarchy(org, accounts));
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[1].id", Code: KamErrorCodes.Duplicate, AttemptedValue: "G" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[2].parent", Code: KamErrorCodes.Unknown, AttemptedValue: "NONE" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[2].owner", Code: KamErrorCodes.Unknown, AttemptedValue: "ghost" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[3].unit", Code: KamErrorCodes.Unknown, AttemptedValue: "MOON" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[4].territory", Code: KamErrorCodes.InvalidState, AttemptedValue: "T-SH" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[5].team[0].person", Code: KamErrorCodes.Unknown, AttemptedValue: "stranger" });
        Assert.Equal(6, ex.Errors.Count);
    }

    [Fact]
    public void A_cycle_of_accounts_is_refused()
    {
        Account[] accounts =
        [
            new(A("X"), "X", AccountLevel.Branch, P("zhang"), U("SH"), parent: A("Y")),
            new(A("Y"), "Y", AccountLevel.Branch, P("zhang"), U("SH"), parent: A("X")),
        ];
        var ex = Assert.Throws<KamValidationException>(() => new AccountHierarchy(Organization(), accounts));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("accounts[0].parent", error.Path);
        Assert.Equal(KamErrorCodes.InvalidState, error.Code);
    }

    [Fact]
    public void The_parts_validate_themselves()
    {
        Assert.Equal("name", Assert.Throws<KamValidationException>(() => new OrganizationUnit(U("A"), " ", UnitLevel.Branch)).Errors[0].Path);
        Assert.Equal("level", Assert.Throws<KamValidationException>(() => new OrganizationUnit(U("A"), "A", (UnitLevel)9)).Errors[0].Path);
        Assert.Equal("id", Assert.Throws<KamValidationException>(() => new Person(default, "A", U("X"))).Errors[0].Path);
        Assert.Equal("role", Assert.Throws<KamValidationException>(() => new AccountTeamMember(P("a"), "")).Errors[0].Path);
        var ex = Assert.Throws<KamValidationException>(() => new Account(A("A"), "A", AccountLevel.Outlet, P("a"), U("X"),
            team: [new AccountTeamMember(P("b"), "r"), new AccountTeamMember(P("b"), "s")]));
        Assert.Equal("team[1].person", ex.Errors[0].Path);
    }

    [Fact]
    public void Inputs_are_copied()
    {
        var units = Units();
        var accounts = AccountsSamples.Accounts();
        var org = new Organization(units, People(), Territories());
        var h = new AccountHierarchy(org, accounts);
        units[0] = new OrganizationUnit(U("OTHER"), "Other", UnitLevel.HeadOffice);
        accounts[0] = null!;
        Assert.Equal(U("HQ"), org.Units[0].Id);
        Assert.Equal(A("HQ-ACME"), h.Accounts[0].Id);
    }

    [Fact]
    public void The_organization_file_loads_and_round_trips()
    {
        var org = Kam.Core.Accounts.Organization.FromJson(RepositoryFiles.Read("docs/schemas/samples/organization.json"));
        Assert.Equal(Organization().ToJson(), org.ToJson());
        Assert.Equal([U("SH"), U("EAST"), U("HQ")], org.Ancestors(U("SH-1")));
        Assert.Equal(org.ToJson(), Kam.Core.Accounts.Organization.FromJson(org.ToJson()).ToJson());
    }

    [Fact]
    public void Organization_file_errors_name_the_json_path_and_value()
    {
        const string json = """
            { "units": [
                { "id": "HQ", "name": "HQ", "level": "HeadOffice" },
                { "id": "X", "name": " ", "level": "Branch", "parent": "HQ" },
                { "id": "Y", "name": "Y", "level": "Branch", "parent": "NOPE" } ],
              "people": [ { "id": "p", "name": "P", "unit": "MARS" } ] }
            """;
        var ex = Assert.Throws<KamValidationException>(() => Kam.Core.Accounts.Organization.FromJson(json));
        Assert.Contains(ex.Errors, e => e is { Path: "$.units[1].name", Code: KamErrorCodes.Required });
        var fixedName = json.Replace("\"name\": \" \"", "\"name\": \"X\"", StringComparison.Ordinal);
        var second = Assert.Throws<KamValidationException>(() => Kam.Core.Accounts.Organization.FromJson(fixedName));
        Assert.Contains(second.Errors, e => e is { Path: "$.units[2].parent", Code: KamErrorCodes.Unknown, AttemptedValue: "NOPE" });
        Assert.Contains(second.Errors, e => e is { Path: "$.people[0].unit", Code: KamErrorCodes.Unknown, AttemptedValue: "MARS" });
    }
}
