using GovReport.Domain.Errors;

namespace GovReport.Domain;

/// <summary>
/// A stream's rules in one value: the state before any event, what a command decides against a
/// state, and how an event moves the state on. The write pipeline runs any decider the same
/// way, and read models fold with the same <see cref="Evolve"/>.
/// </summary>
public sealed record Decider<TCommand, TState, TEvent>(
    TState Initial,
    Func<TCommand, TState, Decision<TEvent>> Decide,
    Func<TState, TEvent, TState> Evolve)
{
    public TState Fold(IEnumerable<TEvent> events)
    {
        var state = Initial;
        foreach (var @event in events) state = Evolve(state, @event);
        return state;
    }
}
