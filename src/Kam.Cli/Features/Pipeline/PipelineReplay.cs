using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Cli.Features.Pipeline;

/// <summary>One opportunity replayed on the playbook: the host's record and the Stages engine's state.</summary>
/// <param name="Record">The record (events.csv or the sample).</param>
/// <param name="State">The state after its events up to the view day.</param>
internal sealed record ReplayedOpportunity(OpportunityRecord Record, OpportunityState State);

/// <summary>
/// Maps the CLI's opportunity records to the Stages engine's events (opened, milestone done, success met, procurement
/// stage observed, won, lost, abandoned) and replays them on a playbook; a refused event is reported at its cell.
/// </summary>
internal static class PipelineReplay
{
    /// <summary>Gets the engine events of a record: the opening (account, value, expected close and owner of the record, at its first event) then one per event.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The events, oldest first.</returns>
    public static IEnumerable<OpportunityEvent> ToEvents(OpportunityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Events.Count == 0)
        {
            yield break;
        }

        yield return Opened(record, record.Events[0].At);
        foreach (var @event in record.Events)
        {
            yield return ToEvent(@event);
        }
    }

    /// <summary>Replays every record's events up to a moment on the playbook.</summary>
    /// <param name="playbook">The playbook.</param>
    /// <param name="records">The records, events in time order.</param>
    /// <param name="until">Events at or after this moment are not yet known (the end of the view day).</param>
    /// <returns>The opportunities opened before <paramref name="until"/>, in record order.</returns>
    /// <exception cref="KamValidationException">
    /// An event names an item the playbook does not know (or an item of another stage or kind), or the state machine
    /// refuses it (an event after the outcome, an abandon without reason); each error is located at its cell
    /// (<c>events.csv:line:column</c>).
    /// </exception>
    public static IReadOnlyList<ReplayedOpportunity> Replay(Playbook playbook, IReadOnlyList<OpportunityRecord> records, Instant until)
    {
        var errors = new List<KamValidationError>();
        var result = new List<ReplayedOpportunity>(records.Count);
        foreach (var record in records)
        {
            var events = record.Events.TakeWhile(e => e.At < until).ToArray();
            if (events.Length == 0)
            {
                continue;
            }

            if (Replay(playbook, record, events, errors) is { } state)
            {
                result.Add(new ReplayedOpportunity(record, state));
            }

            if (errors.Count >= CsvFile.MaxErrors)
            {
                break;
            }
        }

        return errors.Count == 0 ? result : throw new KamValidationException(errors);
    }

    private static OpportunityState? Replay(Playbook playbook, OpportunityRecord record, EventRow[] events, List<KamValidationError> errors)
    {
        // Each next state goes to its own variable, never to the receiver (see OpportunityState.TryApply).
        if (!OpportunityState.Initial(playbook).TryApply(Opened(record, events[0].At), out var state, out var opening))
        {
            errors.Add(Locate(opening!, record, events[0], 0));
            return null;
        }

        for (var i = 0; i < events.Length; i++)
        {
            var @event = events[i];
            if (StageMismatch(playbook, @event) is { } mismatch)
            {
                errors.Add(Locate(mismatch, record, @event, i));
                return null;
            }

            if (!state.TryApply(ToEvent(@event), out var next, out var error))
            {
                errors.Add(Locate(error!, record, @event, i));
                return null;
            }

            state = next;
        }

        return state;
    }

    private static OpportunityOpened Opened(OpportunityRecord record, Instant at) =>
        new(at, record.Owner, record.Id, record.Account, record.Owner, record.Value, record.ExpectedClose);

    private static OpportunityEvent ToEvent(EventRow @event) => @event.Kind switch
    {
        OpportunityEventKind.Milestone => new MilestoneItemDone(@event.At, @event.Person, @event.Item ?? string.Empty),
        OpportunityEventKind.Success => new SuccessItemMet(@event.At, @event.Person, @event.Item ?? string.Empty),
        OpportunityEventKind.Procurement => new ProcurementStageObserved(@event.At, @event.Person, (ProcurementStage)(@event.Stage ?? 0)),
        OpportunityEventKind.Won => new OpportunityWon(@event.At, @event.Person, @event.ReasonCode),
        OpportunityEventKind.Lost => new OpportunityLost(@event.At, @event.Person, @event.Reason, @event.ReasonCode, @event.Competitor),
        _ => new OpportunityAbandoned(@event.At, @event.Person, @event.Reason ?? (@event.ReasonCode is null ? string.Empty : null), @event.ReasonCode),
    };

    // events.csv names the stage of a milestone or success item too: it must be the item's stage in the playbook.
    private static KamValidationError? StageMismatch(Playbook playbook, EventRow @event)
    {
        if (@event.Kind is not (OpportunityEventKind.Milestone or OpportunityEventKind.Success) || @event.Item is null || @event.Stage is not { } stage
            || playbook.IndexOf(@event.Item) < 0)
        {
            return null;
        }

        var item = playbook[@event.Item];
        return item.Stage.Number() == stage
            ? null
            : new KamValidationError("event.stage", KamErrorCodes.InvalidState, stage.ToString(CultureInfo.InvariantCulture), $"item '{item.Key}' belongs to stage {item.Stage.Number()} of the playbook.");
    }

    // The engine names the part of the event it refuses (event.item, event.reason …): point at that cell of the row.
    private static KamValidationError Locate(KamValidationError error, OpportunityRecord record, EventRow @event, int index)
    {
        var part = error.Path.StartsWith("event.", StringComparison.Ordinal) ? error.Path["event.".Length..] : string.Empty;
        CsvColumn column = part switch
        {
            "item" => EventsCsv.Item,
            "reason" => EventsCsv.Reason,
            "reasonCode" => EventsCsv.ReasonCode,
            "competitor" => EventsCsv.Competitor,
            "stage" => EventsCsv.Stage,
            "value" => EventsCsv.Value,
            "owner" => EventsCsv.Owner,
            "account" => EventsCsv.AccountId,
            "opportunity" => EventsCsv.OpportunityId,
            "at" => EventsCsv.At,
            "by" => EventsCsv.Person,
            _ => EventsCsv.Kind,
        };
        var path = @event.Source?.Location(column.Name) ?? string.Create(CultureInfo.InvariantCulture, $"{record.Id}.events[{index}].{column.Name}");
        var message = error.Message.Length > 0 && char.IsUpper(error.Message[0]) ? char.ToLowerInvariant(error.Message[0]) + error.Message[1..] : error.Message;
        return error with { Path = path, Message = $"opportunity '{record.Id}': {message}" };
    }
}
