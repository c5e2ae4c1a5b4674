using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Daemon;
using GovReport.Host.Infrastructure.Messaging;
using GovReport.Projections;
using GovReport.Projections.Queries;
using Microsoft.Extensions.Options;
using Wolverine;

namespace GovReport.Host.Features.Reminders;

/// <summary>
/// Looks, every <see cref="ReminderOptions.SweepInterval"/> and by the injected clock, for units
/// whose report of a recent month is still missing as its deadline approaches or after it, and
/// sends each a durable <see cref="RemindUnit"/>. Units already reminded are skipped here, and the
/// handler's key refuses a second anyway, so sweeping again (or on two hosts) reminds nobody twice.
/// </summary>
/// <remarks>
/// The clock is ours (TimeProvider), not Wolverine's scheduler's: a deadline is a date in the
/// reporting calendar, and tests move the clock to it.
/// </remarks>
public sealed class ReminderSweep(
    IServiceProvider services, ReportingStatusQuery status, CatalogueReader catalogue, ReportingCalendar calendar,
    ReminderStore store, ProjectionFreshness freshness, IOptions<ProjectionOptions> projections,
    IOptions<ReminderOptions> options, MessagingMode messaging, TimeProvider clock, ILogger<ReminderSweep> log) : BackgroundService
{
    public bool Runs => messaging.Durable && options.Value.Enabled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Runs) return;
        var interval = options.Value.SweepInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.Value.SweepInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Reminder sweep failed; trying again in {Interval}", interval);
            }
            await Task.Delay(interval, stoppingToken);
        }
    }

    /// <returns>The reminders sent to the queue.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var today = ReportingCalendar.LocalDate(clock.GetUtcNow());
        // Submissions reach the reporting status asynchronously: wait (bounded) so one just made counts.
        await freshness.WaitUntilFreshAsync(projections.Value.ReadWait, ct);
        var levels = (await catalogue.UnitsAsync(ct)).ToDictionary(u => u.Id, u => UnitKinds.Parse(u.Kind).Level());
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var sent = 0;
        // This month (a Decree 09 window closes mid-month) and the two before it.
        for (var back = 0; back <= 2; back++)
        {
            var month = Month.Of(today).AddMonths(-back);
            var period = Period.OfMonth(month);
            var reminded = await store.RemindedAsync(month.ToString(), ct);
            var report = await status.RunAsync(null, period, ct);
            foreach (var missing in report.Units.Where(u => u.State == "missing"))
            {
                if (!levels.TryGetValue(missing.Unit, out var level)) continue;
                var deadline = calendar.Deadline(period, level);
                var kind = today > deadline ? ReminderKinds.Overdue
                    : today >= deadline.AddDays(-options.Value.DaysBefore) ? ReminderKinds.Approaching
                    : null;
                if (kind is null || reminded.Contains((missing.Unit, kind))) continue;
                await bus.PublishAsync(new RemindUnit(missing.Unit, month.ToString(), kind, deadline));
                sent++;
            }
        }
        if (sent > 0) log.LogInformation("Sent {Count} report reminders", sent);
        return sent;
    }
}
