using Npgsql;

namespace GovReport.Testing;

/// <summary>Drops a scratch database (a test class's or a benchmark run's).</summary>
public static class DatabaseDrop
{
    public static async Task DropAsync(string adminConnectionString, string name)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        // FORCE may not end a superuser's session (an autovacuum worker on the fresh tables): wait it out.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 30)
            {
                await Task.Delay(500);
            }
        }
    }
}
