using GovReport.Host.Features.Dhis2.Push;
using GovReport.Host.Features.Reminders;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Postgresql;

namespace GovReport.Host.Infrastructure.Messaging;

/// <summary>
/// Wolverine as the durable message bus for the DHIS2 push and the reminders. Registered always
/// (its handlers can run in process either way); whether it persists to PostgreSQL is decided while
/// registering, because Wolverine's persistence adds services of its own: from the builder's
/// configuration (appsettings, environment, command line; a WebApplicationFactory passes it with
/// <c>UseSetting</c>). The connection itself is taken from the container, lazily.
/// </summary>
public static class MessagingSetup
{
    /// <summary>The local queue every durable message of ours runs through.</summary>
    public const string Queue = "govreport";

    public static IHostApplicationBuilder AddGovReportMessaging(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var services = builder.Services;
        services.AddSingleton(new MessagingMode(settings.Enabled));
        services.AddWolverine(ExtensionDiscovery.ManualOnly, opts =>
        {
            // Wolverine 6.62 starts only with generated handler code; compile it at run time.
            opts.UseRuntimeCompilation();
            // The entry assembly is a test runner under WebApplicationFactory: name ours, and only our handlers.
            opts.ApplicationAssembly = typeof(MessagingSetup).Assembly;
            opts.Discovery.DisableConventionalDiscovery()
                .IncludeType(typeof(Dhis2PushHandler))
                .IncludeType(typeof(ReminderHandlers));
            // An unreachable DHIS2, webhook receiver or mail relay is retried with back-off, in memory first, then
            // as durable scheduled retries that survive a restart; past the last, the dead-letter table.
            opts.Policies.OnException<HttpRequestException>()
                .Or<TaskCanceledException>()
                .Or<TimeoutException>()
                .Or<OutboundRefusedException>()
                .Or<System.Net.Mail.SmtpException>()
                .Or<System.Net.Sockets.SocketException>()
                .RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
                .Then.ScheduleRetry(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6));
            opts.PublishMessage<PushApprovedFigures>().ToLocalQueue(Queue);
            opts.PublishMessage<RemindUnit>().ToLocalQueue(Queue);
            opts.PublishMessage<DeliverReminderWebhook>().ToLocalQueue(Queue);
            opts.PublishMessage<DeliverReminderEmail>().ToLocalQueue(Queue);
            if (!settings.Enabled)
            {
                opts.Durability.Mode = DurabilityMode.MediatorOnly;
                return;
            }
            opts.Durability.Mode = settings.Balanced ? DurabilityMode.Balanced : DurabilityMode.Solo;
            opts.PersistMessagesWithPostgresqlUsingDataSourceFromContainer(sp => sp.GetRequiredService<NpgsqlDataSource>(), settings.Schema);
            opts.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.CreateOrUpdate;
            opts.LocalQueue(Queue).UseDurableInbox();
        });
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        services.AddHttpClient(OutboundHttp.Dhis2, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddHttpClient(OutboundHttp.Webhook, c => c.Timeout = TimeSpan.FromSeconds(30));
        Dhis2PushSetup.AddGovReportDhis2Push(services);
        ReminderSetup.AddGovReportReminders(services);
        return builder;
    }
}

/// <summary>Whether messages persist (and the relay and the sweep run), as decided at registration.</summary>
public sealed record MessagingMode(bool Durable);

/// <summary>Names of the outbound HTTP clients (traced by the HttpClient instrumentation).</summary>
public static class OutboundHttp
{
    public const string Dhis2 = "dhis2-push";
    public const string Webhook = "reminder-webhook";
}

/// <summary>The receiver answered, but refused (a non-success status, or DHIS2's import status ERROR): retried.</summary>
public sealed class OutboundRefusedException(string message) : Exception(message);
