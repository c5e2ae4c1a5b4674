using System.Text.Json;
using GovReport.Host.Tests.Reports;
using GovReport.Testing;

namespace GovReport.Host.Tests.Messaging;

/// <summary>
/// The reports host with durable messaging on: DHIS2 push and the reminder webhook pointed at a
/// loopback sink. The reminder sweep's timer is off; tests sweep by hand at the clock they set.
/// </summary>
public class MessagingFactory : ReportsFactory
{
    public LoopbackSink Sink { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Sink = await LoopbackSink.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        MessagingSettings.Apply(settings, Sink.BaseUrl, push: true);
    }

    protected override async Task CleanUpAsync() => await Sink.DisposeAsync();
}

internal static class MessagingSettings
{
    public const string Dhis2Path = "/api/dataValueSets";
    public const string WebhookPath = "/hooks/reminders";
    public const string Token = "d2pat_loopback";

    public static void Apply(IDictionary<string, string?> settings, string sinkUrl, bool push)
    {
        settings["Messaging:Enabled"] = "true";
        settings["Dhis2:Push:Enabled"] = push ? "true" : "false";
        settings["Dhis2:Push:BaseUrl"] = sinkUrl;
        settings["Dhis2:Push:Token"] = Token;
        settings["Reminders:Enabled"] = "false";
        settings["Reminders:WebhookUrl"] = sinkUrl + WebhookPath;
    }

    /// <summary>A pushed dataValueSet as (dataElement, period, orgUnit, value), in order.</summary>
    public static List<(string, string, string, string)> Values(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("dataValues").EnumerateArray()
            .Select(v => (v.GetProperty("dataElement").GetString()!, v.GetProperty("period").GetString()!,
                v.GetProperty("orgUnit").GetString()!, v.GetProperty("value").GetString()!))
            .ToList();
    }
}

/// <summary>
/// One of several hosts, one after another, on a database the test owns: what a restart is.
/// </summary>
public sealed class HostOnDatabase(string connectionString, string sinkUrl, bool push, bool seed) : ReportsFactory
{
    protected override string ConnectionString => connectionString;

    public override async Task InitializeAsync()
    {
        if (seed) await ReportTestData.SeedAsync(this);
        else _ = Services;
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        base.ConfigureSettings(settings);
        MessagingSettings.Apply(settings, sinkUrl, push);
    }
}
