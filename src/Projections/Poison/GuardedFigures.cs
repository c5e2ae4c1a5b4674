using GovReport.EventStore;
using GovReport.Projections.Figures;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Serialization;

namespace GovReport.Projections.Poison;

/// <summary>
/// The figure projection as every caller runs it — the daemon, a rebuild, verify's replay, an
/// "as of" replay: the events it skips left out, and any new poison event set aside.
/// </summary>
public static class GuardedFigures
{
    public static Task<IReadOnlyList<IsolatedEvent>> ApplyAsync(
        ProjectionContext context, IReadOnlyList<DecodedEvent> page, IReadOnlySet<SubscriptionPosition> skipped) =>
        PoisonIsolation.ApplyAsync(context, page, skipped, FigureProjection.ApplyPageAsync);

    /// <summary>For a replay: the events the live projection skips, read once at its start.</summary>
    public static async Task<IReadOnlySet<SubscriptionPosition>> SkippedAsync(Npgsql.NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ProjectionFailures.SkippedAsync(connection, null, FigureProjection.SubscriptionName, ct);
    }
}
