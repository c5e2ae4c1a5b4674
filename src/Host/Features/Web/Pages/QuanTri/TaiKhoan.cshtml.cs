using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web.Pages.QuanTri;

/// <summary>Admins see every account with its roles and units; each links to its edit page. Anyone else gets the access-denied page (403).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class TaiKhoanModel(AccountDirectory directory) : PageModel
{
    public const int Limit = 1000;

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Accounts = await directory.ListAsync(Limit, ct);
        return Page();
    }
}
