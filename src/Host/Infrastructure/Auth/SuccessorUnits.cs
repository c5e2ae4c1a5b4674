using System.Security.Claims;
using GovReport.Host.Infrastructure.Auth.Accounts;

namespace GovReport.Host.Infrastructure.Auth;

/// <summary>
/// A bearer token names the units its account held when it was issued. When an admin has since
/// moved the account from a merged or split unit to its successor (POST
/// /api/restructurings/{id}/accounts), the token's claim for the old unit is read as the new
/// one: the holder acts for the successor, as a signed-in session does from its next request.
/// </summary>
internal static class SuccessorUnits
{
    public static async Task ApplyAsync(ClaimsPrincipal principal, string subject, HttpContext http)
    {
        var claims = principal.FindAll(CurrentUser.UnitClaim).ToList();
        // Tokens without units (admins, planners, auditors) have nothing to move: no look-up.
        if (claims.Count == 0) return;
        var directory = http.RequestServices.GetRequiredService<AccountDirectory>();
        IReadOnlyDictionary<string, string> moves;
        try
        {
            moves = await directory.MovesAsync(subject, claims.Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList(), http.RequestAborted);
        }
        catch (Npgsql.NpgsqlException)
        {
            // With the database unreachable the token keeps the units it names (which it was
            // issued for): the health endpoints must still answer 503, and nothing else can
            // proceed without the database anyway.
            return;
        }
        if (moves.Count == 0) return;
        foreach (var claim in claims.Where(c => moves.ContainsKey(c.Value)))
        {
            var identity = (ClaimsIdentity)claim.Subject!;
            identity.RemoveClaim(claim);
            if (!identity.HasClaim(CurrentUser.UnitClaim, moves[claim.Value]))
                identity.AddClaim(new Claim(CurrentUser.UnitClaim, moves[claim.Value]));
        }
    }
}
