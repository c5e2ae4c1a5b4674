using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;

namespace GovReport.Host.Features.Reminders;

/// <summary>
/// Stores a reminder once per (unit, month, kind) and, where a webhook or the unit's e-mail is
/// configured, enqueues each delivery in the same transaction (Wolverine's outbox on our connection): a reminder stored is a
/// reminder delivered, and a redelivered <see cref="RemindUnit"/> finds its row and does nothing.
/// </summary>
public static class ReminderHandlers
{
    public static async Task Handle(RemindUnit message, IMessageContext context, NpgsqlDataSource dataSource,
        IOptions<ReminderOptions> options, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Outbox.EnlistAsync(context, transaction);
        var added = await ReminderStore.TryAddAsync(connection, transaction, message, clock.GetUtcNow(), ct);
        if (added && options.Value.Webhook is not null)
            await context.PublishAsync(new DeliverReminderWebhook(message.Unit, message.Month, message.Kind, message.Deadline));
        if (added && options.Value.Smtp.AddressesOf(message.Unit).Count > 0)
            await context.PublishAsync(new DeliverReminderEmail(message.Unit, message.Month, message.Kind, message.Deadline));
        await transaction.CommitAsync(ct);
        await Outbox.FlushAsync(context);
    }

    /// <summary>Under the fact's lock: delivered already → nothing; else POST, and record only a success.</summary>
    public static async Task Handle(DeliverReminderWebhook message, NpgsqlDataSource dataSource, IHttpClientFactory http,
        IOptions<ReminderOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (options.Value.Webhook is not { } webhook) return;
        await using var fact = await FactLock.AcquireAsync(dataSource, $"reminder:{message.Unit}:{message.Month}:{message.Kind}", ct);
        if (await ReminderStore.WebhookDeliveredAsync(fact.Connection, message, ct)) return;
        using var response = await http.CreateClient(OutboundHttp.Webhook).PostAsJsonAsync(webhook, new
        {
            unit = message.Unit,
            month = message.Month,
            kind = message.Kind,
            deadline = message.Deadline.ToString("yyyy-MM-dd"),
            text = ReminderText.For(message.Unit, message.Month, message.Kind, message.Deadline),
        }, ct);
        if (!response.IsSuccessStatusCode)
            throw new OutboundRefusedException($"The reminder webhook answered {(int)response.StatusCode}.");
        await ReminderStore.MarkWebhookDeliveredAsync(fact.Connection, message, clock.GetUtcNow(), ct);
    }

    /// <summary>Under the fact's own lock (e-mail and webhook are delivered apart): sent already → nothing; else send, then record.</summary>
    public static async Task Handle(DeliverReminderEmail message, NpgsqlDataSource dataSource, IOptions<ReminderOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var to = smtp.AddressesOf(message.Unit);
        if (to.Count == 0) return;
        await using var fact = await FactLock.AcquireAsync(dataSource, $"reminder-email:{message.Unit}:{message.Month}:{message.Kind}", ct);
        if (await ReminderStore.EmailDeliveredAsync(fact.Connection, message, ct)) return;
        await ReminderMail.SendAsync(smtp, to, message, ct);
        await ReminderStore.MarkEmailDeliveredAsync(fact.Connection, message, clock.GetUtcNow(), ct);
    }
}

public static class ReminderText
{
    public static string For(string unit, string month, string kind, DateOnly deadline)
    {
        var label = GovReport.Domain.Periods.Month.Parse(month).Label.ToLowerInvariant();
        var due = deadline.ToString("dd/MM/yyyy");
        return kind == ReminderKinds.Overdue
            ? $"{unit}: báo cáo {label} đã quá hạn ({due}) mà chưa nộp."
            : $"{unit}: báo cáo {label} đến hạn ngày {due}; đơn vị chưa nộp.";
    }

    /// <summary>The reminder as the unit's own clerk reads it in the web application (the unit is the page's).</summary>
    public static string InApp(string month, string kind, DateOnly deadline)
    {
        var label = GovReport.Domain.Periods.Month.Parse(month).Label.ToLowerInvariant();
        var due = deadline.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return kind == ReminderKinds.Overdue
            ? $"Nhắc nhở: báo cáo {label} đã quá hạn ngày {due} mà chưa gửi."
            : $"Nhắc nhở: báo cáo {label} đến hạn ngày {due}.";
    }
}
