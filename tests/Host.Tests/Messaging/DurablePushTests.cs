using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using GovReport.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Messaging;

/// <summary>
/// Nothing acknowledged is lost: a host stops between accepting an approval and pushing it, and
/// the next host on the same database pushes it, exactly once.
/// </summary>
public sealed class DurablePushTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private LoopbackSink _sink = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("hostDurablePush");
        _sink = await LoopbackSink.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_approval_made_before_the_relay_ran_is_pushed_once_by_the_next_host()
    {
        // The first host accepts the approval and stops before anything reads it for DHIS2.
        var first = new HostOnDatabase(_database.ConnectionString, _sink.BaseUrl, push: false, seed: true);
        await first.InitializeAsync();
        await first.ClientAs(Roles.Admin).SubmitAsync(Commune, "2022-08", (Forest, 12.5m)).ReportAsync();
        await first.ClientAs(Roles.Approver, City).ApproveAsync(Commune, "2022-08").ReportAsync();
        await ((IAsyncLifetime)first).DisposeAsync();
        Assert.Empty(_sink.Accepted);

        var second = new HostOnDatabase(_database.ConnectionString, _sink.BaseUrl, push: true, seed: false);
        await second.InitializeAsync();
        await LoopbackSink.EventuallyAsync(() => !_sink.Accepted.IsEmpty);
        await ((IAsyncLifetime)second).DisposeAsync();

        // A third start reads nothing new and redelivers nothing.
        var third = new HostOnDatabase(_database.ConnectionString, _sink.BaseUrl, push: true, seed: false);
        await third.InitializeAsync();
        await third.Services.GetRequiredService<Features.Dhis2.Push.ApprovalRelay>().RelayPageAsync(CancellationToken.None);
        await ((IAsyncLifetime)third).DisposeAsync();

        var push = Assert.Single(_sink.Accepted);
        Assert.Equal([(Forest, "202208", Commune, "12.5")], MessagingSettings.Values(push.Body));
    }

    [Fact]
    public async Task A_push_refused_when_the_host_stops_is_sent_by_the_next_host_once()
    {
        _sink.Refusing = true;
        var first = new HostOnDatabase(_database.ConnectionString, _sink.BaseUrl, push: true, seed: true);
        await first.InitializeAsync();
        await first.ClientAs(Roles.Admin).SubmitAsync(OtherCommune, "2022-08", (Forest, 3m)).ReportAsync();
        await first.ClientAs(Roles.Approver, City).ApproveAsync(OtherCommune, "2022-08").ReportAsync();
        // The message is in Wolverine's durable inbox and DHIS2 has refused it: stop mid-retry.
        await LoopbackSink.EventuallyAsync(() => !_sink.Refused.IsEmpty);
        await ((IAsyncLifetime)first).DisposeAsync();
        Assert.Empty(_sink.Accepted);

        _sink.Refusing = false;
        var second = new HostOnDatabase(_database.ConnectionString, _sink.BaseUrl, push: true, seed: false);
        await second.InitializeAsync();
        await LoopbackSink.EventuallyAsync(() => !_sink.Accepted.IsEmpty, seconds: 120);
        await ((IAsyncLifetime)second).DisposeAsync();

        var push = Assert.Single(_sink.Accepted);
        Assert.Equal([(Forest, "202208", OtherCommune, "3")], MessagingSettings.Values(push.Body));
    }
}
