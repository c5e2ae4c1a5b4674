using GovReport.Domain;
using GovReport.Domain.Errors;
using GovReport.EventStore;
using GovReport.Projections;
using GovReport.Projections.Serialization;

namespace GovReport.Host.Infrastructure.Writes;

/// <summary>What a command did: the state after it, the stream version, and how many events it appended.</summary>
public sealed record CommandOutcome<TState>(TState State, long Version, int Appended, DomainError? Error, bool StaleVersion)
{
    public bool Succeeded => Error is null && !StaleVersion;
}

/// <summary>
/// Runs a decider against one stream: read, fold, decide, append at the version read, with the
/// inline read models in the same transaction. A lost race is decided again on fresh state,
/// unless the caller pinned a version with If-Match: then the loss is theirs to see (412).
/// </summary>
public sealed class StreamCommands(PgEventStore store)
{
    private const int Attempts = 3;

    public Task<CommandOutcome<TState>> ExecuteAsync<TCommand, TState, TEvent>(
        string streamId,
        long? ifMatch,
        Decider<TCommand, TState, TEvent> decider,
        TCommand command,
        EventMetadata metadata,
        CancellationToken ct) where TEvent : class =>
        ExecuteAsync(streamId, ifMatch, decider, command, metadata, likelyNew: false, ct);

    /// <param name="likelyNew">
    /// The command usually opens its stream (a report's first submission): it is decided on the
    /// empty stream and sent with a read of the stream in one round trip
    /// (<see cref="PgEventStore.AppendOrReadAsync"/>). If the stream exists after all, that read is
    /// the one the command is decided on, as without the hint: the answer is the same, and the
    /// round trips are the same two.
    /// </param>
    public async Task<CommandOutcome<TState>> ExecuteAsync<TCommand, TState, TEvent>(
        string streamId,
        long? ifMatch,
        Decider<TCommand, TState, TEvent> decider,
        TCommand command,
        EventMetadata metadata,
        bool likelyNew,
        CancellationToken ct) where TEvent : class
    {
        StreamSnapshot? known = null;
        if (likelyNew && ifMatch is null or 0)
        {
            var opening = decider.Decide(command, decider.Initial);
            if (!opening.IsError && opening.Events.Count > 0)
            {
                var events = opening.Events.Select(e => EventSerializer.ToNew(e, metadata)).ToList();
                var attempt = await store.AppendOrReadAsync(
                    streamId, events, InlineProjector.LiveStatementsFor(opening.Events), ct);
                if (attempt.Appended is { } appended)
                    return new CommandOutcome<TState>(
                        opening.Events.Aggregate(decider.Initial, decider.Evolve), appended.NextVersion, events.Count, null, false);
                known = attempt.Existing;
            }
        }

        for (var attempt = 1; ; attempt++)
        {
            var read = known ?? await store.ReadForAppendAsync(streamId, ct);
            known = null;
            var version = read.Version;
            // Decoded once: for the decision here and for the report row the append writes.
            var decoded = EventSerializer.Decode(read.Events);
            var state = decider.Fold(EventUpcasts.Decode<TEvent>(decoded));
            if (ifMatch is { } pinned && pinned != version)
                return new CommandOutcome<TState>(state, version, 0, null, StaleVersion: true);

            var decision = decider.Decide(command, state);
            if (decision.IsError) return new CommandOutcome<TState>(state, version, 0, decision.Error, false);
            if (decision.Events.Count == 0) return new CommandOutcome<TState>(state, version, 0, null, false);

            var events = decision.Events.Select(e => EventSerializer.ToNew(e, metadata)).ToList();
            try
            {
                var result = await store.AppendAsync(
                    read, events, InlineProjector.Live, InlineProjector.LiveStatementsFor(decision.Events, decoded), ct);
                var next = decision.Events.Aggregate(state, decider.Evolve);
                return new CommandOutcome<TState>(next, result.NextVersion, events.Count, null, false);
            }
            catch (WrongExpectedVersionException) when (ifMatch is null && attempt < Attempts)
            {
                // Someone else wrote first: decide again on what they wrote.
            }
            catch (WrongExpectedVersionException) when (ifMatch is not null)
            {
                return new CommandOutcome<TState>(state, version, 0, null, StaleVersion: true);
            }
        }
    }

    /// <summary>
    /// Runs one command on each of several streams, all or nothing: every command is decided on
    /// its stream as read, and only when none is refused are the events appended, in one
    /// transaction chained to the versions read (<see cref="PgEventStore.AppendAllAsync"/>). A lost
    /// race decides everything again on fresh state. With <paramref name="oncePerSource"/>, a stream whose
    /// history already holds an event from <see cref="EventMetadata.Source"/> is left alone: the same file imported twice appends
    /// nothing the second time. Outcomes are in the commands' order; <see cref="CommandOutcome{TState}.Appended"/>
    /// is 0 for all when any was refused.
    /// </summary>
    public async Task<IReadOnlyList<CommandOutcome<TState>>> ExecuteAllAsync<TCommand, TState, TEvent>(
        IReadOnlyList<(string StreamId, TCommand Command)> commands,
        Decider<TCommand, TState, TEvent> decider,
        EventMetadata metadata,
        bool oncePerSource,
        CancellationToken ct) where TEvent : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcomes = new CommandOutcome<TState>[commands.Count];
            var appends = new List<(int Index, SnapshotAppend Append, IReadOnlyList<TEvent> Events, TState State)>();
            for (var i = 0; i < commands.Count; i++)
            {
                var read = await store.ReadForAppendAsync(commands[i].StreamId, ct);
                var state = decider.Fold(EventUpcasts.Decode<TEvent>(read.Events));
                outcomes[i] = new CommandOutcome<TState>(state, read.Version, 0, null, false);
                if (oncePerSource && read.Events.Any(e => e.Metadata.Source == metadata.Source)) continue;
                var decision = decider.Decide(commands[i].Command, state);
                if (decision.IsError) outcomes[i] = outcomes[i] with { Error = decision.Error };
                else if (decision.Events.Count > 0)
                    appends.Add((i, new SnapshotAppend(read, decision.Events.Select(e => EventSerializer.ToNew(e, metadata)).ToList()), decision.Events, state));
            }
            if (outcomes.Any(o => o.Error is not null) || appends.Count == 0) return outcomes;
            try
            {
                var results = await store.AppendAllAsync(appends.Select(a => a.Append).ToList(), InlineProjector.Live, ct);
                for (var k = 0; k < appends.Count; k++)
                    outcomes[appends[k].Index] = new CommandOutcome<TState>(
                        appends[k].Events.Aggregate(appends[k].State, decider.Evolve), results[k].NextVersion, appends[k].Events.Count, null, false);
                return outcomes;
            }
            catch (WrongExpectedVersionException) when (attempt < Attempts)
            {
                // Someone wrote to one of the streams first: decide them all again on what they wrote.
            }
        }
    }

    /// <summary>The stream's state as recorded up to an instant (or now), with its version then.</summary>
    public async Task<(TState State, long Version)> LoadAsync<TCommand, TState, TEvent>(
        string streamId, Decider<TCommand, TState, TEvent> decider, DateTimeOffset? asOf, CancellationToken ct) where TEvent : class
    {
        var recorded = await store.ReadStreamAsync(streamId, asOf: asOf, ct: ct);
        return (decider.Fold(EventUpcasts.Decode<TEvent>(recorded)), recorded.Count == 0 ? 0 : recorded[^1].Version);
    }
}
