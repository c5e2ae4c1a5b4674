using GovReport.Domain.Errors;

namespace GovReport.Domain.Catalogue;

public static class UnitDecider
{
    public const int MaxNameLength = 200;

    public static Unit? Initial => null;

    public static Decision<UnitEvent> Decide(DefineUnit command, Unit? state)
    {
        var name = command.Name?.Trim() ?? "";
        var block = string.IsNullOrWhiteSpace(command.Block) ? null : command.Block.Trim();

        if (name.Length == 0)
            return Decision<UnitEvent>.Fail(ErrorCodes.NameRequired, "A unit needs a name.", "name");
        if (name.Length > MaxNameLength)
            return Decision<UnitEvent>.Fail(ErrorCodes.NameTooLong, $"A unit name has at most {MaxNameLength} characters.", "name");
        if (command.ParentId == command.Id)
            return Decision<UnitEvent>.Fail(ErrorCodes.InvalidParent, "A unit cannot be its own parent.", "parentId");

        if (state is null)
            return Decision<UnitEvent>.Ok(new UnitRegistered(command.Id, name, command.Kind, command.ParentId, block));

        var events = new List<UnitEvent>();
        if (state.Name != name) events.Add(new UnitRenamed(command.Id, name, state.Name));
        if (state.ParentId != command.ParentId) events.Add(new UnitMoved(command.Id, command.ParentId, state.ParentId));
        if (state.Kind != command.Kind || state.Block != block) events.Add(new UnitReclassified(command.Id, command.Kind, block));
        return Decision<UnitEvent>.Ok([.. events]);
    }

    public static Unit? Evolve(Unit? state, UnitEvent @event) => @event switch
    {
        UnitRegistered e => new Unit(e.Id, e.Name, e.Kind, e.ParentId, e.Block),
        UnitRenamed e when state is not null => state with { Name = e.Name },
        UnitMoved e when state is not null => state with { ParentId = e.ParentId },
        UnitReclassified e when state is not null => state with { Kind = e.Kind, Block = e.Block },
        _ => state,
    };

    public static Unit? Fold(IEnumerable<UnitEvent> events) => Decider.Fold(events);

    public static Decider<DefineUnit, Unit?, UnitEvent> Decider { get; } = new(Initial, Decide, Evolve);
}
