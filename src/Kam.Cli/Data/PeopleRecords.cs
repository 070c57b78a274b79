using Kam.Core;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;

namespace Kam.Cli.Data;

/// <summary>One row of contacts.csv: a contact's profile from a day on (the first row of a contact maps them, a later row replaces the profile), and optionally the day the contact left.</summary>
/// <param name="Date">The day the profile holds from.</param>
/// <param name="Contact">The contact.</param>
/// <param name="Account">The account whose buying center the contact is in.</param>
/// <param name="Profile">The profile (validated by the library when the row was read).</param>
/// <param name="Opportunities">The opportunities the contact takes part in (for the coverage per opportunity).</param>
/// <param name="LeftOn">The day the contact left, or <see langword="null"/>.</param>
/// <param name="Source">The row it was read from, or <see langword="null"/> when generated.</param>
internal sealed record ContactRecord(LocalDate Date, ContactId Contact, AccountId Account, ContactProfile Profile, IReadOnlyList<OpportunityId> Opportunities, LocalDate? LeftOn = null, SourceRow? Source = null);

/// <summary>One row of relationships.csv: from a day, one of our people has a relationship of a strength with a contact (0 ends it).</summary>
/// <param name="Date">The day.</param>
/// <param name="Person">Our person.</param>
/// <param name="Contact">The contact.</param>
/// <param name="Strength">The strength, 0 (ended) to 5.</param>
/// <param name="OurLevel">Our person's level (executive = Decision), or <see langword="null"/> when the row does not say.</param>
/// <param name="Source">The row it was read from, or <see langword="null"/> when generated.</param>
internal sealed record RelationshipRecord(LocalDate Date, PersonId Person, ContactId Contact, int Strength, DecisionLevel? OurLevel = null, SourceRow? Source = null);

/// <summary>One row of activities.csv with the row it was read from.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Source">The row, or <see langword="null"/> when generated.</param>
internal sealed record ActivityRecord(Activity Activity, SourceRow? Source = null);

/// <summary>One row of promises.csv with the row it was read from.</summary>
/// <param name="Promise">The promise.</param>
/// <param name="Source">The row, or <see langword="null"/> when generated.</param>
internal sealed record PromiseRecord(Promise Promise, SourceRow? Source = null);

/// <summary>One row of checks.csv: an item's score in an account's partnership check of a day, or (item <c>satisfaction</c>) a satisfaction score.</summary>
/// <param name="Account">The account.</param>
/// <param name="Date">The day of the check or score.</param>
/// <param name="Item">The check item's id, or <c>satisfaction</c>.</param>
/// <param name="Score">The score.</param>
/// <param name="Source">The row, or <see langword="null"/> when generated.</param>
internal sealed record CheckRecord(AccountId Account, LocalDate Date, string Item, decimal Score, SourceRow? Source = null);

/// <summary>The people inputs of an account besides its place in the hierarchy (columns of accounts.csv that <c>kam contact</c> reads).</summary>
/// <param name="Grade">The account's contact-standard grade, or <see langword="null"/> when it has none.</param>
/// <param name="Since">The day the account exists from, or <see langword="null"/> when unknown.</param>
/// <param name="Source">The row it was read from, or <see langword="null"/> when generated.</param>
internal sealed record AccountPeopleColumns(string? Grade, LocalDate? Since, SourceRow? Source = null);
