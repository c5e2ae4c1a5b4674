using GovReport.Host.Features.Accounts;
using GovReport.Host.Infrastructure.Auth;

namespace GovReport.Host.Features.Seed;

/// <summary>
/// One demo account per kind of user, all with <see cref="Password"/> (README lists them). For a
/// demonstration only: a real deployment creates its accounts with <c>user add</c>.
/// </summary>
internal static class DemoAccounts
{
    public const string Password = "bac-kan-2022";

    public const string Clerk = "vanthu.nongthuong";
    /// <summary>Files for Phường Bắc Kạn, one of the wards the 2025 reform made (DemoReform).</summary>
    public const string WardClerk = "vanthu.phuongbackan";
    public const string Approver = "duyet.bac-kan";
    /// <summary>
    /// Approves for Thái Nguyên province and so the wards and commune the 2025 reform placed under it
    /// (DemoReform): the city's approver holds the dissolved city, which no longer covers them.
    /// </summary>
    public const string ProvinceApprover = "duyet.thai-nguyen";
    public const string Leader = "lanhdao.bac-kan";
    public const string Auditor = "kiemtoan";
    public const string Admin = "quantri";

    public static IReadOnlyList<AccountRequest> All { get; } =
    [
        new(Clerk, Password, [Roles.Reporter], [DemoUnits.NongThuong], "Nguyễn Thị Hoa"),
        new(WardClerk, Password, [Roles.Reporter], [DemoUnits.PhuongBacKan], "Lý Thị Thu"),
        new(Approver, Password, [Roles.Approver], [DemoUnits.City], "Trần Văn Minh"),
        new(ProvinceApprover, Password, [Roles.Approver], [DemoUnits.ThaiNguyen], "Đặng Thị Ngọc"),
        new(Leader, Password, [Roles.Planner], [DemoUnits.City], "Hoàng Thị Lan"),
        new(Auditor, Password, [Roles.Auditor], [], "Lê Văn Kiên"),
        new(Admin, Password, [Roles.Admin], [], "Quản trị hệ thống"),
    ];
}
