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
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ReminderRow>();
        while (await reader.ReadAsync(ct))
            rows.Add(new ReminderRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        return rows;
    }

    public static async Task<bool> WebhookDeliveredAsync(NpgsqlConnection connection, DeliverReminderWebhook message, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT webhook_delivered_at IS NOT NULL FROM app.reminders WHERE unit_id = @unit AND month = @month AND kind = @kind
            """, connection);
        AddKey(command, message);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    public static async Task MarkWebhookDeliveredAsync(NpgsqlConnection connection, DeliverReminderWebhook message, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE app.reminders SET webhook_delivered_at = @at WHERE unit_id = @unit AND month = @month AND kind = @kind
            """, connection);
        AddKey(command, message);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddKey(NpgsqlCommand command, DeliverReminderWebhook message)
    {
        command.Parameters.AddWithValue("unit", message.Unit);
        command.Parameters.AddWithValue("month", message.Month);
        command.Parameters.AddWithValue("kind", message.Kind);
    }
}
