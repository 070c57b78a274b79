using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Stages;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;
using NodaTime.Text;

namespace Kam.Cli.Features.Import;

/// <summary>Something <c>kam import</c> reports about a CRM history it converted (a skip, a regression, rows sorted, a row skipped).</summary>
/// <param name="Code">The kind: <c>skipped_stage</c> and <c>regression</c> (the anomaly codes of <c>kam pipeline</c>), <c>out_of_order</c>, <c>unknown_stage</c>, <c>after_outcome</c>, <c>no_stage_work</c>.</param>
/// <param name="Location">The row (<c>file:line:column</c>).</param>
/// <param name="Opportunity">The opportunity.</param>
/// <param name="Message">What was found and what kam did.</param>
internal sealed record ImportFinding(string Code, string Location, string Opportunity, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Code}: opportunity '{Opportunity}': {Message}";
}

/// <summary>The result of converting a CRM history: the opportunities as events.csv holds them, and the findings.</summary>
/// <param name="Opportunities">The opportunities, in order of first appearance, their events in time order.</param>
/// <param name="Findings">What was reported, in row order per opportunity.</param>
/// <param name="Rows">The number of history rows read.</param>
internal sealed record ImportResult(IReadOnlyList<OpportunityRecord> Opportunities, IReadOnlyList<ImportFinding> Findings, int Rows)
{
    /// <summary>Renders the opportunities as events.csv (the schema <c>kam pipeline</c> reads).</summary>
    /// <returns>The file's text.</returns>
    public string ToEventsCsv() => EventsCsv.Schema.ToFile(Opportunities.SelectMany(o => o.Events.Select(e => (string[])[
        o.Id.Value, o.Account.Value, o.Owner.Value, o.Value.Amount.ToString(CultureInfo.InvariantCulture), o.Value.Currency.Code, LocalDatePattern.Iso.Format(o.ExpectedClose),
        InstantPattern.ExtendedIso.Format(e.At), EventsCsv.Kinds[(int)e.Kind], e.Stage?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, e.Item ?? string.Empty, e.Person.Value, e.Reason ?? string.Empty,
        e.ReasonCode ?? string.Empty, e.Competitor ?? string.Empty])));
}

/// <summary>
/// Converts a CRM's stage history (Salesforce OpportunityHistory, Dynamics 365 stage history) into the eight-stage
/// events of events.csv through a <see cref="CrmMapping"/>, and reports the moves the eight-stage rules flag.
/// </summary>
/// <remarks>
/// <para>
/// Per opportunity, rows are taken in time order (a stable sort: rows at the same instant keep their file order);
/// rows out of order in the file are sorted and reported once per opportunity. Reaching a CRM stage completes the
/// playbook items its mapping entry names that are not done yet, all at the row's time; an outcome stage (or a
/// Dynamics <c>statecode</c> Won/Lost) closes the opportunity. The value and the expected close are the
/// opportunity's last row's (the last non-empty amount).
/// </para>
/// <para>
/// The eight-stage state machine is not written again here: the events are replayed by <see cref="PipelineReplay"/>
/// (which refuses what <c>kam pipeline</c> would refuse, located at the CRM row) and by
/// <see cref="Opportunity.Replay"/>, whose history gives the skipped stages. A move back to an earlier stage cannot
/// be written to events.csv (it has no kind that undoes an item): it is reported as a <c>regression</c> (or refused
/// with <c>"regressions": "refuse"</c>), and the opportunity keeps the stage its work reached.
/// </para>
/// </remarks>
internal static class CrmImport
{
    /// <summary>Converts the rows.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="rows">The history rows, in file order.</param>
    /// <param name="mapping">The mapping.</param>
    /// <param name="playbook">The playbook the items belong to.</param>
    /// <returns>The opportunities and the findings.</returns>
    /// <exception cref="KamValidationException">A row is refused (an unknown stage, no account, no currency, two currencies, a refused regression), each at its cell.</exception>
    public static ImportResult Convert(CrmKind crm, IReadOnlyList<CrmRow> rows, CrmMapping mapping, Playbook playbook)
    {
        var errors = new List<KamValidationError>();
        var findings = new List<ImportFinding>();
        if (rows.Count == 0)
        {
            throw new KamValidationException("export", KamErrorCodes.Empty, null, "the export has no rows: nothing to import.");
        }

        Currency? currency = null;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (!groups.TryGetValue(row.Opportunity, out var list))
            {
                groups.Add(row.Opportunity, list = []);
                order.Add(row.Opportunity);
            }

            list.Add(r);
            var rowCurrency = row.Currency ?? mapping.Currency;
            if (rowCurrency is null)
            {
                Add(errors, row.Source.Location(crm == CrmKind.Salesforce ? "CurrencyIsoCode" : "transactioncurrencyid"), KamErrorCodes.Required, null, "the row has no currency and the mapping file names none (\"currency\": \"CNY\").");
            }
            else if (currency is null)
            {
                currency = rowCurrency;
            }
            else if (rowCurrency != currency)
            {
                Add(errors, row.Source.Location(crm == CrmKind.Salesforce ? "CurrencyIsoCode" : "transactioncurrencyid"), KamErrorCodes.CurrencyMismatch, rowCurrency.Value.Code, $"all opportunities of one import are in one currency; earlier rows are in {currency.Value.Code}.");
            }
        }

