using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.People;
using Kam.Cli.Features.Shared;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;
using NodaTime.Text;

namespace Kam.Cli.Features.Init;

/// <summary>Renders the people part of the sample as contacts.csv, relationships.csv, activities.csv, promises.csv and checks.csv (<c>kam init --sample</c>).</summary>
internal static class SamplePeopleCsv
{
    /// <summary>Renders the files.</summary>
    /// <param name="people">The people part.</param>
    /// <returns>The five CSV files.</returns>
    public static IReadOnlyList<InitTemplate> Files(SamplePeopleSet people) =>
    [
        new(ContactsCsv.Contacts.FileName, ContactsCsv.Contacts.ToFile(people.Contacts.Select(Contact))),
        new(ContactsCsv.Relationships.FileName, ContactsCsv.Relationships.ToFile(people.Relationships.Select(r => new[]
        {
            Date(r.Date), r.Person.Value, r.Contact.Value, Int(r.Strength), r.OurLevel?.ToString() ?? string.Empty,
        }))),
        new(ActivitiesCsv.Activities.FileName, ActivitiesCsv.Activities.ToFile(people.Activities.Select(r => r.Activity).Select(a => new[]
        {
            Date(a.Date), ActivitiesCsv.WordOf(a.Kind), a.Person.Value, a.Account.Value, string.Join(' ', a.Contacts.Select(c => c.Value)), a.Opportunity?.Value ?? string.Empty, a.Outcome ?? string.Empty,
        }))),
        new(ActivitiesCsv.Promises.FileName, ActivitiesCsv.Promises.ToFile(people.Promises.Select(r => r.Promise).Select(p => new[]
        {
            p.Account.Value, p.Description, Date(p.Made), Date(p.Due), ActivitiesCsv.Statuses[(int)p.Status],
        }))),
        new(ActivitiesCsv.Checks.FileName, ActivitiesCsv.Checks.ToFile(people.Checks.Select(c => new[]
        {
            c.Account.Value, Date(c.Date), c.Item, c.Score.ToString(CultureInfo.InvariantCulture),
        }))),
    ];

    private static string[] Contact(ContactRecord c)
    {
        var p = c.Profile;
        return
        [
            Date(c.Date), c.Contact.Value, c.Account.Value, p.Name, p.Title ?? string.Empty, p.Level.ToString(), p.Function.Name, PeopleViews.Words(p.Roles), PeopleViews.Words(p.Decisions),
            p.Veto ? "yes" : "no", Int(p.Influence), p.Attitude.ToString(), p.Style?.ToString() ?? string.Empty, p.ReportsTo?.Value ?? string.Empty,
            string.Join(' ', p.Influences.Select(i => i.Value)), PeopleViews.Words(p.Committees), p.LeaningTo ?? string.Empty, string.Join(' ', c.Opportunities.Select(o => o.Value)),
            c.LeftOn is { } left ? Date(left) : string.Empty,
        ];
    }

    private static string Date(NodaTime.LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
