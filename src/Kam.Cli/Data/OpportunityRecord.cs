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

    public required IReadOnlyList<EventRow> Events { get; init; }
}

/// <summary>One row of events.csv (or one generated event): an event of an opportunity under the eight-stage model.</summary>
/// <remarks>
/// Equality compares the facts, close reason code and competitor included; it ignores <see cref="Source"/> (an event is the same whether generated or read back from a file) and
/// <see cref="ExpectedClose"/> (a fact of the row, not of the event; the record keeps the opportunity's last one).
/// </remarks>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Stage">The stage 1..8 for milestone, success and procurement events; <see langword="null"/> for outcomes.</param>
/// <param name="Item">The playbook item key for milestone and success events (e.g. <c>s1.customer-info</c>); <see langword="null"/> otherwise.</param>
/// <param name="Person">Who recorded it.</param>
/// <param name="Reason">Why, for lost and abandoned outcomes; otherwise <see langword="null"/>.</param>
/// <param name="Source">The row it was read from (events.csv), or <see langword="null"/> for a generated event.</param>
internal sealed record EventRow(Instant At, OpportunityEventKind Kind, int? Stage, string? Item, PersonId Person, string? Reason = null, SourceRow? Source = null)
{
    /// <summary>
    /// Gets the expected close the row gave when the event was recorded (events.csv's <c>expected_close</c> of this row), or
    /// <see langword="null"/> when unknown (then the record's). A change from one row to the next is a re-estimate of
    /// the signing day: <c>kam forecast</c> replays it as a move of the expected close (slippage, pull-in).
    /// </summary>
    public LocalDate? ExpectedClose { get; init; }

    /// <summary>Gets why the opportunity closed, as a code of the host's close-reason list (events.csv's <c>reason_code</c>), for won, lost and abandoned events; otherwise <see langword="null"/>.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Gets the competitor who won the business (events.csv's <c>competitor</c>), for lost events; otherwise <see langword="null"/>.</summary>
    public string? Competitor { get; init; }

    /// <summary>Compares the facts of two events (not where they were read).</summary>
    /// <param name="other">The other event.</param>
    /// <returns><see langword="true"/> when the facts are equal.</returns>
    public bool Equals(EventRow? other) =>
        other is not null && At == other.At && Kind == other.Kind && Stage == other.Stage && Item == other.Item && Person == other.Person && Reason == other.Reason
        && ReasonCode == other.ReasonCode && Competitor == other.Competitor;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(At, Kind, Stage, Item, Person, Reason);
}

/// <summary>The row of a CSV file a record was read from, so that a problem found later (by an engine) names its cell.</summary>
/// <param name="File">The file's display name.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Columns">The 1-based column number of each column of the file, by column name (one map shared by the file's rows).</param>
internal sealed record SourceRow(string File, int Line, IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>Gets the location of a cell of the row, <c>file:line:column</c> (<c>file:line</c> when the file has no such column).</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The location.</returns>
    public string Location(string column) =>
        Columns.TryGetValue(column, out var number)
            ? CellLocation.Of(File, Line, number)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}");
}

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

    /// <summary>The opportunity was lost to a competitor or canceled by the customer.</summary>
    Lost,

    /// <summary>We gave the opportunity up.</summary>
    Abandoned,
}

/// <summary>Where a record was read (its <see cref="SourceRow"/>), carried by the record without taking part in its equality.</summary>
/// <remarks>
/// <para>
/// Two records with the same facts are equal whether generated or read back from a file, and from whichever line;
/// the source only locates a problem an engine finds later (<c>file:line:column</c>).
/// </para>
/// <para>
/// Held as the file's name, the line and the file's shared column map, not as a <see cref="SourceRow"/> object: a
/// million records read carry no million objects for the garbage collector; <see cref="Row"/> is made when asked for.
/// </para>
/// </remarks>
internal readonly record struct RowSource
{
    private readonly string? _file;
    private readonly IReadOnlyDictionary<string, int>? _columns;
    private readonly int _line;

    /// <summary>Creates the source of a row, or of a generated record.</summary>
    /// <param name="row">The row, or <see langword="null"/> for a generated record.</param>
    public RowSource(SourceRow? row)
    {
        if (row is not null)
        {
            _file = row.File;
            _line = row.Line;
            _columns = row.Columns;
        }
    }

    /// <summary>Creates the source of a row of a file.</summary>
    /// <param name="file">The file's display name.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="columns">The file's column numbers by name (one map shared by the file's rows).</param>
    public RowSource(string file, int line, IReadOnlyDictionary<string, int> columns)
    {
        _file = file;
        _line = line;
        _columns = columns;
    }

    /// <summary>Gets the row, or <see langword="null"/> for a generated record.</summary>
    public SourceRow? Row => _file is null ? null : new SourceRow(_file, _line, _columns!);

    /// <summary>Always <see langword="true"/>: where a record was read is not one of its facts.</summary>
    /// <param name="other">The other source.</param>
    /// <returns><see langword="true"/>.</returns>
    public bool Equals(RowSource other) => true;

    /// <inheritdoc />
    public override int GetHashCode() => 0;

    /// <summary>Gets the location of a cell of the row, or <see langword="null"/> for a generated record.</summary>
    /// <param name="column">The column name.</param>
    /// <returns>The location <c>file:line:column</c>, or <see langword="null"/>.</returns>
    public string? Location(string column) => Row?.Location(column);
}
