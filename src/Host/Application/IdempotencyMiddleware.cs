using System.Security.Cryptography;
using System.Text;
using GovReport.Host.Api;
using GovReport.Host.Correlation;
using Npgsql;

namespace GovReport.Host.Application;

/// <summary>
/// Makes writes with an <c>Idempotency-Key</c> safe to repeat: the first answer is stored per
/// caller and key, and a repeat of the same request gets it back without running again. Requests
/// with one key are serialised by an advisory lock, so two racing copies cannot both append.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, NpgsqlDataSource dataSource)
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext http, RequestContext context)
    {
        var key = http.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key) || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || context.CurrentUser is null)
        {
            await next(http);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            await ProblemWriter.WriteAsync(http, Problems.Validation(HeaderName, $"An idempotency key is at most {MaxKeyLength} characters."));
            return;
        }

        http.Request.EnableBuffering();
        var fingerprint = await FingerprintAsync(http.Request);
        var subject = context.CurrentUser.Subject;
        await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtextextended(@s || chr(31) || @k, 7))", subject, key);
        try
        {
            if (await FindAsync(connection, subject, key) is { } stored)
            {
                if (stored.Fingerprint != fingerprint)
                {
                    await ProblemWriter.WriteAsync(http, Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                        "The idempotency key was already used.", "This Idempotency-Key was used for a different request; use a new key."));
                    return;
                }
                await ReplayAsync(http, stored);
                return;
            }

            var original = http.Response.Body;
            await using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try { await next(http); }
            finally { http.Response.Body = original; }

            buffer.Position = 0;
            // Server errors are not answers: the client should be able to retry them.
            if (http.Response.StatusCode < 500)
                await StoreAsync(connection, subject, key, fingerprint, http.Response, buffer.ToArray());
            await buffer.CopyToAsync(original, http.RequestAborted);
        }
        finally
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtextextended(@s || chr(31) || @k, 7))", subject, key);
        }
    }

    private sealed record Stored(string Fingerprint, int Status, string? ContentType, string? ETag, string? Location, byte[] Body);

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static async Task<Stored?> FindAsync(NpgsqlConnection connection, string subject, string key)
    {
        await using var command = new NpgsqlCommand(
            "SELECT fingerprint, status, content_type, etag, location, body FROM app.idempotency_keys WHERE subject = @s AND key = @k", connection);
        command.Parameters.AddWithValue("s", subject);
        command.Parameters.AddWithValue("k", key);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new Stored(reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetFieldValue<byte[]>(5));
    }

    private static async Task StoreAsync(NpgsqlConnection connection, string subject, string key, string fingerprint, HttpResponse response, byte[] body)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO app.idempotency_keys (subject, key, fingerprint, status, content_type, etag, location, body)
            VALUES (@s, @k, @f, @status, @type, @etag, @location, @body)
            """, connection);
        command.Parameters.AddWithValue("s", subject);
        command.Parameters.AddWithValue("k", key);
        command.Parameters.AddWithValue("f", fingerprint);
        command.Parameters.AddWithValue("status", response.StatusCode);
        command.Parameters.AddWithValue("type", (object?)response.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("etag", (object?)response.Headers.ETag.ToString().NullIfEmpty() ?? DBNull.Value);
        command.Parameters.AddWithValue("location", (object?)response.Headers.Location.ToString().NullIfEmpty() ?? DBNull.Value);
        command.Parameters.AddWithValue("body", body);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ReplayAsync(HttpContext http, Stored stored)
    {
        http.Response.StatusCode = stored.Status;
        if (stored.ContentType is not null) http.Response.ContentType = stored.ContentType;
        if (stored.ETag is not null) http.Response.Headers.ETag = stored.ETag;
        if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(stored.Body);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string subject, string key)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", subject);
        command.Parameters.AddWithValue("k", key);
        await command.ExecuteNonQueryAsync();
    }
}

internal static class StringExtensions
{
    public static string? NullIfEmpty(this string value) => value.Length == 0 ? null : value;
}
