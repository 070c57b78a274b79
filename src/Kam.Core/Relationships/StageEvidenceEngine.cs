using System.Globalization;
using Kam.Core.Stages;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>
/// Lets the buying-center map answer the stage machine (rule book: stages; accounts, coverage at every level): whether
/// the customer's organization is mapped (the stage-2 milestone) and its decision makers influenced (the stage-4
/// item), the item events that record it, and the pipeline anomaly of an opportunity at stage 4 or later without a
/// covered contact at the decision level.
/// </summary>
/// <remarks>
/// <para>
/// Rules fixed at construction: <c>new StageEvidenceEngine(policy)</c>; the maps and the opportunities are inputs to
/// each call. Only contacts present on the map's date count (those who left are ignored). A contact is
/// <em>covered</em> when one of our people has a relationship with them of the policy's strength or more.
/// </para>
/// <para>
/// The organization is <em>mapped</em> when the map (or the opportunity's contacts) has at least the policy's number of
/// contacts, a contact at each of its levels and a holder of each of its decisions. The decision makers are the
/// contacts with the decision-maker role and the holders of the policy's decisions; they are <em>influenced</em> when
/// there is at least one and each is covered with an attitude of the policy's minimum or better. Immutable and safe to
/// share between threads.
/// </para>
/// </remarks>
public sealed class StageEvidenceEngine
{
    private static readonly BuyingDecisions[] FiveDecisions = [BuyingDecisions.Whether, BuyingDecisions.When, BuyingDecisions.Budget, BuyingDecisions.Supplier, BuyingDecisions.Signature];

