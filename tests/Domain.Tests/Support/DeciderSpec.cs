using System.Text.Json;
using GovReport.Domain.Errors;

namespace GovReport.Domain.Tests.Support;

/// <summary>Given events, when a command, then events or an error — against a pure decider.</summary>
public sealed class DeciderSpec<TCommand, TState, TEvent>(
    Func<TCommand, TState, Decision<TEvent>> decide,
    Func<TState, TEvent, TState> evolve,
    TState initial)
    where TEvent : class
{
    internal Func<TCommand, TState, Decision<TEvent>> Decide { get; } = decide;
    internal Func<TState, TEvent, TState> Evolve { get; } = evolve;
    internal TState Initial { get; } = initial;

    public Scenario Given(params TEvent[] history) => new(this, history);

    public sealed class Scenario(DeciderSpec<TCommand, TState, TEvent> spec, TEvent[] history)
    {
        public TState State => history.Aggregate(spec.Initial, spec.Evolve);

        public Outcome When(TCommand command) => new(spec.Decide(command, State), State, spec.Evolve);
    }

    public sealed class Outcome(Decision<TEvent> decision, TState before, Func<TState, TEvent, TState> evolve)
    {
        public Decision<TEvent> Decision => decision;

        public TState StateAfter => decision.Events.Aggregate(before, evolve);

        public Outcome Then(params TEvent[] expected)
        {
            Assert.Null(decision.Error);
            // Records holding lists compare lists by reference, so compare what would be stored.
            Assert.Equal(expected.Select(Json), decision.Events.Select(Json));
            return this;
        }

        public Outcome ThenNothing() => Then();

        public DomainError ThenError(string code, string? field = null)
        {
            Assert.True(decision.IsError, $"expected error {code} but got {decision.Events.Count} event(s)");
            Assert.Empty(decision.Events);
            Assert.Equal(code, decision.Error!.Code);
            if (field is not null) Assert.Equal(field, decision.Error.Field);
            return decision.Error;
        }

        private static string Json(TEvent e) => e.GetType().Name + JsonSerializer.Serialize(e, e.GetType());
    }
}
