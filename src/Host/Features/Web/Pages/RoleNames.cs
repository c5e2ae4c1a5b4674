using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Features.Web.Pages;

/// <summary>The roles as the pages name them.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.Reporter => "Cán bộ báo cáo",
        Roles.Approver => "Người duyệt",
        Roles.Planner => "Kế hoạch",
        Roles.Auditor => "Kiểm toán",
        Roles.Admin => "Quản trị",
        _ => role,
    };
}
