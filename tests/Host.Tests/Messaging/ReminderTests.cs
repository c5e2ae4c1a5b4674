using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovReport.Domain.Periods;
using GovReport.Host.Features.Reminders;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Messaging;

public sealed class ReminderFactory : MessagingFactory;

/// <summary>
/// Units that have not reported are reminded as the deadline approaches and after it, once per
/// (unit, month, kind), in the app and at the webhook. August 2022's commune deadline is the third
/// working day after the month: Monday 5 September.
/// </summary>
public sealed class ReminderTests(ReminderFactory factory) : IClassFixture<ReminderFactory>, IDisposable
{
    private static readonly DateTimeOffset TwoDaysBefore = new(2022, 9, 3, 10, 0, 0, ReportingCalendar.VietnamOffset);
    private static readonly DateTimeOffset DayAfter = new(2022, 9, 6, 10, 0, 0, ReportingCalendar.VietnamOffset);

    public void Dispose() => factory.Clock.Set(Today);

    [Fact]
    public async Task A_missing_report_is_reminded_before_and_after_its_deadline_once_each()
    {
        var admin = factory.ClientAs(Roles.Admin);
        // Both communes report from July, so August is expected of both; only one files it.
        await admin.SubmitAsync(Commune, "2022-07", (Forest, 7m)).ReportAsync();
        await admin.SubmitAsync(OtherCommune, "2022-07", (Forest, 2m)).ReportAsync();
        await admin.SubmitAsync(Commune, "2022-08", (Forest, 8m)).ReportAsync();
        var sweep = factory.Services.GetRequiredService<ReminderSweep>();

        factory.Clock.Set(TwoDaysBefore);
        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        await WebhooksAsync(1);
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None)); // swept again: nobody twice

        factory.Clock.Set(DayAfter);
        Assert.Equal(1, await sweep.SweepAsync(CancellationToken.None));
        await WebhooksAsync(2);
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        var hooks = factory.Sink.AcceptedAt(MessagingSettings.WebhookPath).Select(h => JsonDocument.Parse(h.Body).RootElement).ToList();
        Assert.Equal([(OtherCommune, "2022-08", "approaching", "2022-09-05"), (OtherCommune, "2022-08", "overdue", "2022-09-05")],
            hooks.Select(h => (h.GetProperty("unit").GetString(), h.GetProperty("month").GetString(), h.GetProperty("kind").GetString(), h.GetProperty("deadline").GetString())));

        var reminders = await factory.ClientAs(Roles.Reporter, OtherCommune).GetFromJsonAsync<JsonElement>($"/api/reminders?unit={OtherCommune}");
        Assert.Equal(["overdue", "approaching"], reminders.EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Order().Reverse());
        Assert.All(reminders.EnumerateArray(), r => Assert.True(r.GetProperty("webhookDelivered").GetBoolean()));
        var mine = await factory.ClientAs(Roles.Reporter, Commune).GetFromJsonAsync<JsonElement>($"/api/reminders?unit={Commune}");
        Assert.Empty(mine.EnumerateArray());
    }

    [Fact]
    public async Task A_redelivered_reminder_is_stored_and_delivered_once()
    {
        var reminder = new RemindUnit(ForeignUnit, "2022-06", ReminderKinds.Overdue, new DateOnly(2022, 7, 7));
        await using var scope = factory.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>();
        await bus.InvokeAsync(reminder);
        await bus.InvokeAsync(reminder);
        await WebhooksAsync(1, ForeignUnit);

        var reminders = await factory.ClientAs(Roles.Auditor).GetFromJsonAsync<JsonElement>($"/api/reminders?unit={ForeignUnit}");
        Assert.Single(reminders.EnumerateArray());
        Assert.Single(factory.Sink.AcceptedAt(MessagingSettings.WebhookPath), h => h.Body.Contains(ForeignUnit));
    }

    [Fact]
    public async Task Reminders_are_read_only_by_readers_of_the_unit()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientAs(null).GetAsync($"/api/reminders?unit={Commune}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await factory.ClientAs(Roles.Reporter, Commune).GetAsync($"/api/reminders?unit={OtherCommune}"),
            HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.IsProblemAsync(await factory.ClientAs(Roles.Approver, OtherCity).GetAsync($"/api/reminders?unit={Commune}"),
            HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientAs(Roles.Approver, City).GetAsync($"/api/reminders?unit={Commune}")).StatusCode);
        foreach (var query in new[] { "", "?unit=", "?unit=Not%20A%20Unit", "?unit=xa-khong-co" })
            Assert.Equal(HttpStatusCode.BadRequest, (await factory.ClientAs(Roles.Auditor).GetAsync("/api/reminders" + query)).StatusCode);
    }

    private async Task WebhooksAsync(int count, string unit = OtherCommune)
    {
        await LoopbackSink.EventuallyAsync(() => factory.Sink.AcceptedAt(MessagingSettings.WebhookPath).Count(h => h.Body.Contains(unit)) >= count);
        // Delivered is recorded after the receiver's answer: wait for that too.
        await LoopbackSink.EventuallyAsync(async () =>
        {
            var rows = await factory.Services.GetRequiredService<ReminderStore>().ForUnitAsync(unit, CancellationToken.None);
            return rows.Count(r => r.WebhookDeliveredAt is not null) >= count;
        });
        Assert.Equal(count, factory.Sink.AcceptedAt(MessagingSettings.WebhookPath).Count(h => h.Body.Contains(unit)));
    }
}
