using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Domain.Targets;
using GovReport.EventStore;
using GovReport.Host.Infrastructure.Idempotency;
using GovReport.Host.Infrastructure.Writes;
using GovReport.Host.Features.Reports;

namespace GovReport.Host.Features.Seed;

/// <summary>Events the seed appended, by kind of stream.</summary>
public sealed record SeedResult(int Units, int Indicators, int Plans, int Reports, int Accounts = 0, int Restructurings = 0)
{
    /// <summary>Events of the catalogue, plans, reports and restructurings (accounts are counted as accounts created).</summary>
    public int Total => Units + Indicators + Plans + Reports + Restructurings;

    public override string ToString() =>
        $"seed: appended {Total} events — units {Units}, indicators {Indicators}, plans {Plans}, reports {Reports}, restructurings {Restructurings}; demo accounts created {Accounts}";
}

/// <summary>
/// Loads the Bắc Kạn demo through the same deciders and inline read models as the API. Every
/// step is decided against the stream's current state and decides nothing when it is already
/// there, so a second run appends nothing.
/// </summary>
public static class DemoSeed
{
    public const string Actor = "seed";
    public const string Source = "seed";

    /// <summary>Approvals come from another account than the submissions: no one approves what they submitted.</summary>
    public const string ApproverActor = "seed-approver";

    private static readonly EventMetadata Metadata = new(Actor, Source, Reason: "demo data");
    private static readonly EventMetadata ApproverMetadata = new(ApproverActor, Source, Reason: "demo data");

    public static async Task<SeedResult> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var commands = services.GetRequiredService<StreamCommands>();
        var calendar = services.GetRequiredService<ReportingCalendar>();

        var units = 0;
        foreach (var unit in DemoUnits.All)
            units += await RunAsync(commands, StreamIds.Unit(unit.Id), UnitDecider.Decider, unit, ct);

        var indicators = 0;
        foreach (var indicator in DemoIndicators.All)
            indicators += await RunAsync(commands, StreamIds.Indicator(indicator.Code), IndicatorDecider.Decider, indicator, ct);

        var plans = 0;
        foreach (var stream in DemoPlans.All)
            for (var i = 0; i < stream.Count; i++)
            {
                var (command, revision) = (stream[i], i);
                // The i-th plan of a stream applies only to a stream holding exactly i revisions.
                plans += await RunAsync(commands, StreamIds.Plan(command.Unit, command.Year),
                    Only(PlanDecider.Decider, state => (state?.Revisions.Count ?? 0) == revision), command, ct);
            }

        var reports = 0;
        for (var i = 0; i < DemoReports.All.Count; i++)
            reports += await SubmitAsync(commands, calendar, DemoReports.All[i], i, ct);

        var restructurings = 0;
        if (DemoReformSeed.IsDue(calendar, services.GetRequiredService<TimeProvider>()))
        {
            // Reports before the reform, the reform itself, then the successors' reports.
            var index = DemoReports.All.Count;
            foreach (var report in DemoReform.Reports.Where(r => r.Month < DemoReform.Effective))
                reports += await SubmitAsync(commands, calendar, report, index++, ct);
            restructurings = await DemoReformSeed.RestructureAsync(services, Metadata, ct);
            foreach (var report in DemoReform.Reports.Where(r => r.Month >= DemoReform.Effective))
                reports += await SubmitAsync(commands, calendar, report, index++, ct);
        }

        var accounts = await AccountsAsync(services, ct);
        return new SeedResult(units, indicators, plans, reports, accounts, restructurings);
    }

    private static async Task<int> SubmitAsync(
        StreamCommands commands, ReportingCalendar calendar, DemoReport report, int index, CancellationToken ct)
    {
        var level = DemoUnits.KindOf(report.Unit.Value).Level();
        var at = DemoReports.SubmittedAt(report, calendar, level, index);
        var submit = SubmitReport.Judged(calendar, level, report.Unit, report.Month, report.Values, report.Narrative, Actor, at);
        var stream = StreamIds.Report(report.Unit, report.Month);
        var appended = await RunAsync(commands, stream, Only(ReportDecider.Decider, state => state.Status == ReportStatus.None), submit, ct);
        if (!report.Approved) return appended;

        var approve = new ApproveReport(report.Unit, report.Month, ApproverActor, at.AddDays(2));
        return appended + await RunAsync(commands, stream,
            Only(ReportDecider.Decider, state => state.Status == ReportStatus.Submitted), approve, ct, ApproverMetadata);
    }

    /// <summary>The demo accounts that do not exist yet: one already there keeps its password and roles.</summary>
    private static async Task<int> AccountsAsync(IServiceProvider services, CancellationToken ct)
    {
        var directory = services.GetRequiredService<Infrastructure.Auth.Accounts.AccountDirectory>();
        var writer = services.GetRequiredService<Accounts.AccountWriter>();
        var created = 0;
        foreach (var account in DemoAccounts.All)
        {
            if (await directory.FindAsync(account.Username, ct) is not null) continue;
            if (await writer.SetUpAsync(account, Actor, ct) is { } error)
                throw new InvalidOperationException($"Seeding account {account.Username} failed: {error.Code}: {error.Message}");
            created++;
        }
        return created;
    }

    /// <summary>The decider, deciding nothing unless the stream is where this step of the seed expects it.</summary>
    private static Decider<TCommand, TState, TEvent> Only<TCommand, TState, TEvent>(
        Decider<TCommand, TState, TEvent> decider, Func<TState, bool> when) =>
        decider with { Decide = (command, state) => when(state) ? decider.Decide(command, state) : Decision<TEvent>.Nothing };

    private static async Task<int> RunAsync<TCommand, TState, TEvent>(
        StreamCommands commands, string streamId, Decider<TCommand, TState, TEvent> decider, TCommand command,
        CancellationToken ct, EventMetadata? metadata = null) where TEvent : class
    {
        var outcome = await commands.ExecuteAsync(streamId, ifMatch: null, decider, command, metadata ?? Metadata, ct);
        if (outcome.Error is { } error)
            throw new InvalidOperationException($"Seeding {streamId} failed: {error.Code}: {error.Message}");
        if (outcome.StaleVersion)
            throw new InvalidOperationException($"Seeding {streamId} lost a race; run the seed again.");
        return outcome.Appended;
    }
}
