using GovReport.Domain.Errors;

namespace GovReport.Domain.Summaries;

/// <summary>Publishes a summary prepared by the caller; the command carries the whole content and the time.</summary>
public sealed record PublishSummary(SummaryPublished Summary);

/// <summary>A summary stream holds one event: publishing again is an error, never an overwrite.</summary>
public static class SummaryDecider
{
    public static SummaryPublished? Initial => null;

    public static Decision<SummaryEvent> Decide(PublishSummary command, SummaryPublished? state)
    {
        if (state is not null)
            return Decision<SummaryEvent>.Fail(ErrorCodes.SummaryAlreadyPublished,
                $"Summary '{state.Id}' was published at {state.PublishedAt:O} and never changes.");
        if (command.Summary.Lines.Any(string.IsNullOrWhiteSpace))
            return Decision<SummaryEvent>.Fail(ErrorCodes.SummaryLineEmpty, "Every line of a summary must say something.", "lines");
        return Decision<SummaryEvent>.Ok(command.Summary);
    }

    public static SummaryPublished? Evolve(SummaryPublished? state, SummaryEvent @event) => @event switch
    {
        SummaryPublished published when state is null => published,
        _ => state,
    };

    public static SummaryPublished? Fold(IEnumerable<SummaryEvent> events) => Decider.Fold(events);

    public static Decider<PublishSummary, SummaryPublished?, SummaryEvent> Decider { get; } = new(Initial, Decide, Evolve);
}
