using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;
using GovReport.EventStore;
using GovReport.Projections;
using GovReport.Projections.Queries;
using GovReport.Projections.Serialization;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Summaries;

/// <summary>
/// Builds a summary and appends it as a new stream. "New stream" is the exactly-once guarantee:
/// whichever host appends first wins, and every later attempt gets <see cref="WrongExpectedVersionException"/>.
/// </summary>
public sealed class SummaryPublisher(
    PgEventStore store, SummaryStore summaries, SummaryBuilder builder, ProjectionFreshness freshness,
    TimeProvider clock, IOptions<SummaryOptions> options, ILogger<SummaryPublisher> log)
{
    private const int OnDemandAttempts = 5;

    /// <summary>The scheduler's publication; null when another host published this period first.</summary>
    public async Task<SummaryPublished?> PublishAutomaticAsync(UnitRow scope, Month month, CancellationToken ct)
    {
        var id = SummaryStore.AutomaticId(scope.Id, month.ToString());
        var metadata = new EventMetadata("system", "scheduler", CorrelationId: id);
        try
        {
            return await PublishAsync(id, scope, month, onDemand: false, metadata, ct);
        }
        catch (WrongExpectedVersionException)
        {
            log.LogInformation("Summary {Id} was already published by another host", id);
            return null;
        }
    }

    /// <summary>A summary asked for by a user: its own stream, so it never takes the automatic one's place.</summary>
    public async Task<SummaryPublished> PublishOnDemandAsync(
        UnitRow scope, Month month, string actor, string? correlationId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var n = await summaries.OnDemandCountAsync(scope.Id, month.ToString(), ct) + attempt;
            var id = SummaryStore.OnDemandId(scope.Id, month.ToString(), n);
            try
            {
                return await PublishAsync(id, scope, month, onDemand: true, new EventMetadata(actor, "api", correlationId), ct);
            }
            catch (WrongExpectedVersionException) when (attempt < OnDemandAttempts)
            {
                // Two callers asked at once and took the same number: take the next one.
            }
        }
    }

    private async Task<SummaryPublished> PublishAsync(
        string id, UnitRow scope, Month month, bool onDemand, EventMetadata metadata, CancellationToken ct)
    {
        // A summary must show every report submitted before it, so the asynchronous read models
        // it is built from must have caught up with the log first.
        var caughtUp = await freshness.WaitUntilFreshAsync(options.Value.CatchUpWait, ct);
        if (!caughtUp.Reached)
            throw new TimeoutException($"The read models are {caughtUp.Lag.PendingEvents} events behind; summary {id} waits for the next pass.");

        var previous = await summaries.LatestAsync(scope.Id, ct);
        // To the microsecond, as PostgreSQL keeps it: the listing's instant equals the summary's own.
        var now = clock.GetUtcNow();
        var summary = await builder.BuildAsync(id, scope, month, now.AddTicks(-(now.Ticks % 10)), onDemand, previous, ct);
        var decision = SummaryDecider.Decide(new PublishSummary(summary), SummaryDecider.Initial);
        if (decision.IsError) throw new InvalidOperationException(decision.Error!.Message);
        var events = decision.Events.Select(e => EventSerializer.ToNew(e, metadata)).ToList();
        await store.AppendAsync(id, ExpectedVersion.NoStream, events, InlineProjector.Live, ct);
        log.LogInformation("Published summary {Id} ({Lines} lines)", id, summary.Lines.Count);
        return summary;
    }
}
