using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace GovReport.Host.Infrastructure.Auth.Accounts;

/// <summary>
/// Password hashes, made and checked by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2 with a per-password salt, in a versioned format it can upgrade). The password itself is
/// never stored or logged.
/// </summary>
public sealed class Credentials(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly PasswordHasher<string> Hasher = new();

    // Checked when there is no hash to check against, so an unknown name costs as long as a known one.
    private static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword("", Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public static string Hash(string username, string password) => Hasher.HashPassword(username, password);

    public async Task SaveAsync(string username, string passwordHash, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO app.credentials (username, password_hash, set_at) VALUES (@user, @hash, @at)
            ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, set_at = excluded.set_at
            """);
        command.Parameters.AddWithValue("user", username);
        command.Parameters.AddWithValue("hash", passwordHash);
        command.Parameters.AddWithValue("at", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> VerifyAsync(string username, string password, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("SELECT password_hash FROM app.credentials WHERE username = @user");
        command.Parameters.AddWithValue("user", username);
        var stored = await command.ExecuteScalarAsync(ct) as string;
        var result = Hasher.VerifyHashedPassword(username, stored ?? Decoy.Value, password);
        if (stored is null || result == PasswordVerificationResult.Failed) return false;
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
            await SaveAsync(username, Hash(username, password), ct);
        return true;
    }
}
