using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GovReport.Host.Tests.Web.Oidc;

/// <summary>
/// The smallest OpenID provider the real handler accepts, on a loopback port: a discovery
/// document, a JWKS with one RSA key, an authorize endpoint that signs <see cref="NextUser"/> in
/// at once and redirects back with a code, and a token endpoint that checks the client secret
/// and the PKCE verifier before returning an RS256 id_token carrying the authorize request's nonce.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "govreport-web";
    public const string ClientSecret = "test-client-secret-0001";
    private const string KeyId = "test-key-1";

    public sealed record User(string Subject, string Name, string[] Groups, string[] Departments);

    private sealed record Grant(User User, string ClientId, string RedirectUri, string Nonce, string Challenge);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private WebApplication? _app;

    public string Authority { get; private set; } = "";

    /// <summary>Who the next authorize request signs in (the test's choice, as a person at the provider's login page).</summary>
    public User? NextUser { get; set; }

    /// <summary>Token requests whose PKCE verifier matched the authorize request's challenge.</summary>
    public int VerifiedExchanges;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", Discovery);
        _app.MapGet("/jwks", Jwks);
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = address.TrimEnd('/');
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = Authority + "/authorize",
        ["token_endpoint"] = Authority + "/token",
        ["jwks_uri"] = Authority + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Jwks()
    {
        var key = _rsa.ExportParameters(false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["response_type"] != "code" || q["client_id"] != ClientId || q["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["nonce"]) || string.IsNullOrEmpty(q["redirect_uri"]))
            return Results.BadRequest("authorization code with PKCE (S256), a nonce and a redirect_uri are required");
        var user = NextUser ?? throw new InvalidOperationException("The test named no user to sign in.");
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(user, q["client_id"]!, q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!);
        var back = $"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}";
        return Results.Redirect(back);
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (id, secret) = ClientOf(request, form);
        if (id != ClientId || secret != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || grant.RedirectUri != form["redirect_uri"])
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var verifier = form["code_verifier"].ToString();
        if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE verifier does not match" }, statusCode: 400);
        Interlocked.Increment(ref VerifiedExchanges);

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = grant.User.Subject,
                ["name"] = grant.User.Name,
                ["nonce"] = grant.Nonce,
                ["groups"] = grant.User.Groups,
                ["department"] = grant.User.Departments,
                ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
            },
        });
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private static (string? Id, string? Secret) ClientOf(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return (form["client_id"], form["client_secret"]);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
        return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
