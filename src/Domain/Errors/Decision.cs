namespace GovReport.Domain.Errors;

/// <summary>
/// What a decider answers: the events to append (possibly none, which means "nothing happens")
/// or the error that rejected the command. Never both.
/// </summary>
public sealed record Decision<T>(IReadOnlyList<T> Events, DomainError? Error)
{
    public bool IsError => Error is not null;

    public static Decision<T> Ok(params T[] events) => new(events, null);

    public static Decision<T> Fail(DomainError error) => new(Array.Empty<T>(), error);

    public static Decision<T> Fail(string code, string message, string? field = null) =>
        Fail(new DomainError(code, message, field));

    public static Decision<T> Nothing { get; } = new(Array.Empty<T>(), null);
}
