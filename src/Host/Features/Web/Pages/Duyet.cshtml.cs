using GovReport.Domain.Periods;
using GovReport.Host.Features.Reports;
using GovReport.Host.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>
/// The approver's queue: submitted reports in the caller's subtree. Approve and return go through
/// <see cref="ReportWrites"/>, so four-eyes and the unit checks are the API's.
/// </summary>
public sealed class DuyetModel(ReviewQueue queue, ReportWrites writes, CallerAccess access) : WebPage
{
    public IReadOnlyList<QueuedReport> Reports { get; private set; } = [];
    public IReadOnlySet<string> Reviewable { get; private set; } = new HashSet<string>();
    public string? Done { get; private set; }
    public string? PageError { get; private set; }
    /// <summary>The row whose return lacked a reason: its message shows beside its input.</summary>
    public (string Unit, string Month)? ReasonMissing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? da, CancellationToken ct)
    {
        Done = da switch { "duyet" => "Đã duyệt báo cáo.", "tra-lai" => "Đã trả lại báo cáo.", _ => null };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDuyetAsync(string unit, string month, long? version, CancellationToken ct) =>
        await AfterAsync(await writes.ApproveAsync(unit, month, version, Source, ct), "duyet", unit, month, ct);

    public async Task<IActionResult> OnPostTraLaiAsync(string unit, string month, long? version, string? reason, CancellationToken ct) =>
        await AfterAsync(await writes.ReturnAsync(unit, month, new ReturnBody(reason), version, Source, ct), "tra-lai", unit, month, ct);

    private async Task<IActionResult> AfterAsync(ReportWriteOutcome outcome, string done, string unit, string month, CancellationToken ct)
    {
        if (outcome.Forbidden is not null) return Refuse();
        if (outcome.Succeeded) return Redirect($"/duyet?da={done}");
        if (outcome.Errors.Has("reason")) ReasonMissing = (unit, month);
        PageError = outcome.Command switch
        {
            { StaleVersion: true } => WebText.Stale,
            { Error: { } error } => WebText.Refusal(error),
            _ when outcome.Errors.Has("reason") => "Cần nhập lý do trả lại.",
            _ => "Không thực hiện được: báo cáo hoặc tháng không hợp lệ.",
        };
        await LoadAsync(ct);
        Response.StatusCode = outcome.Command?.Error?.Code == Domain.Errors.ErrorCodes.ApproverIsSubmitter
            ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var caller = access.Caller;
        Reports = await queue.SubmittedAsync(caller.ReadsEverything ? null : caller.User.Units, ct);
        Reviewable = await access.AllowedAsync(UnitAction.Review, Reports.Select(r => r.Unit).ToList(), ct);
    }

    public static string Label(string month) => Month.TryParse(month, out var m, out _) ? m.Label : month;
}
