using Kam.Core.Accounts;
using Kam.Core.Portfolio.Staffing;
using Kam.Core.Relationships.Activities;

namespace Kam.Core.Tests.Docs;

/// <summary>The worked example of docs/staffing.md, compiled: the code between the markers is the page's code block.</summary>
internal static class StaffingDocSample
{
    public static StaffingPlan Run()
    {
        // <staffing>
        var options = new StaffingOptions(
            loads: [.. GradeLoad.FromStandards(ContactStandards.Default)
                .Select(l => l.Grade == "KA1" ? new GradeLoad("KA1", l.HoursPerMonth, Money.Of(40_000m, "CNY")) : l)],
            costPerManagerMonth: Money.Of(30_000m, "CNY"));
        var accounts = new List<AccountAssignment>();
        void Add(int count, string grade, string manager)
        {
            for (var i = 0; i < count; i++)
            {
                accounts.Add(new AccountAssignment(AccountId.Parse($"{grade}-{i}"), PersonId.Parse(manager), grade));
            }
        }

        Add(4, "KA1", "li");
        Add(10, "KA3", "wang");
        Add(20, "KA6", "zhao");
        StaffingPeriod[] periods =
        [
            new("FY2027-Q1", Ratio.FromPercent(5m)),
            new("FY2027-Q2", Ratio.FromPercent(5m), surge: 1.2m),
        ];
        StaffingManager[] managers =
        [
            new(PersonId.Parse("li")), new(PersonId.Parse("wang")), new(PersonId.Parse("zhao")), new(PersonId.Parse("chen"), quality: 0.8m),
        ];
        var plan = new StaffingPlanner(options).Plan(accounts, periods, managers);
        // </staffing>
        return plan;
    }
}
