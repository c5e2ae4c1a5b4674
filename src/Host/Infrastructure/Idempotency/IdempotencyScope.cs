using System.Security.Cryptography;
using System.Text;
using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Infrastructure.Idempotency;

/// <summary>
/// Whose key it is and what it addresses. A key belongs to the caller as the token describes it
/// (subject, roles and units) and to one method and path: the same subject with other units, or
/// the same key sent to another report, is another request, never a replay of this one.
/// </summary>
public sealed record IdempotencyScope(string Subject, string Scope)
{
    public static IdempotencyScope Of(CurrentUser user, HttpRequest request)
    {
        var caller = new StringBuilder()
            .AppendJoin(',', user.Roles.Order(StringComparer.Ordinal)).Append('\n')
            .AppendJoin(',', user.Units.Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caller.ToString())));
        return new IdempotencyScope(user.Subject, $"{hash} {request.Method} {request.Path}");
    }
}
