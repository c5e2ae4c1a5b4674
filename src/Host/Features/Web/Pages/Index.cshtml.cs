using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Projections.Queries;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web.Pages;

public sealed record StartLink(string Text, string Href);

/// <summary>The start page: what this person's roles and units let them do, one link each.</summary>
public sealed class IndexModel(CatalogueReader catalogue, RestructuringQueries restructurings, TimeProvider clock) : PageModel
{
    // The reporting calendar's months are Vietnamese months (UTC+7, no daylight saving).
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public string DisplayName { get; private set; } = "";

    public List<StartLink> Links { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = CurrentUser.FromPrincipal(User)!;
        DisplayName = User.FindFirst("name")?.Value ?? user.Subject;
        var now = clock.GetUtcNow().ToOffset(VietnamOffset);
        var month = new Month(now.Year, now.Month);
        var names = new Dictionary<string, string>();
        async Task<string> NameOf(string unit) =>
            names.TryGetValue(unit, out var name) ? name
            : names[unit] = (await catalogue.UnitAsync(unit, ct))?.Name ?? unit;

        if (user.IsInRole(Roles.Reporter))
            foreach (var unit in user.Units.Order(StringComparer.Ordinal))
            {
                var name = await NameOf(unit);
                // A unit merged, split or dissolved files nothing from its effective month: offer
                // its months (its history) and name who reports now, not a form it cannot send.
                if (await restructurings.RetirementAsync(unit, ct) is { } retired && retired.EffectiveMonth <= month)
                {
                    var successors = new List<string>();
                    foreach (var successor in retired.Successors) successors.Add(await NameOf(successor.Unit.Value));
                    var since = retired.EffectiveMonth.Label.ToLowerInvariant();
                    Links.Add(new(successors.Count == 0
                        ? $"Các tháng báo cáo — {name} (đã giải thể từ {since})"
                        : $"Các tháng báo cáo — {name} (đã sắp xếp lại từ {since}; đơn vị kế thừa: {string.Join(", ", successors)})",
                        $"/bao-cao/{unit}"));
                    continue;
                }
                Links.Add(new($"Báo cáo {month.Label.ToLowerInvariant()} — {name}", $"/bao-cao/{unit}/{month}"));
                Links.Add(new($"Các tháng báo cáo — {name}", $"/bao-cao/{unit}"));
            }
        if (user.IsInRole(Roles.Approver) || user.IsAdmin)
            Links.Add(new("Báo cáo chờ duyệt", "/duyet"));
        if (user.IsInRole(Roles.Planner) || user.IsAdmin)
        {
            var scopes = user.Units.Count > 0 && !user.IsAdmin
                ? user.Units.Order(StringComparer.Ordinal).ToList()
                : (await catalogue.UnitsAsync(ct)).Where(u => u.ParentId is null).Select(u => u.Id).ToList();
            foreach (var unit in scopes)
                Links.Add(new($"Tổng hợp kết quả — {await NameOf(unit)}", $"/tong-hop/{unit}"));
        }
        if (user.CanManageCatalogue)
        {
            Links.Add(new("Cây đơn vị và chỉ tiêu kế hoạch", "/don-vi"));
            Links.Add(new("Danh mục chỉ tiêu", "/chi-tieu"));
        }
        if (user.CanAudit)
        {
            Links.Add(new("Lịch sử số liệu (kiểm toán)", "/kiem-toan/lich-su"));
            Links.Add(new("Nhật ký sự kiện", "/kiem-toan/nhat-ky"));
            Links.Add(new("Kiểm tra tính toàn vẹn", "/kiem-toan/kiem-tra"));
        }
        if (user.IsAdmin)
            Links.Add(new("Tài khoản và quyền", "/quan-tri/tai-khoan"));
    }
}
