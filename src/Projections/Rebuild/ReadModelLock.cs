using Npgsql;

namespace GovReport.Projections.Rebuild;

/// <summary>
/// Writers of the live read models hold this lock shared for the length of their transaction; a
/// rebuild's swap holds it exclusively for the moment it catches up the last events and renames
/// the schemas, so no write lands in the old tables. The daemon takes the advisory lock. Inline
/// projections run inside an append, which has already written its stream head by then: the
/// swap holds appends back (EventLog.HoldAppendsAsync): it waits for them and holds back new ones, with no round trip
/// of their own.
/// </summary>
public static class ReadModelLock
{
    private const long Key = 0x476f_5265_704c_6f63; // "GoRepLoc"

    public static async Task ShareAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock_shared(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task TakeExclusiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(ct);
        }
        await EventStore.EventLog.HoldAppendsAsync(connection, transaction, ct);
    }
}
