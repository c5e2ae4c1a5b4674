using GovReport.Domain.Errors;

namespace GovReport.Domain.Catalogue;

/// <summary>
/// A restructuring moved or renamed the unit (or a revert gave back what it had): the unit's own
/// stream takes the new parent or name too, so a later PUT, the unit's history and a rebuild
/// all start from what the decision made of it. <paramref name="Name"/> null leaves the name;
/// <paramref name="MovesParent"/> false leaves the parent.
/// </summary>
public sealed record FollowRestructuring(UnitId Id, string Restructuring, bool MovesParent, UnitId? ParentId, string? Name);

public static class UnitRestructured
{
    public static Decision<UnitEvent> Decide(FollowRestructuring command, Unit? state)
    {
        if (state is null)
            return Decision<UnitEvent>.Fail(ErrorCodes.InvalidRestructuring, $"No unit '{command.Id}' is registered.", "unit");
        var events = new List<UnitEvent>();
        if (command.Name is { } name && name != state.Name)
            events.Add(new UnitRenamed(command.Id, name, state.Name, command.Restructuring));
        if (command.MovesParent && command.ParentId != state.ParentId)
            events.Add(new UnitMoved(command.Id, command.ParentId, state.ParentId, command.Restructuring));
        return Decision<UnitEvent>.Ok([.. events]);
    }

    public static Decider<FollowRestructuring, Unit?, UnitEvent> Decider { get; } = new(UnitDecider.Initial, Decide, UnitDecider.Evolve);
}
