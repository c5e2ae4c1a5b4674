using GovReport.Domain.Periods;
using GovReport.Host.Features.Reminders;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Messaging;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Web;

public sealed class ReminderPageFactory : MessagingFactory;

/// <summary>
/// The clerk's months page shows the unit's open reminders, as a status region under a heading,
/// once a sweep has sent them; a month filed closes its reminder. August 2022's commune deadline
/// is Monday 5 September.
/// </summary>
public sealed class ReminderPageTests(ReminderPageFactory factory) : IClassFixture<ReminderPageFactory>, IDisposable
{
    private static readonly DateTimeOffset TwoDaysBefore = new(2022, 9, 3, 10, 0, 0, ReportingCalendar.VietnamOffset);

    public void Dispose() => factory.Clock.Set(Today);

    [Fact]
    public async Task A_swept_reminder_shows_on_the_clerks_months_until_the_month_is_filed()
    {
        var admin = factory.ClientAs(Roles.Admin);
        await admin.SubmitAsync(Commune, "2022-07", (Forest, 7m)).ReportAsync();
        await admin.SubmitAsync(OtherCommune, "2022-07", (Forest, 2m)).ReportAsync();
        await admin.SubmitAsync(Commune, "2022-08", (Forest, 8m)).ReportAsync();
        factory.Clock.Set(TwoDaysBefore);
        var clerk = factory.PageClientAs(Roles.Reporter, OtherCommune);
        Assert.Null((await clerk.PageAsync($"/bao-cao/{OtherCommune}?nam=2022")).Document.QuerySelector("[role=status]"));

        Assert.Equal(1, await factory.Services.GetRequiredService<ReminderSweep>().SweepAsync(CancellationToken.None));
        await LoopbackSink.EventuallyAsync(async () =>
            (await factory.Services.GetRequiredService<ReminderStore>().ForUnitAsync(OtherCommune, CancellationToken.None)).Count == 1);

        var page = await clerk.PageAsync($"/bao-cao/{OtherCommune}?nam=2022");
        var region = page.Document.QuerySelector("[role=status]")!;
        Assert.NotNull(region);
        var heading = page.Document.GetElementById(region.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("Nhắc nhở", heading.TextContent.Trim());
        var item = Assert.Single(region.QuerySelectorAll("li"));
        Assert.Equal("Nhắc nhở: báo cáo tháng 8/2022 đến hạn ngày 05/09/2022.", item.TextContent.Trim());
        Assert.Equal($"/bao-cao/{OtherCommune}/2022-08", item.QuerySelector("a")!.GetAttribute("href"));

        // The commune that filed August has nothing to be reminded of.
        var filed = await factory.PageClientAs(Roles.Reporter, Commune).PageAsync($"/bao-cao/{Commune}?nam=2022");
        Assert.Null(filed.Document.QuerySelector("[role=status]"));

        // Filing the month closes its reminder; the API still lists what was sent.
        await admin.SubmitAsync(OtherCommune, "2022-08", (Forest, 3m)).ReportAsync();
        Assert.Null((await clerk.PageAsync($"/bao-cao/{OtherCommune}?nam=2022")).Document.QuerySelector("[role=status]"));
        Assert.Single(await factory.Services.GetRequiredService<ReminderStore>().ForUnitAsync(OtherCommune, CancellationToken.None));
    }
}
