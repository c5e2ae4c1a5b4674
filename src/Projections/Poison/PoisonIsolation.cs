using GovReport.EventStore;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;
using Npgsql;

namespace GovReport.Projections.Poison;

/// <summary>An event a projector failed on, set aside so the rest of the log still projects.</summary>
public sealed record IsolatedEvent(RecordedEvent Recorded, Exception Error);

/// <summary>
/// Applies a page with the events a projection skips left out; if the page fails on something
/// other than the database, rolls it back and applies it again one event at a time, setting
/// aside each event that fails on its own. Pages are arbitrary cuts of the log, so one event at
/// a time folds to the same state as the whole page. The live daemon and a rebuild both come
/// through here with the same list of skipped events, so they skip the same ones and stay equal.
/// </summary>
public static class PoisonIsolation
{
    public delegate Task PageProjector(ProjectionContext context, IReadOnlyList<DecodedEvent> page);

    public static async Task<IReadOnlyList<IsolatedEvent>> ApplyAsync(
        ProjectionContext context, IReadOnlyList<DecodedEvent> page, IReadOnlySet<SubscriptionPosition> skipped, PageProjector project)
    {
        var events = skipped.Count == 0 ? page : page.Where(e => !skipped.Contains(e.Recorded.Position)).ToList();
        if (events.Count == 0) return [];
        var transaction = context.Transaction;
        await transaction.SaveAsync("page");
        try
        {
            await project(context, events);
            await transaction.ReleaseAsync("page");
            return [];
        }
        catch (Exception e) when (IsPoison(e, context.Connection))
        {
            await transaction.RollbackAsync("page");
            context.Replay?.ForgetFigures();
        }

        var isolated = new List<IsolatedEvent>();
        foreach (var decoded in events)
        {
            await transaction.SaveAsync("event");
            try
            {
                await project(context, [decoded]);
                await transaction.ReleaseAsync("event");
            }
            catch (Exception e) when (IsPoison(e, context.Connection))
            {
                await transaction.RollbackAsync("event");
                context.Replay?.ForgetFigures();
                isolated.Add(new IsolatedEvent(decoded.Recorded, e));
            }
        }
        return isolated;
    }

    /// <summary>
    /// Whether the failure lies with the event rather than with the moment: a lost connection, a
    /// timeout, a deadlock or a cancellation is retried from the checkpoint as before, never set aside.
    /// </summary>
    public static bool IsPoison(Exception e, NpgsqlConnection connection) => e switch
    {
        OperationCanceledException or TimeoutException => false,
        PostgresException pg => !pg.IsTransient && connection.State == System.Data.ConnectionState.Open,
        NpgsqlException => false,
        _ => connection.State == System.Data.ConnectionState.Open,
    };
}
