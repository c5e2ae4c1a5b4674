using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>What a signed-in person refused by a policy sees (the cookie scheme's AccessDeniedPath), always with 403.</summary>
public sealed class KhongCoQuyenModel : PageModel
{
    public IActionResult OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
