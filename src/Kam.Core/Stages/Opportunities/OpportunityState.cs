using System.Globalization;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.Opportunities;

/// <summary>
/// Where one opportunity stands: the fold of its events under a <see cref="Playbook"/> — the stage it has entered,
/// the stage it has completed, its win probability and band, its account, owner, value, expected close and outcome.
/// </summary>
/// <remarks>
/// <para>
/// The rule book's rules (rule book: stages, milestones and success criteria), exactly: the project has <em>entered</em> stage k when every required
/// milestone of stage k is done; stage k is <em>completed</em> when it is entered and every required success criterion
/// of stage k is met. <see cref="Stage"/> is the highest entered stage and <see cref="CompletedStage"/> the highest
/// completed one; completing stage k does not enter stage k+1. The win probability is the completed stage's value
/// (0% before stage 1 completes) and the <see cref="Band"/> runs up to the value of the entered stage.
/// </para>
/// <para>
/// A value type with no public constructor: start from <see cref="Initial"/> and fold events with
/// <see cref="Apply"/> or <see cref="TryApply"/>, each returning a new state and never changing this one. Applying an
/// event allocates nothing. The default value is not a state (it has no playbook); its members other than
/// <see cref="IsOpened"/> throw <see cref="InvalidOperationException"/>.
/// </para>
/// <para>
/// Equality: same playbook instance and the same folded facts (including the number of events and the time of the
/// last one). Immutable and thread-safe.
/// </para>
/// </remarks>
public readonly struct OpportunityState : IEquatable<OpportunityState>
{
    private readonly Playbook? _playbook;
    private readonly OpportunityData _data;

    private OpportunityState(Playbook playbook, in OpportunityData data)
    {
        _playbook = playbook;
        _data = data;
    }

    /// <summary>Gets the playbook whose rules this state follows.</summary>
    public Playbook Playbook => _playbook ?? throw new InvalidOperationException("This is the default OpportunityState; start from OpportunityState.Initial(playbook).");

    /// <summary>Gets a value indicating whether the opening event has been applied.</summary>
    public bool IsOpened => _data.Status != default;

    /// <summary>Gets the opportunity's identifier (default before it is opened).</summary>
    public OpportunityId Id => _data.Id;

    /// <summary>Gets the account (the customer) the opportunity belongs to (default before it is opened).</summary>
    public AccountId Account => _data.Account;

    /// <summary>Gets the salesperson who owns the opportunity.</summary>
    public PersonId Owner => _data.Owner;

    /// <summary>Gets the expected contract value.</summary>
    public Money Value => _data.Value;

    /// <summary>Gets the expected closing date.</summary>
    public LocalDate ExpectedClose => _data.ExpectedClose;

    /// <summary>Gets when the opportunity was opened.</summary>
    public Instant OpenedAt => _data.OpenedAt;

    /// <summary>Gets the time of the last event applied; a later event must not be earlier than this.</summary>
    public Instant LastEventAt => _data.LastEventAt;

    /// <summary>Gets when the stage or the completed stage last changed (the opening time if neither has).</summary>
    public Instant StageSince => _data.PositionSince;

    /// <summary>Gets when the opportunity was closed, or null while it is open.</summary>
    public Instant? ClosedAt => IsClosed ? _data.ClosedAt : null;

    /// <summary>Gets whether the opportunity is open, won, lost or abandoned.</summary>
    /// <exception cref="InvalidOperationException">The opportunity has not been opened.</exception>
    public OpportunityStatus Status => IsOpened ? _data.Status : throw NotOpened();

    /// <summary>Gets a value indicating whether the opportunity is won, lost or abandoned.</summary>
    public bool IsClosed => _data.Status is OpportunityStatus.Won or OpportunityStatus.Lost or OpportunityStatus.Abandoned;

    /// <summary>Gets the reason given in free text when the opportunity was closed, if any.</summary>
    public string? CloseReason => _data.CloseReason;

    /// <summary>Gets the structured close reason (a code of the host's reason list) given when the opportunity was closed, if any.</summary>
    public string? CloseReasonCode => _data.CloseReasonCode;

    /// <summary>Gets the competitor who won the business when the opportunity was lost, if recorded.</summary>
    public string? WinningCompetitor => _data.Competitor;

    /// <summary>Gets the customer's procurement stage last observed, or null when none has been.</summary>
    public ProcurementStage? ProcurementStage => _data.Procurement == 0 ? null : (ProcurementStage)_data.Procurement;

    /// <summary>Gets the number of events applied, including the opening event.</summary>
    public int Version => _data.Version;

    /// <summary>Gets how many events moved the stage or the completed stage back (undo or withdrawal).</summary>
    public int RegressionCount => _data.Regressions;

    /// <summary>Gets the highest stage whose required milestones are all done, or null before stage 1 is entered.</summary>
    public SalesStage? Stage => _data.Stage == 0 ? null : (SalesStage)_data.Stage;

    /// <summary>Gets the highest stage that is entered and whose required success criteria are all met, or null.</summary>
    public SalesStage? CompletedStage => _data.Completed == 0 ? null : (SalesStage)_data.Completed;

    /// <summary>Gets the win probability earned: the completed stage's value, 0% before stage 1 is completed.</summary>
    public Percentage Probability => Playbook.Probabilities.Of(CompletedStage);

    /// <summary>Gets the band the probability lies in while in the current stage: from the completed value up to the entered stage's value.</summary>
    public ProbabilityBand Band
    {
        get
        {
            var low = Probability;
            return new ProbabilityBand(low, _data.Stage > _data.Completed ? Playbook.Probabilities[(SalesStage)_data.Stage] : low);
        }
    }

    /// <summary>Gets the funnel state of the entered stage (search before stage 1 is entered).</summary>
    public FunnelState Funnel => StageExtensions.FunnelOf(_data.Stage);

    /// <summary>Gets the stages currently skipped: not entered while work of a later stage is recorded.</summary>
    public IReadOnlyList<SalesStage> SkippedStages => StagesOf(_data.Skipped);

    /// <summary>Gets every stage that was skipped at some point of the history (even if filled in later).</summary>
    public IReadOnlyList<SalesStage> StagesEverSkipped => StagesOf(_data.EverSkipped);

    /// <summary>Gets the required items that stand between the project and its next step.</summary>
    /// <remarks>
    /// While stage k is entered but not completed: its unmet required success criteria. Once the entered stage is
    /// completed (or before stage 1): the undone required milestones of the following stage. Empty when stage 8 is
    /// completed.
    /// </remarks>
    public IReadOnlyList<PlaybookItem> NextRequiredItems
    {
        get
        {
            var playbook = Playbook;
            UInt128 wanted;
            if (_data.Stage > _data.Completed)
            {
                wanted = playbook.RequiredSuccess(_data.Stage);
            }
            else if (_data.Stage < StageExtensions.StageCount)
            {
                wanted = playbook.RequiredMilestones(_data.Stage + 1);
            }
            else
            {
                return [];
            }

            var missing = wanted & ~_data.Done;
            var result = new List<PlaybookItem>();
            for (var i = 0; i < playbook.Items.Count; i++)
            {
                if ((missing & (UInt128.One << i)) != UInt128.Zero)
                {
                    result.Add(playbook.Items[i]);
                }
            }

            return result;
        }
    }

    /// <summary>Compares two states for equality.</summary>
    /// <param name="left">The first state.</param>
    /// <param name="right">The second state.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(OpportunityState left, OpportunityState right) => left.Equals(right);

    /// <summary>Compares two states for inequality.</summary>
    /// <param name="left">The first state.</param>
    /// <param name="right">The second state.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(OpportunityState left, OpportunityState right) => !left.Equals(right);

    /// <summary>Gets the state before any event: not opened, following a playbook.</summary>
    /// <param name="playbook">The playbook.</param>
    /// <returns>The initial state.</returns>
    public static OpportunityState Initial(Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        return new OpportunityState(playbook, default);
    }

    /// <summary>Tells whether an item is done (milestone) or met (success criterion).</summary>
    /// <param name="key">The item's key.</param>
    /// <returns><see langword="true"/> when done or met.</returns>
    /// <exception cref="KamValidationException">The playbook has no such item.</exception>
    public bool IsDone(string key)
    {
        var index = Playbook.IndexOf(key);
        return index >= 0
            ? (_data.Done & (UInt128.One << index)) != UInt128.Zero
            : throw new KamValidationException("key", KamErrorCodes.Unknown, key, "The playbook has no item with this key.");
    }

    /// <summary>Counts whole days since the stage or completed stage last changed, up to a moment (0 if the moment is earlier).</summary>
    /// <param name="asOf">The moment of the report (or the closing time for a closed opportunity).</param>
    /// <returns>Whole days.</returns>
    public int DaysInStage(Instant asOf)
    {
        var end = IsClosed && _data.ClosedAt < asOf ? _data.ClosedAt : asOf;
        var ticks = (end - _data.PositionSince).BclCompatibleTicks;
        return ticks <= 0 ? 0 : (int)Math.Min(int.MaxValue, ticks / NodaConstants.TicksPerDay);
    }

    /// <summary>Applies an event, returning the new state; this state is unchanged.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The state after the event.</returns>
    /// <exception cref="KamValidationException">
    /// The event is refused: the first event is not <see cref="OpportunityOpened"/> or a second one comes
    /// (<see cref="KamErrorCodes.InvalidState"/>), it is earlier than the last event (<see cref="KamErrorCodes.OutOfOrder"/>),
    /// the opportunity is closed (<see cref="KamErrorCodes.InvalidState"/>), it names an unknown item or one of the
    /// wrong kind (<see cref="KamErrorCodes.Unknown"/>), or a value in it is invalid.
    /// </exception>
    public OpportunityState Apply(OpportunityEvent @event) =>
        TryApply(@event, out var next, out var error) ? next : throw new KamValidationException([error!]);

    /// <summary>Applies an event if it is acceptable, without throwing.</summary>
    /// <remarks>
    /// Give <paramref name="next"/> its own variable (<c>state.TryApply(e, out var next, out var error)</c>), not the
    /// state the method is called on. Passing the receiver as its own out argument is not supported: the method may
    /// assign <paramref name="next"/> before it has finished reading this state (code instrumented for mutation
    /// testing assigns every out parameter first).
    /// </remarks>
    /// <param name="event">The event.</param>
    /// <param name="next">The state after the event, or this state when it is refused.</param>
    /// <param name="error">Why the event is refused, or null.</param>
    /// <returns><see langword="true"/> when the event was applied.</returns>
    public bool TryApply(OpportunityEvent @event, out OpportunityState next, out KamValidationError? error)
    {
        ArgumentNullException.ThrowIfNull(@event, nameof(@event));
        var playbook = Playbook;
        error = Check(@event);
        if (error is null)
        {
            var data = _data;
            error = @event.ApplyTo(ref data, playbook);
            if (error is null)
            {
                data.LastEventAt = @event.At;
                data.Version++;
                next = new OpportunityState(playbook, data);
                return true;
            }
        }

        next = this;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(OpportunityState other) => ReferenceEquals(_playbook, other._playbook) && _data.SameAs(other._data);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpportunityState other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_data.Id, _data.Version, _data.Done, _data.LastEventAt);

    /// <summary>Renders the state as <c>id: stage 3 (completed 2), 20%–25%, Open</c>.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() =>
        !IsOpened || _playbook is null
            ? "(not opened)"
            : string.Create(CultureInfo.InvariantCulture, $"{Id}: stage {_data.Stage} (completed {_data.Completed}), {Band}, {Status}");

    internal OpportunityData Data => _data;

    private KamValidationError? Check(OpportunityEvent @event)
    {
        if (@event.By == default)
        {
            return new("event.by", KamErrorCodes.Required, null, "Every event names the person who recorded it.");
        }

        if (!IsOpened)
        {
            return @event is OpportunityOpened
                ? null
                : new("event", KamErrorCodes.InvalidState, @event.GetType().Name, "The first event of an opportunity must be OpportunityOpened.");
        }

        if (@event is OpportunityOpened)
        {
            return new("event", KamErrorCodes.InvalidState, _data.Id.Value, "The opportunity is already opened.");
        }

        if (IsClosed)
        {
            return new("event", KamErrorCodes.InvalidState, _data.Status.ToString(), "The opportunity is closed; a closed opportunity accepts no events.");
        }

        return @event.At < _data.LastEventAt
            ? new("event.at", KamErrorCodes.OutOfOrder, @event.At.ToString(null, CultureInfo.InvariantCulture), $"Events are applied in time order; the last one was at {_data.LastEventAt}.")
            : null;
    }

    private static InvalidOperationException NotOpened() => new("The opportunity has not been opened yet.");

    private static SalesStage[] StagesOf(byte mask)
    {
        if (mask == 0)
        {
            return [];
        }

        var stages = new List<SalesStage>(StageExtensions.StageCount);
        for (var k = 0; k < StageExtensions.StageCount; k++)
        {
            if ((mask & (1 << k)) != 0)
            {
                stages.Add((SalesStage)(k + 1));
            }
        }

        return [.. stages];
    }
}