        var result = new List<OpportunityRecord>(order.Count);
        foreach (var id in order)
        {
            if (errors.Count >= CsvFile.MaxErrors)
            {
                break;
            }

            if (Opportunity(crm, id, groups[id].Select(i => rows[i]).ToArray(), mapping, playbook, currency ?? Currency.CNY, errors, findings) is { } record)
            {
                result.Add(record);
            }
        }

        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }

        // The events must be what kam pipeline accepts: replay them (a refusal is located at the CRM row), then take
        // the skipped stages from the engine's history of each opportunity.
        PipelineReplay.Replay(playbook, result, Instant.MaxValue);
        foreach (var record in result)
        {
            var history = Kam.Core.Stages.Opportunities.Opportunity.Replay(playbook, PipelineReplay.ToEvents(record)).History;
            foreach (var skip in history.Skips)
            {
                var source = record.Events.First(e => e.At == skip.At).Source;
                var stages = string.Join(", ", skip.NewlySkipped.Select(s => s.Number().ToString(CultureInfo.InvariantCulture)));
                findings.Add(new ImportFinding("skipped_stage", source?.Location(crm == CrmKind.Salesforce ? "StageName" : "stepname") ?? record.Id.Value, record.Id.Value,
                    $"stage{(skip.NewlySkipped.Count == 1 ? string.Empty : "s")} {stages} skipped at this row: the CRM moved past {(skip.NewlySkipped.Count == 1 ? "it" : "them")} without the stage being entered (kam pipeline reports skipped_stage while the opportunity is open)."));
            }
        }

        return new ImportResult(result, findings, rows.Count);
    }

    private static OpportunityRecord? Opportunity(CrmKind crm, string id, CrmRow[] rows, CrmMapping mapping, Playbook playbook, Currency currency, List<KamValidationError> errors, List<ImportFinding> findings)
    {
        var sorted = rows.Select((row, i) => (row, i)).OrderBy(x => x.row.At).ThenBy(x => x.i).Select(x => x.row).ToArray();
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i].At < rows[i - 1].At)
            {
                findings.Add(new ImportFinding("out_of_order", rows[i].Source.Location(crm == CrmKind.Salesforce ? "CreatedDate" : "activestagestartedon"), id,
                    $"this row ({InstantPattern.ExtendedIso.Format(rows[i].At)}) is earlier than the opportunity's row on line {rows[i - 1].Source.Line}; its rows were taken in time order."));
                break;
            }
        }

        var first = sorted[0];
        var account = rows.Select(r => r.Account).FirstOrDefault(a => a is not null);
        if (account is null)
        {
            Add(errors, first.AccountCell, KamErrorCodes.Required, null, crm == CrmKind.Salesforce
                ? $"opportunity '{id}' has no account: OpportunityHistory does not carry one; give the Opportunity export with --opportunities (Id, AccountId, OwnerId)."
                : $"opportunity '{id}' has no account (parentaccountid or customerid).");
            return null;
        }

        var ownerText = sorted.Select(r => r.Owner).LastOrDefault(o => !string.IsNullOrWhiteSpace(o)) ?? string.Empty;
        if (!mapping.TryOwner(ownerText, out var owner))
        {
            Add(errors, first.Source.Location(crm == CrmKind.Salesforce ? "CreatedById" : "ownerid"), KamErrorCodes.InvalidFormat, ownerText, "the owner is not a valid person id; map it in the mapping file's \"owners\".");
            return null;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<EventRow>();
        (int Stage, bool Completed)? reached = null;
        CrmOutcome? closed = null;
        foreach (var row in sorted)
        {
            var source = row.Source;
            var entry = mapping.Stage(row.Stage);
            if (closed is not null)
            {
                if ((entry?.Outcome ?? Outcome(row, mapping)) != closed || (entry is not null && entry.Outcome is null && entry.Stage > (reached?.Stage ?? 0)))
                {
                    findings.Add(new ImportFinding("after_outcome", row.StageCell, id, $"a row after the opportunity was {Word(closed.Value)} ('{row.Stage}'): events.csv cannot reopen an opportunity; the row is left out."));
                }

                continue;
            }

            if (entry is null && (crm == CrmKind.Salesforce || row.State is null))
            {
                if (mapping.SkipUnknownStages)
                {
                    findings.Add(new ImportFinding("unknown_stage", row.StageCell, id, $"the mapping file has no stage '{row.Stage}'; the row is left out (\"unknownStages\": \"skip\")."));
                    continue;
                }

                Add(errors, row.StageCell, KamErrorCodes.Unknown, row.Stage, $"opportunity '{id}': the mapping file has no stage with this name (it lists {string.Join(", ", mapping.Stages.Keys.Select(k => $"'{k}'"))}); add it, or set \"unknownStages\": \"skip\".");
                return null;
            }

            if (entry is { Stage: { } stage })
            {
                if (reached is { } before && (stage < before.Stage || (stage == before.Stage && before.Completed && !entry.Completed)))
                {
                    var message = $"moved back from {Position(before)} to '{row.Stage}' ({Position((stage, entry.Completed))}); events.csv cannot undo playbook items, so the opportunity keeps the stage its work reached.";
                    if (mapping.RefuseRegressions)
                    {
                        Add(errors, row.StageCell, KamErrorCodes.InvalidState, row.Stage, $"opportunity '{id}' {message} (\"regressions\": \"refuse\")");
                        return null;
                    }

                    findings.Add(new ImportFinding("regression", row.StageCell, id, message));
                }
                else
                {
                    reached = (stage, entry.Completed);
                }

                foreach (var key in entry.Items.OrderBy(k => playbook[k].Stage).ThenBy(k => playbook[k].Kind == StageItemKind.Milestone ? 0 : 1))
                {
                    if (done.Add(key))
                    {
                        var item = playbook[key];
                        events.Add(new EventRow(row.At, item.Kind == StageItemKind.Milestone ? OpportunityEventKind.Milestone : OpportunityEventKind.Success, item.Stage.Number(), key, owner, null, source));
                    }
                }
            }

            if ((entry?.Outcome ?? Outcome(row, mapping)) is { } outcome)
            {
                var reason = outcome == CrmOutcome.Won ? null : (entry?.Outcome is not null ? entry.Reason : row.StatusReason) ?? Word(outcome);
                events.Add(new EventRow(row.At, outcome switch { CrmOutcome.Won => OpportunityEventKind.Won, CrmOutcome.Lost => OpportunityEventKind.Lost, _ => OpportunityEventKind.Abandoned }, null, null, owner, reason, source));
                closed = outcome;
            }
        }

        if (events.Count == 0)
        {
            findings.Add(new ImportFinding("no_stage_work", first.StageCell, id, "no row of this opportunity maps to playbook work (its stages map to stage 0 without items): it is left out of events.csv, which opens an opportunity at its first event."));
            return null;
        }

        var last = sorted[^1];
        var amount = sorted.Select(r => r.Amount).LastOrDefault(a => a is not null) ?? 0m;
        return new OpportunityRecord
        {
            Id = OpportunityId.Parse(id),
            Account = AccountId.Parse(account),
            Owner = owner,
            Value = new Money(amount, currency),
            ExpectedClose = last.CloseDate,
            Events = events,
        };
    }

    // A Dynamics row closes the opportunity by its statecode: Won, or Lost (abandoned when the mapping says so of its status reason).
    private static CrmOutcome? Outcome(CrmRow row, CrmMapping mapping) => row.State switch
    {
        "Won" => CrmOutcome.Won,
        "Lost" => (row.StatusReason is { } reason ? mapping.StatusReason(reason) : null) ?? CrmOutcome.Lost,
        _ => null,
    };

    private static string Word(CrmOutcome outcome) => outcome switch { CrmOutcome.Won => "won", CrmOutcome.Lost => "lost", _ => "abandoned" };

    private static string Position((int Stage, bool Completed) at) =>
        at.Stage == 0 ? "before stage 1" : string.Create(CultureInfo.InvariantCulture, $"{(at.Completed ? "completed " : string.Empty)}stage {at.Stage}");

    private static void Add(List<KamValidationError> errors, string path, string code, string? value, string message) => errors.Add(new KamValidationError(path, code, value, message));
}
