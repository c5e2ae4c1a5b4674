using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.EventStore;
using GovReport.Host.Features.Catalogue;
using GovReport.Host.Features.Restructurings;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Projections.Queries;
using Npgsql;

namespace GovReport.Host.Features.Seed;

/// <summary>How the seed records <see cref="DemoReform"/>: through the API's own write path, once.</summary>
internal static class DemoReformSeed
{
    /// <summary>
    /// The reform's months are seeded only once the clock has passed the last of them, approvals
    /// included: a host whose clock stands in 2022 (as the briefing tests' does) keeps the 2022 demo.
    /// </summary>
    public static bool IsDue(ReportingCalendar calendar, TimeProvider clock) =>
        ReportingCalendar.LocalDate(clock.GetUtcNow()) > calendar.Deadline(DemoReform.LastMonth, UnitLevel.Commune).AddDays(4);

    /// <summary>Records each restructuring not yet recorded; a refused one stops the seed with its reason.</summary>
    public static async Task<int> RestructureAsync(IServiceProvider services, EventMetadata metadata, CancellationToken ct)
    {
        var commands = services.GetRequiredService<StreamCommands>();
        var catalogue = services.GetRequiredService<CatalogueReader>();
        var queries = services.GetRequiredService<RestructuringQueries>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var today = ReportingCalendar.LocalDate(services.GetRequiredService<TimeProvider>().GetUtcNow());
        var appended = 0;
        foreach (var restructuring in DemoReform.Restructurings)
        {
            if (await queries.FindAsync(restructuring.Id, ct) is not null) continue;
            var outcome = await RestructuringEndpoints.WriteAsync(restructuring, metadata,
                r => metadata with { Reason = r.Decision }, commands, catalogue, queries, dataSource, today, ct);
            if (outcome.Error is { } error)
                throw new InvalidOperationException($"Seeding restructuring {restructuring.Id} failed: {error.Code}: {error.Message}");
            appended += outcome.Appended;
        }
        return appended;
    }
}
