using GovReport.Domain.Periods;
using GovReport.Host.Features.Reminders;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Messaging;

/// <summary>The messaging host with the reminder e-mail pointed at a loopback SMTP sink; one unit has an address.</summary>
public sealed class ReminderEmailFactory : MessagingFactory
{
    public const string Address = "van-thu@xa-hai.example.vn";
    public SmtpSink Smtp { get; } = new();

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        settings["Reminders:Smtp:Host"] = "127.0.0.1";
        settings["Reminders:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Reminders:Smtp:From"] = "govreport@example.vn";
        settings[$"Reminders:Smtp:Addresses:{OtherCommune}"] = Address;
    }

    protected override async Task CleanUpAsync()
    {
        await base.CleanUpAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// A reminder to a unit with an address is e-mailed once through the durable path, with its
/// Vietnamese subject UTF-8 encoded; units without one get none. August 2022's commune deadline
/// is Monday 5 September.
/// </summary>
public sealed class ReminderEmailTests(ReminderEmailFactory factory) : IClassFixture<ReminderEmailFactory>, IDisposable
{
    private static readonly DateTimeOffset TwoDaysBefore = new(2022, 9, 3, 10, 0, 0, ReportingCalendar.VietnamOffset);
    private static readonly DateTimeOffset DayAfter = new(2022, 9, 6, 10, 0, 0, ReportingCalendar.VietnamOffset);

    public void Dispose() => factory.Clock.Set(Today);

    [Fact]
    public async Task Each_reminder_is_mailed_once_with_a_vietnamese_subject()
    {
        var admin = factory.ClientAs(Roles.Admin);
        await admin.SubmitAsync(Commune, "2022-07", (Forest, 7m)).ReportAsync();
        await admin.SubmitAsync(OtherCommune, "2022-07", (Forest, 2m)).ReportAsync();
        var sweep = factory.Services.GetRequiredService<ReminderSweep>();

        factory.Clock.Set(TwoDaysBefore);
        Assert.True(await sweep.SweepAsync(CancellationToken.None) >= 2); // both communes miss August; one has an address
        await MailedAsync(1);
        // The commune without an address was reminded in the app, and not by e-mail.
        await LoopbackSink.EventuallyAsync(async () =>
            (await factory.Services.GetRequiredService<ReminderStore>().ForUnitAsync(Commune, CancellationToken.None)).Count == 1);
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));

        factory.Clock.Set(DayAfter);
        Assert.True(await sweep.SweepAsync(CancellationToken.None) >= 2);
        await MailedAsync(2);

        // The same facts delivered again (a redelivery after a crash, a second host) send nothing.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<Wolverine.IMessageBus>();
            await bus.InvokeAsync(new DeliverReminderEmail(OtherCommune, "2022-08", ReminderKinds.Approaching, new DateOnly(2022, 9, 5)));
            await bus.InvokeAsync(new RemindUnit(OtherCommune, "2022-08", ReminderKinds.Overdue, new DateOnly(2022, 9, 5)));
        }

        var mails = factory.Smtp.Received.ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal([ReminderEmailFactory.Address], m.To));
        Assert.All(mails, m => Assert.Equal("govreport@example.vn", m.From));
        Assert.Equal(["Nhắc nhở: báo cáo tháng 8/2022 đến hạn ngày 05/09/2022.", "Nhắc nhở: báo cáo tháng 8/2022 đã quá hạn ngày 05/09/2022 mà chưa gửi."],
            mails.Select(m => m.Subject));
        // Sent as UTF-8 encoded words, never raw 8-bit in a header.
        Assert.All(mails, m => Assert.StartsWith("=?utf-8?", m.RawSubject, StringComparison.OrdinalIgnoreCase));
    }

    private async Task MailedAsync(int count)
    {
        await LoopbackSink.EventuallyAsync(() => factory.Smtp.Received.Count >= count);
        // Delivered is recorded after the relay's answer: wait for that too, so a redelivery finds it.
        await LoopbackSink.EventuallyAsync(async () =>
        {
            await using var command = factory.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()
                .CreateCommand("SELECT count(*) FROM app.reminders WHERE email_delivered_at IS NOT NULL");
            return (long)(await command.ExecuteScalarAsync())! >= count;
        });
        Assert.Equal(count, factory.Smtp.Received.Count);
    }
}
