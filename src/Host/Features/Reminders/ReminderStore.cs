using Npgsql;

namespace GovReport.Host.Features.Reminders;

public sealed record ReminderRow(string Unit, string Month, string Kind, DateOnly Deadline, DateTimeOffset RemindedAt, DateTimeOffset? WebhookDeliveredAt);

/// <summary>The in-app reminders: one row per (unit, month, kind), the key that keeps each to once.</summary>
public sealed class ReminderStore(NpgsqlDataSource dataSource)
{
    private const int MaxRows = 200;

    /// <summary>Inserts the reminder in the caller's transaction; false when it was already there.</summary>
    public static async Task<bool> TryAddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RemindUnit reminder, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO app.reminders (unit_id, month, kind, deadline, reminded_at) VALUES (@unit, @month, @kind, @deadline, @at)
            ON CONFLICT (unit_id, month, kind) DO NOTHING
            """, connection, transaction);
        command.Parameters.AddWithValue("unit", reminder.Unit);
        command.Parameters.AddWithValue("month", reminder.Month);
        command.Parameters.AddWithValue("kind", reminder.Kind);
        command.Parameters.AddWithValue("deadline", reminder.Deadline);
        command.Parameters.AddWithValue("at", at);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The (unit, kind) pairs already reminded for a month, so a sweep sends nothing twice.</summary>
    public async Task<HashSet<(string Unit, string Kind)>> RemindedAsync(string month, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT unit_id, kind FROM app.reminders WHERE month = @month");
        command.Parameters.AddWithValue("month", month);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var reminded = new HashSet<(string, string)>();
        while (await reader.ReadAsync(ct)) reminded.Add((reader.GetString(0), reader.GetString(1)));
        return reminded;
    }

    public async Task<IReadOnlyList<ReminderRow>> ForUnitAsync(string unit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT unit_id, month, kind, deadline, reminded_at, webhook_delivered_at FROM app.reminders
            WHERE unit_id = @unit ORDER BY month DESC, reminded_at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("limit", MaxRows);
        return await ReadAsync(command, ct);
    }

    /// <summary>
    /// The reminders still open for a unit: one per month (its latest, so an overdue one stands for
    /// the approaching one before it), for months whose report is not yet submitted or approved.
    /// The reports read model is inline, so a report filed a moment ago closes its reminder at once.
    /// </summary>
    public async Task<IReadOnlyList<ReminderRow>> OpenForUnitAsync(string unit, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT unit_id, month, kind, deadline, reminded_at, webhook_delivered_at FROM (
                SELECT DISTINCT ON (r.month) r.* FROM app.reminders r
                WHERE r.unit_id = @unit AND NOT EXISTS (
                    SELECT 1 FROM rm.reports p WHERE p.unit_id = r.unit_id AND p.month = r.month AND p.status IN ('submitted', 'approved'))
                ORDER BY r.month, r.reminded_at DESC) latest
            ORDER BY month DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("limit", Math.Clamp(limit, 1, MaxRows));
        return await ReadAsync(command, ct);
    }

    private static async Task<IReadOnlyList<ReminderRow>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ReminderRow>();
        while (await reader.ReadAsync(ct))
            rows.Add(new ReminderRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        return rows;
    }

    public static Task<bool> WebhookDeliveredAsync(NpgsqlConnection connection, DeliverReminderWebhook m, CancellationToken ct) =>
        DeliveredAsync(connection, Channel.Webhook, m.Unit, m.Month, m.Kind, ct);

    public static Task MarkWebhookDeliveredAsync(NpgsqlConnection connection, DeliverReminderWebhook m, DateTimeOffset at, CancellationToken ct) =>
        MarkDeliveredAsync(connection, Channel.Webhook, m.Unit, m.Month, m.Kind, at, ct);

    public static Task<bool> EmailDeliveredAsync(NpgsqlConnection connection, DeliverReminderEmail m, CancellationToken ct) =>
        DeliveredAsync(connection, Channel.Email, m.Unit, m.Month, m.Kind, ct);

    public static Task MarkEmailDeliveredAsync(NpgsqlConnection connection, DeliverReminderEmail m, DateTimeOffset at, CancellationToken ct) =>
        MarkDeliveredAsync(connection, Channel.Email, m.Unit, m.Month, m.Kind, at, ct);

    private enum Channel { Webhook, Email }

    // The column is chosen from this closed set, never from input.
    private static string Column(Channel channel) => channel == Channel.Email ? "email_delivered_at" : "webhook_delivered_at";

    private static async Task<bool> DeliveredAsync(NpgsqlConnection connection, Channel channel, string unit, string month, string kind, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {Column(channel)} IS NOT NULL FROM app.reminders WHERE unit_id = @unit AND month = @month AND kind = @kind
            """, connection);
        AddKey(command, unit, month, kind);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static async Task MarkDeliveredAsync(NpgsqlConnection connection, Channel channel, string unit, string month, string kind, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE app.reminders SET {Column(channel)} = @at WHERE unit_id = @unit AND month = @month AND kind = @kind
            """, connection);
        AddKey(command, unit, month, kind);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddKey(NpgsqlCommand command, string unit, string month, string kind)
    {
        command.Parameters.AddWithValue("unit", unit);
        command.Parameters.AddWithValue("month", month);
        command.Parameters.AddWithValue("kind", kind);
    }
}