    /// <summary>Creates the engine.</summary>
    /// <param name="policy">The rules; <see cref="StageEvidencePolicy.Default"/> for the documented defaults.</param>
    public StageEvidenceEngine(StageEvidencePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>Gets the rules.</summary>
    public StageEvidencePolicy Policy { get; }

    /// <summary>Evaluates one account's map, or the contacts of one of its opportunities.</summary>
    /// <param name="center">The account's map, as of its date.</param>
    /// <param name="opportunity">The opportunity whose contacts are named, or <see langword="null"/> for the whole account.</param>
    /// <param name="contacts">The opportunity's contacts, each a contact of the map; <see langword="null"/> for every contact of the account.</param>
    /// <returns>The evidence.</returns>
    /// <exception cref="KamValidationException">Contacts are named without an opportunity (or an opportunity without contacts is the default identifier), or a contact is not on the map (<c>contacts[2]</c>); every problem is reported.</exception>
    public StageEvidence Evaluate(BuyingCenter center, OpportunityId? opportunity = null, IReadOnlyList<ContactId>? contacts = null)
    {
        ArgumentNullException.ThrowIfNull(center);
        var errors = new ValidationCollector();
        if (opportunity is { } id && id.Value is null or { Length: 0 })
        {
            errors.Add("opportunity", KamErrorCodes.Required, null, "An identifier is required (the default value has none).");
        }

        if (contacts is not null && opportunity is null)
        {
            errors.Add("opportunity", KamErrorCodes.Required, null, "Contacts are named for an opportunity: name the opportunity too.");
        }

        bool[]? scope = null;
        if (contacts is not null)
        {
            scope = new bool[center.ContactArray.Length];
            for (var i = 0; i < contacts.Count; i++)
            {
                if (center.TryIndexOf(contacts[i], out var index))
                {
                    scope[index] = true;
                }
                else
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"contacts[{i}]"), KamErrorCodes.Unknown, contacts[i], $"No contact of account '{center.Account}' has this identifier on {ValidationCollector.Render(center.Date)}.");
                }
            }
        }

        errors.ThrowIfAny();
        return Run(center, opportunity, scope);
    }

    /// <summary>
    /// Gives the item events that bring an open opportunity's record in line with the evidence: the item marked done
    /// (<see cref="MilestoneItemDone"/>, or <see cref="SuccessItemMet"/> when the opportunity's playbook has it as a
    /// success criterion) where the map supports it and it is not yet done; and, when the policy says
    /// <see cref="StageEvidencePolicy.Withdraw"/>, undone where it is done and the map no longer supports it.
    /// </summary>
    /// <param name="opportunity">The opportunity's current state.</param>
    /// <param name="evidence">The evidence for the opportunity's account (from <see cref="Evaluate"/>).</param>
    /// <param name="at">When the events happen (for example the map's date at the host's end of day).</param>
    /// <param name="by">Who records them (for example the account's manager, or a system user).</param>
    /// <returns>The events, in the order of <see cref="StageEvidence.Items"/>; none for a closed opportunity.</returns>
    /// <exception cref="KamValidationException">The opportunity is not opened, belongs to another account than the evidence, or was evaluated for another opportunity; or its playbook has no item with an evaluated key; every problem is reported.</exception>
    public IReadOnlyList<ItemEvent> ItemEvents(OpportunityState opportunity, StageEvidence evidence, Instant at, PersonId by)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var errors = new ValidationCollector();
        if (!opportunity.IsOpened)
        {
            errors.Add("opportunity", KamErrorCodes.Required, null, "The opportunity has not been opened.");
            errors.ThrowIfAny();
        }

        if (opportunity.Account != evidence.Account)
        {
            errors.Add("evidence.account", KamErrorCodes.Unknown, evidence.Account, $"The evidence is for another account than the opportunity's ('{opportunity.Account}').");
        }

        if (evidence.Opportunity is { } evaluated && evaluated != opportunity.Id)
        {
            errors.Add("evidence.opportunity", KamErrorCodes.Unknown, evaluated, $"The evidence was evaluated for another opportunity than '{opportunity.Id}'.");
        }

        var playbook = opportunity.Playbook;
        foreach (var item in evidence.Items)
        {
            if (playbook.IndexOf(item.Item) < 0)
            {
                errors.Add("evidence.item", KamErrorCodes.Unknown, item.Item, "The opportunity's playbook has no item with this key; set the policy's item to the playbook's key, or to null not to evaluate it.");
            }
        }

        errors.ThrowIfAny();
        if (opportunity.IsClosed)
        {
            return [];
        }

        var events = new List<ItemEvent>(2);
        foreach (var item in evidence.Items)
        {
            var done = opportunity.IsDone(item.Item);
            var milestone = playbook[item.Item].Kind == StageItemKind.Milestone;
            if (item.Met && !done)
            {
                events.Add(milestone ? new MilestoneItemDone(at, by, item.Item) : new SuccessItemMet(at, by, item.Item));
            }
            else if (!item.Met && done && Policy.Withdraw)
            {
                events.Add(milestone ? new MilestoneItemUndone(at, by, item.Item) : new SuccessItemWithdrawn(at, by, item.Item));
            }
        }

        return events.AsReadOnly();
    }

    /// <summary>
    /// Finds the open opportunities at the policy's stage or later (default stage 4, solution demonstration) whose
    /// account — or, where the host names them, whose own contacts — has no present contact at the decision level
    /// covered by a relationship: the anomaly <see cref="PipelineAnomalyKind.NoDecisionCoverage"/>, whose measure is
    /// the opportunity's stage. An account the history has no map for has no coverage.
    /// </summary>
    /// <param name="opportunities">The opportunities' current states (those not opened, closed or before the stage are passed over).</param>
    /// <param name="history">The buying centers' history.</param>
    /// <param name="asOf">The date of the maps.</param>
    /// <param name="contacts">The contacts of each opportunity the host names; an opportunity not listed is judged on its whole account.</param>
    /// <returns>The anomalies, in the order of the opportunities.</returns>
    /// <exception cref="KamValidationException">A named contact is not on its account's map on that date (<c>contacts[O-7][1]</c>); every problem is reported.</exception>
    public IReadOnlyList<PipelineAnomaly> Anomalies(IEnumerable<OpportunityState> opportunities, BuyingCenterHistory history, LocalDate asOf, IReadOnlyDictionary<OpportunityId, IReadOnlyList<ContactId>>? contacts = null)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(history);
        var errors = new ValidationCollector();
        var centers = new Dictionary<AccountId, (BuyingCenter Center, bool Covered)>();
        var anomalies = new List<PipelineAnomaly>();
        foreach (var state in opportunities)
        {
            if (!state.IsOpened || state.IsClosed || state.Stage is not { } stage || stage < Policy.UncoveredFrom)
            {
                continue;
            }

            if (!centers.TryGetValue(state.Account, out var entry))
            {
                var center = history.AsOf(state.Account, asOf);
                entry = (center, DecisionCovered(center, null));
                centers.Add(state.Account, entry);
            }

            var covered = entry.Covered;
            if (contacts is not null && contacts.TryGetValue(state.Id, out var named) && named is not null)
            {
                var scope = new bool[entry.Center.ContactArray.Length];
                for (var i = 0; i < named.Count; i++)
                {
                    if (entry.Center.TryIndexOf(named[i], out var index))
                    {
                        scope[index] = true;
                    }
                    else
                    {
                        errors.Add(string.Create(CultureInfo.InvariantCulture, $"contacts[{state.Id}][{i}]"), KamErrorCodes.Unknown, named[i], $"No contact of account '{state.Account}' has this identifier on {ValidationCollector.Render(asOf)}.");
                    }
                }

                covered = DecisionCovered(entry.Center, scope);
            }

            if (!covered)
            {
                anomalies.Add(new PipelineAnomaly(PipelineAnomalyKind.NoDecisionCoverage, state.Id, state.Owner, (int)stage, state.Account));
            }
        }

        errors.ThrowIfAny();
        return anomalies.AsReadOnly();
    }

    private StageEvidence Run(BuyingCenter center, OpportunityId? opportunity, bool[]? scope)
    {
        var best = center.BestStrengths();
        return new StageEvidence(
            center.Account,
            opportunity,
            center.Date,
            Policy.OrganizationMappedItem is { } mappedKey ? Mapped(center, scope, mappedKey) : null,
            Policy.DecisionMakersInfluencedItem is { } influencedKey ? Influenced(center, scope, best, influencedKey) : null,
            DecisionCovered(center, scope, best));
    }

    private StageItemEvidence Mapped(BuyingCenter center, bool[]? scope, string key)
    {
        var count = 0;
        Span<bool> levels = stackalloc bool[3];
        var held = BuyingDecisions.None;
        var contacts = center.ContactArray;
        for (var c = 0; c < contacts.Length; c++)
        {
            if (Present(contacts[c], scope, c))
            {
                count++;
                levels[(int)contacts[c].Profile.Level] = true;
                held |= contacts[c].Profile.Decisions;
            }
        }

        var missing = new List<string>();
        if (count < Policy.MinContacts)
        {
            missing.Add(Text($"{count} contact(s) mapped; at least {Policy.MinContacts} are needed."));
        }

        foreach (var level in Policy.MappedLevels)
        {
            if (!levels[(int)level])
            {
                missing.Add(Text($"No contact mapped at the {level} level."));
            }
        }

        foreach (var decision in FiveDecisions)
        {
            if ((Policy.MappedDecisions & decision) != BuyingDecisions.None && (held & decision) == BuyingDecisions.None)
            {
                missing.Add(Text($"No holder of the decision '{decision}' mapped."));
            }
        }

        return missing.Count > 0
            ? new StageItemEvidence(key, false, missing.AsReadOnly())
            : new StageItemEvidence(key, true, Array.AsReadOnly(new[]
            {
                Text($"{count} contact(s) mapped at the levels {string.Join(", ", Policy.MappedLevels)}."),
                Text($"Every required decision has a holder ({(Policy.MappedDecisions == BuyingDecisions.None ? "none required" : Policy.MappedDecisions.ToString())})."),
            }));
    }

    private StageItemEvidence Influenced(BuyingCenter center, bool[]? scope, int[] best, string key)
    {
        var contacts = center.ContactArray;
        var makers = 0;
        var missing = new List<string>();
        var reached = new List<string>();
        for (var c = 0; c < contacts.Length; c++)
        {
            var profile = contacts[c].Profile;
            if (!Present(contacts[c], scope, c) || ((profile.Roles & BuyingRoles.DecisionMaker) == BuyingRoles.None && (profile.Decisions & Policy.InfluenceDecisions) == BuyingDecisions.None))
            {
                continue;
            }

            makers++;
            var who = Who(contacts[c]);
            if (best[c] < Policy.MinStrength)
            {
                missing.Add(best[c] == 0
                    ? Text($"Decision maker {who} has no relationship with us.")
                    : Text($"Decision maker {who}: our strongest relationship is {best[c]}, below {Policy.MinStrength}."));
            }
            else if (profile.Attitude < Policy.MinAttitude)
            {
                missing.Add(Text($"Decision maker {who} is {profile.Attitude}, below {Policy.MinAttitude}."));
            }
            else
            {
                reached.Add(Text($"{who}: relationship {best[c]}, {profile.Attitude}."));
            }
        }

        if (makers == 0)
        {
            missing.Add("No decision maker mapped (a contact with the decision-maker role or holding one of the policy's decisions).");
        }

        return missing.Count > 0
            ? new StageItemEvidence(key, false, missing.AsReadOnly())
            : new StageItemEvidence(key, true, reached.AsReadOnly());
    }

    private bool DecisionCovered(BuyingCenter center, bool[]? scope, int[]? best = null)
    {
        best ??= center.BestStrengths();
        var contacts = center.ContactArray;
        for (var c = 0; c < contacts.Length; c++)
        {
            if (Present(contacts[c], scope, c) && contacts[c].Profile.Level == DecisionLevel.Decision && best[c] >= Policy.MinStrength)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Present(Contact contact, bool[]? scope, int index) => contact.Left is null && (scope is null || scope[index]);

    private static string Who(Contact contact) => $"{contact.Profile.Name} ({contact.Id})";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
