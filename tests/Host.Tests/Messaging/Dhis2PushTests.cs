using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Host.Features.Dhis2.Push;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Messaging;

/// <summary>Approved figures go to the configured DHIS2 as a dataValueSet, once per approval event; a correction goes again.</summary>
public sealed class Dhis2PushTests(MessagingFactory factory) : IClassFixture<MessagingFactory>
{
    [Fact]
    public async Task An_approval_is_pushed_once_and_a_correction_after_it_pushes_the_corrected_values()
    {
        var sink = factory.Sink;
        var admin = factory.ClientAs(Roles.Admin);
        var approver = factory.ClientAs(Roles.Approver, City);
        await admin.SubmitAsync(Commune, "2022-08", (Forest, 12.5m), (Patients, 40m)).ReportAsync();
        Assert.Empty(sink.AcceptedAt(MessagingSettings.Dhis2Path)); // a submission is not approved: nothing leaves

        await approver.ApproveAsync(Commune, "2022-08").ReportAsync();
        await LoopbackSink.EventuallyAsync(() => sink.AcceptedAt(MessagingSettings.Dhis2Path).Count >= 1);
        var first = Assert.Single(sink.AcceptedAt(MessagingSettings.Dhis2Path));
        Assert.Equal([(Forest, "202208", Commune, "12.5"), (Patients, "202208", Commune, "40")], MessagingSettings.Values(first.Body));
        Assert.Equal("ApiToken " + MessagingSettings.Token, first.Authorization);

        await admin.CorrectAsync(Commune, "2022-08", "Số liệu kiểm lâm", (Forest, 13m)).ReportAsync();
        await LoopbackSink.EventuallyAsync(() => sink.AcceptedAt(MessagingSettings.Dhis2Path).Count >= 2);
        var pushes = sink.AcceptedAt(MessagingSettings.Dhis2Path);
        Assert.Equal(2, pushes.Count);
        Assert.Equal([(Forest, "202208", Commune, "13"), (Patients, "202208", Commune, "40")], MessagingSettings.Values(pushes[1].Body));

        // The same facts delivered again (a redelivery after a crash): DHIS2 hears nothing more.
        var pusher = factory.Services.GetRequiredService<Dhis2Pusher>();
        var stream = StreamIds.Report(new UnitId(Commune), Month.Parse("2022-08"));
        foreach (var version in await PushedVersionsAsync(stream))
            await pusher.PushAsync(new PushApprovedFigures(stream, version, Commune, "2022-08", Guid.Empty), CancellationToken.None);
        Assert.Equal(2, sink.AcceptedAt(MessagingSettings.Dhis2Path).Count);
        Assert.Equal(2, (await PushedVersionsAsync(stream)).Count);
    }

    [Fact]
    public async Task A_refusing_DHIS2_is_retried_until_it_accepts_and_the_figures_arrive_once()
    {
        var sink = factory.Sink;
        var admin = factory.ClientAs(Roles.Admin);
        await admin.SubmitAsync(OtherCommune, "2022-08", (Forest, 3m)).ReportAsync();
        var before = sink.Refused.Count;
        sink.RefuseNext = 1;

        await factory.ClientAs(Roles.Approver, City).ApproveAsync(OtherCommune, "2022-08").ReportAsync();
        await LoopbackSink.EventuallyAsync(() => sink.AcceptedAt(MessagingSettings.Dhis2Path).Any(p => p.Body.Contains(OtherCommune)));

        Assert.Equal(before + 1, sink.Refused.Count);
        var push = Assert.Single(sink.AcceptedAt(MessagingSettings.Dhis2Path), p => p.Body.Contains(OtherCommune));
        Assert.Equal([(Forest, "202208", OtherCommune, "3")], MessagingSettings.Values(push.Body));
    }

    private async Task<List<long>> PushedVersionsAsync(string stream)
    {
        await using var command = factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT version FROM app.dhis2_pushes WHERE stream_id = @stream AND outcome = 'pushed' ORDER BY version");
        command.Parameters.AddWithValue("stream", stream);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<long>();
        while (await reader.ReadAsync()) versions.Add(reader.GetInt64(0));
        return versions;
    }
}
