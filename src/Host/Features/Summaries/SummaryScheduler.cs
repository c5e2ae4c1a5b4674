using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.EventStore;
using GovReport.Host.Features.Reports;
using GovReport.Projections.Queries;
using GovReport.Projections.Queries.Performance;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GovReport.Host.Features.Summaries;

/// <summary>
/// Publishes each scope's monthly summary once the month's submission deadline has passed, oldest
/// first, catching up on every period missed while no host ran. Only the host holding the
/// "summaries" lease works; the new-stream append settles any race that slips past the lease.
/// </summary>
public sealed class SummaryScheduler(
    NpgsqlDataSource dataSource, CatalogueReader catalogue, SummaryStore summaries, SummarySources sources,
    SummaryPublisher publisher, IServiceProvider services, TimeProvider clock, IOptions<SummaryOptions> options,
    ILogger<SummaryScheduler> log) : BackgroundService
{
    public const string LeaseName = "summaries";

    private readonly ReportingCalendar _calendar = services.GetRequiredService<ReportingCalendar>();

    /// <summary>One pass: the ids this host published (empty when another host holds the lease).</summary>
    public async Task<IReadOnlyList<string>> RunOnceAsync(CancellationToken ct)
    {
        await using var lease = await LeaderLease.TryAcquireAsync(dataSource, LeaseName, ct);
        if (lease is null) return [];

        var published = new List<string>();
        foreach (var (scope, month) in await DueAsync(ct))
        {
            ct.ThrowIfCancellationRequested();
            if (await publisher.PublishAutomaticAsync(scope, month, ct) is { } summary) published.Add(summary.Id);
        }
        return published;
    }

    /// <summary>Every (scope, month) whose deadline has passed and that has no summary yet, oldest month first.</summary>
    public async Task<IReadOnlyList<(UnitRow Scope, Month Month)>> DueAsync(CancellationToken ct)
    {
        var today = ReportingCalendar.LocalDate(clock.GetUtcNow());
        var first = await FirstMonthAsync(today, ct);
        if (first is null) return [];

        var units = await catalogue.UnitsAsync(ct);
        var parents = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!).ToHashSet(StringComparer.Ordinal);
        var scopes = units.Where(u => u.ParentId is null || parents.Contains(u.Id)).ToList();
        // Every block too, unless its stream id would be a unit's (a unit named "block-kinh-te").
        var ids = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        scopes.AddRange(BlockFigures.Blocks(units).Keys
            .Where(b => BlockScope.IsSummarisable(b) && !ids.Contains(BlockScope.StreamPart(BlockScope.Of(b))))
            .Select(b => BlockScope.Row(b, clock.GetUtcNow())));
        var candidates = new List<(UnitRow Scope, Month Month)>();
        for (var month = first.Value; month <= Month.Of(today); month = month.Next())
            foreach (var scope in scopes)
                if (_calendar.Deadline(month, Level(scope)) < today)
                    candidates.Add((scope, month));

        var existing = await summaries.ExistingAsync(
            candidates.Select(c => SummaryStore.AutomaticId(c.Scope.Id, c.Month.ToString())).ToList(), ct);
        return candidates.Where(c => !existing.Contains(SummaryStore.AutomaticId(c.Scope.Id, c.Month.ToString()))).ToList();
    }

    private async Task<Month?> FirstMonthAsync(DateOnly today, CancellationToken ct)
    {
        var configured = options.Value.Start is { Length: > 0 } start ? Month.Parse(start) : await sources.FirstReportMonthAsync(ct);
        if (configured is not { } first) return null;
        var earliest = Month.Of(today).AddMonths(-Math.Max(1, options.Value.MaxCatchUpMonths));
        return first < earliest ? earliest : first;
    }

    /// <summary>A block is due when the city level is: its briefing is the city's.</summary>
    private static UnitLevel Level(UnitRow unit) =>
        BlockScope.IsBlock(unit.Id) ? UnitLevel.City : UnitKinds.TryParse(unit.Kind, out var kind, out _) ? kind.Level() : UnitLevel.Commune;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Delay(options.Value.InitialDelay, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RunOnceAsync(stoppingToken);
                if (published.Count > 0) log.LogInformation("Published {Count} summaries", published.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A failed pass must not stop the host: the next pass retries, and the new-stream append keeps it exactly once.
                log.LogWarning(e, "Summary pass interrupted; retrying in {Interval}", options.Value.PollInterval);
            }
            await Delay(options.Value.PollInterval, stoppingToken);
        }
    }

    private static Task Delay(TimeSpan delay, CancellationToken ct) =>
        Task.Delay(delay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
}
