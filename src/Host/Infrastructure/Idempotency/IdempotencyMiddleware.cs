using System.Security.Cryptography;
using System.Text;
using GovReport.Host.Infrastructure.Http;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Correlation;

namespace GovReport.Host.Infrastructure.Idempotency;

/// <summary>
/// Makes writes with an <c>Idempotency-Key</c> safe to repeat: the first answer is stored per
/// caller, target and key (<see cref="IdempotencyScope"/>), and a repeat of the same request gets
/// it back without running again, provided the caller may still do what the first request did.
/// The key is claimed before the request runs, so a copy racing the first waits for its answer
/// instead of running too; no connection is held while the request runs.
/// </summary>
public sealed class IdempotencyMiddleware(
    RequestDelegate next, IdempotencyStore store, UnsettledClaims unsettled, TimeProvider clock, ILogger<IdempotencyMiddleware> log)
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxKeyLength = 200;
    private static readonly TimeSpan RaceWait = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext http, RequestContext context, CallerAccess access)
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
        var scope = IdempotencyScope.Of(context.CurrentUser, http.Request);
        var started = clock.GetTimestamp();
        await unsettled.SettleAsync(scope, key, http.RequestAborted);
        while (!await store.TryClaimAsync(scope, key, fingerprint, http.RequestAborted))
        {
            var stored = await store.FindAsync(scope, key, http.RequestAborted);
            if (stored is null) continue; // released between our claim and our look: claim again
            if (stored.Fingerprint != fingerprint)
            {
                await ProblemWriter.WriteAsync(http, Problems.Create(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                    "The idempotency key was already used.", "This Idempotency-Key was used for a different request; use a new key."));
                return;
            }
            if (!stored.Pending)
            {
                // Role policies ran again before this middleware; the units the answer touched are checked here.
                if (await StillAllowedAsync(access, stored, http.RequestAborted)) await ReplayAsync(http, stored);
                else
                    await ProblemWriter.WriteAsync(http, Problems.Forbidden(
                        "The first request with this Idempotency-Key was allowed, but your roles or units no longer allow it."));
                return;
            }
            if (clock.GetElapsedTime(started) > RaceWait)
            {
                http.Response.Headers.RetryAfter = "1";
                await ProblemWriter.WriteAsync(http, Problems.Conflict("idempotent-request-in-progress",
                    "The first request with this Idempotency-Key is still running; retry shortly to get its answer."));
                return;
            }
            await Task.Delay(50, http.RequestAborted);
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            await SettleAsync(scope, key, ct => store.ReleaseAsync(scope, key, ct));
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        // Server errors are not answers: release the key so the client can retry. An answer the
        // database would not take is still the client's: it goes out, and is stored later.
        if (http.Response.StatusCode < 500)
        {
            var answer = StoredAnswer.Of(fingerprint, http.Response, buffer.ToArray(), access.Granted);
            await SettleAsync(scope, key, ct => store.CompleteAsync(scope, key, answer, ct));
        }
        else await SettleAsync(scope, key, ct => store.ReleaseAsync(scope, key, ct));
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>Stores or releases the claim; if the database is away, leaves it owed to the key's next request.</summary>
    private async Task SettleAsync(IdempotencyScope scope, string key, Func<CancellationToken, Task> settle)
    {
        try
        {
            await settle(CancellationToken.None);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            log.LogWarning("Idempotency key left unsettled while the database is unavailable: {Error}", e.Message);
            unsettled.Owe(scope, key, settle);
        }
    }

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

    private static async Task<bool> StillAllowedAsync(CallerAccess access, StoredAnswer stored, CancellationToken ct)
    {
        foreach (var (action, unit) in stored.Grants)
            if (!await access.AllowsAsync(action, unit, ct)) return false;
        return true;
    }

    private static async Task ReplayAsync(HttpContext http, StoredAnswer stored)
    {
        http.Response.StatusCode = stored.Status;
        if (stored.ContentType is not null) http.Response.ContentType = stored.ContentType;
        if (stored.ETag is not null) http.Response.Headers.ETag = stored.ETag;
        if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.Body.WriteAsync(stored.Body);
    }
}
