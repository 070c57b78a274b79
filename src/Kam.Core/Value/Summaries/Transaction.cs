using NodaTime;

namespace Kam.Core.Value.Summaries;

/// <summary>One row of a transaction log: a customer bought something worth <see cref="Amount"/> on <see cref="Date"/>.</summary>
/// <remarks>
/// Several rows may share a customer and a date; the summarizer treats them as one purchase occasion whose value is
/// their sum. The amount is in the log's single currency (the summarizer does not convert) and must not be
/// negative. An immutable value; equality is member-wise.
/// </remarks>
/// <param name="CustomerId">The customer's identifier; must not be blank.</param>
/// <param name="Date">The day of the purchase.</param>
/// <param name="Amount">The value of the purchase; zero or more.</param>
public readonly record struct Transaction(string CustomerId, LocalDate Date, decimal Amount);
