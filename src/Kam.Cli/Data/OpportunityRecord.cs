using Kam.Core;
using NodaTime;

namespace Kam.Cli.Data;

/// <summary>One opportunity with its event history, as the CLI reads it (events.csv) or generates it (the demo sample).</summary>
/// <remarks>Events are in time order. A plain host-side record: the pipeline command maps it to the Stages engine's types.</remarks>
internal sealed record OpportunityRecord
{
    public required OpportunityId Id { get; init; }

    public required PersonId Owner { get; init; }

    public required AccountId Account { get; init; }

    /// <summary>Gets the expected contract value.</summary>
    public required Money Value { get; init; }

    public required LocalDate ExpectedClose { get; init; }

    public required IReadOnlyList<OpportunityEvent> Events { get; init; }
}

/// <summary>One recorded event of an opportunity under the eight-stage model (SPEC §1).</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Stage">The stage 1..8 for milestone, success and procurement events; <see langword="null"/> for outcomes.</param>
/// <param name="Item">The playbook item key for milestone and success events (e.g. <c>s1.customer-info</c>); <see langword="null"/> otherwise.</param>
/// <param name="Person">Who recorded it.</param>
/// <param name="Reason">Why, for lost and abandoned outcomes; otherwise <see langword="null"/>.</param>
internal sealed record OpportunityEvent(Instant At, OpportunityEventKind Kind, int? Stage, string? Item, PersonId Person, string? Reason = null);

/// <summary>The kinds of opportunity events (column <c>kind</c> of events.csv).</summary>
internal enum OpportunityEventKind
{
    /// <summary>A milestone item of a stage was done (the project is entering the stage).</summary>
    Milestone,

    /// <summary>A success-criteria item of a stage was met (the stage is being completed).</summary>
    Success,

    /// <summary>The customer's procurement process was observed at a stage.</summary>
    Procurement,

    /// <summary>The contract was signed.</summary>
    Won,

    /// <summary>The opportunity was lost to a competitor or cancelled by the customer.</summary>
    Lost,

    /// <summary>We gave the opportunity up.</summary>
    Abandoned,
}
