using System.Globalization;
using GovReport.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>
/// The signed-in person's account, and a personal API token for scripts: the session's own claims
/// (so never more than the person holds), for at most <see cref="AuthOptions.MaxTokenLifetime"/>.
/// Shown once and never stored.
/// </summary>
public sealed class TaiKhoanModel(IOptions<AuthOptions> auth, TimeProvider clock) : PageModel
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");

    public CurrentUser Me { get; private set; } = null!;

    public IReadOnlyList<int> Lifetimes { get; private set; } = [];

    public string? Token { get; private set; }

    public string? ExpiresAt { get; private set; }

    [BindProperty]
    public int Hours { get; set; }

    public void OnGet() => Load();

    public IActionResult OnPost()
    {
        Load();
        if (!Lifetimes.Contains(Hours)) return BadRequest();
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromHours(Hours);
        Token = TokenIssuer.Create(auth.Value, Me.Subject, Me.Roles, Me.Units, now, lifetime);
        ExpiresAt = TimeZoneInfo.ConvertTime(now + lifetime, Vietnam).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private void Load()
    {
        Me = CurrentUser.FromPrincipal(User)!;
        var max = (int)Math.Floor(auth.Value.MaxTokenLifetime.TotalHours);
        Lifetimes = new[] { 1, 8, 24, 24 * 7, 24 * 30 }.Where(h => h < max).Append(max).Where(h => h >= 1).Distinct().ToList();
    }
}
