using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Restructurings;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Writes;

namespace GovReport.Host.Features.Restructurings;

/// <summary>
/// After a move or rename by decision (or its revert) is recorded, the unit's own stream takes the
/// new parent or name, marked with the restructuring's id: a later PUT /api/units decides against
/// what the decision made of the unit, and the unit's history shows the change. A separate
/// append (every command writes one stream); the restructuring's own row already gave the read
/// model the same parent and name, so a failure in between leaves only the unit's stream behind,
/// and running this again (it decides nothing when the stream already agrees) repairs it.
/// </summary>
public static class UnitStreamFollower
{
    public static Task FollowAsync(StreamCommands commands, Restructuring r, EventMetadata metadata, CancellationToken ct) => r.Kind switch
    {
        RestructuringKind.Move => RunAsync(commands, new FollowRestructuring(r.Subject, r.Id, true, r.ParentId, null), metadata, ct),
        RestructuringKind.Rename when r.Name is { } name => RunAsync(commands, new FollowRestructuring(r.Subject, r.Id, false, null, name), metadata, ct),
        _ => Task.CompletedTask,
    };

    /// <summary>A revert gives the unit back the parent or name it had before the restructuring.</summary>
    public static Task UndoAsync(StreamCommands commands, Restructuring r, EventMetadata metadata, CancellationToken ct) => r.Kind switch
    {
        RestructuringKind.Move => RunAsync(commands, new FollowRestructuring(r.Subject, r.Id, true, r.PreviousParentId, null), metadata, ct),
        RestructuringKind.Rename when r.PreviousName is { Length: > 0 } name =>
            RunAsync(commands, new FollowRestructuring(r.Subject, r.Id, false, null, name), metadata, ct),
        _ => Task.CompletedTask,
    };

    private static async Task RunAsync(StreamCommands commands, FollowRestructuring command, EventMetadata metadata, CancellationToken ct)
    {
        var outcome = await commands.ExecuteAsync(StreamIds.Unit(command.Id), null, UnitRestructured.Decider, command, metadata, ct);
        if (outcome.Error is { } error)
            throw new InvalidOperationException($"Unit {command.Id} could not follow restructuring {command.Restructuring}: {error.Code}: {error.Message}");
    }
}
