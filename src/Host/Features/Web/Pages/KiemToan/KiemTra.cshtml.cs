using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages.KiemToan;

/// <summary>
/// Verify, for an auditor: what GET /api/audit/verify answers, from the same <see cref="VerifyJobs"/>
/// (one <see cref="AuditVerifier"/> run at a time, a recent answer from cache). Asking again is a
/// POST with its antiforgery token, since it may replay the whole log.
/// </summary>
[Authorize(Policy = Policies.Audit)]
public sealed class KiemTraModel(VerifyJobs jobs) : WebPage
{
    public VerifyReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = await jobs.GetAsync(false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostKiemTraLaiAsync(CancellationToken ct)
    {
        Report = await jobs.GetAsync(true, ct);
        return Page();
    }
}
