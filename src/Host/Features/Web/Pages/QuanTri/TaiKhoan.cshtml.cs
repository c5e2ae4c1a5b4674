using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web.Pages.QuanTri;

/// <summary>Admins see every account with its roles and units (read-only: changes go through <c>user add</c>).</summary>
public sealed class TaiKhoanModel(AccountDirectory directory) : PageModel
{
    public const int Limit = 1000;

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CurrentUser.FromPrincipal(User) is not { IsAdmin: true }) return StatusCode(StatusCodes.Status403Forbidden);
        Accounts = await directory.ListAsync(Limit, ct);
        return Page();
    }
}
