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

    public async Task<CommandOutcome<TState>> ExecuteAsync<TCommand, TState, TEvent>(
        string streamId,
        long? ifMatch,
        Decider<TCommand, TState, TEvent> decider,
        TCommand command,
        EventMetadata metadata,
        CancellationToken ct) where TEvent : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await store.ReadForAppendAsync(streamId, ct);
            var version = read.Version;
            var state = decider.Fold(EventUpcasts.Decode<TEvent>(read.Events));
            if (ifMatch is { } pinned && pinned != version)
                return new CommandOutcome<TState>(state, version, 0, null, StaleVersion: true);

            var decision = decider.Decide(command, state);
            if (decision.IsError) return new CommandOutcome<TState>(state, version, 0, decision.Error, false);
            if (decision.Events.Count == 0) return new CommandOutcome<TState>(state, version, 0, null, false);

            var events = decision.Events.Select(e => EventSerializer.ToNew(e, metadata)).ToList();
            try
            {
                var result = await store.AppendAsync(read, events, InlineProjector.Live, InlineProjector.LiveStatements, ct);
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

    /// <summary>The stream's state as recorded up to an instant (or now), with its version then.</summary>
    public async Task<(TState State, long Version)> LoadAsync<TCommand, TState, TEvent>(
        string streamId, Decider<TCommand, TState, TEvent> decider, DateTimeOffset? asOf, CancellationToken ct) where TEvent : class
    {
        var recorded = await store.ReadStreamAsync(streamId, asOf: asOf, ct: ct);
        return (decider.Fold(EventUpcasts.Decode<TEvent>(recorded)), recorded.Count == 0 ? 0 : recorded[^1].Version);
    }
}
