using GovReport.Host.Features.Audit;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GovReport.Host.Features.Web.Pages.KiemToan;

/// <summary>
/// The event log for an auditor: GET /api/audit/events's filter and paging
/// (<see cref="AuditEventsEndpoint.Filter"/>, <see cref="AuditEventsEndpoint.ReadPageAsync"/>),
/// under the same policy (auditors and admins), fifty events a page unless <c>limit</c> says otherwise.
/// </summary>
[Authorize(Policy = Policies.Audit)]
public sealed class NhatKyModel(NpgsqlDataSource dataSource) : WebPage
{
    public const int DefaultPageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Limit { get; set; }

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public string? Next { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Unit, Indicator, Type, From, To, After) = (Blank(Unit), Blank(Indicator), Blank(Type), Blank(From), Blank(To), Blank(After));
        var errors = new InputErrors();
        var filter = AuditEventsEndpoint.Filter(null, Unit, Indicator, Type, From, To, errors);
        var after = AuditEventsEndpoint.Cursor(After, errors);
        var pageSize = (int)AuditParameters.Number(Limit, "limit", DefaultPageSize, 1, 500, errors);
        if (errors.Any)
        {
            Errors = errors.All.Select(e => e.Field switch
            {
                "unit" => "Mã đơn vị không hợp lệ (chữ thường, số và gạch nối, ví dụ xa-nong-thuong).",
                "indicator" => "Mã chỉ tiêu không hợp lệ (ví dụ forest-planted).",
                "type" => "Loại sự kiện không có trong danh sách.",
                "from" => "Thời điểm \"Từ\" không hợp lệ: viết như 2022-09-10T00:00:00Z.",
                "to" => "Thời điểm \"Đến\" không hợp lệ hoặc trước thời điểm \"Từ\".",
                "after" => "Trang không hợp lệ; hãy bắt đầu lại từ trang đầu.",
                "limit" => "Số sự kiện mỗi trang là một số từ 1 đến 500.",
                _ => "Yêu cầu không hợp lệ.",
            }).Distinct().ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var page = await AuditEventsEndpoint.ReadPageAsync(dataSource, filter, after, pageSize, ct);
        (Events, Next) = (page.Events, page.Next);
        return Page();
    }

    /// <summary>This page's filters with another cursor: the link to the next page (or, without one, the first).</summary>
    public string Link(string? after)
    {
        var query = new Dictionary<string, string?> { ["unit"] = Unit, ["indicator"] = Indicator, ["type"] = Type, ["from"] = From, ["to"] = To, ["limit"] = Limit, ["after"] = after };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/kiem-toan/nhat-ky", query.Where(q => q.Value is not null));
    }

    /// <summary>An event's data, short enough for a table cell; the API and CSV export carry it whole.</summary>
    public static string Brief(System.Text.Json.JsonElement data)
    {
        var text = data.GetRawText();
        return text.Length <= 240 ? text : text[..240] + "…";
    }

    /// <summary>The stored event names an auditor filters by, in Vietnamese.</summary>
    public static readonly (string Type, string Words)[] Types =
    [
        ("draft_saved", "Lưu nháp"), ("report_submitted", "Gửi báo cáo"), ("report_returned", "Trả lại báo cáo"),
        ("report_approved", "Duyệt báo cáo"), ("figures_corrected", "Điều chỉnh số liệu"),
        ("annual_targets_set", "Giao kế hoạch năm"), ("annual_targets_revised", "Điều chỉnh kế hoạch"),
        ("summary_published", "Công bố bản tổng hợp"),
        ("unit_registered", "Đăng ký đơn vị"), ("unit_renamed", "Đổi tên đơn vị"), ("unit_moved", "Chuyển đơn vị"),
        ("unit_reclassified", "Đổi loại đơn vị"),
        ("indicator_defined", "Định nghĩa chỉ tiêu"), ("indicator_revised", "Sửa chỉ tiêu"),
        ("units_merged", "Sáp nhập"), ("unit_split", "Chia tách"), ("unit_transferred", "Điều chuyển"),
        ("unit_renamed_by_decision", "Đổi tên theo quyết định"), ("unit_dissolved", "Giải thể"), ("restructuring_reverted", "Hủy sắp xếp"),
        ("account_registered", "Tạo tài khoản"), ("account_renamed", "Đổi tên tài khoản"), ("password_set", "Đặt mật khẩu"),
        ("role_granted", "Cấp vai trò"), ("role_revoked", "Thu hồi vai trò"), ("unit_granted", "Cấp quyền đơn vị"),
        ("unit_revoked", "Thu hồi quyền đơn vị"), ("account_disabled", "Khóa tài khoản"), ("account_enabled", "Mở khóa tài khoản"),
    ];

    public static string TypeWords(string type) => Types.FirstOrDefault(t => t.Type == type).Words ?? type;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
