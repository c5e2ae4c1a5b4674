using GovReport.Domain.Accounts;
using GovReport.Domain.Errors;
using GovReport.Host.Features.Accounts;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GovReport.Host.Features.Web.Pages.QuanTri;

/// <summary>
/// One account for an admin: its roles and units, disable or enable, a new password. Every change
/// goes through <see cref="AccountWriter"/>, the path of <c>user add|disable|enable</c>, so each is
/// an account event (role or unit granted or revoked, password set, disabled) recorded with the admin as its actor.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed class SuaTaiKhoanModel(AccountDirectory directory, AccountWriter writer) : WebPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public string? UnitList { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public AccountRow Account { get; private set; } = null!;
    public bool IsSelf { get; private set; }
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string username, string? da, CancellationToken ct)
    {
        if (await LoadAsync(username, ct) is { } missing) return missing;
        (Name, SelectedRoles, UnitList) = (Account.Name, Account.Roles.ToList(), string.Join(", ", Account.Units));
        Done = da switch
        {
            "quyen" => "Đã lưu vai trò và đơn vị.",
            "khoa" => "Đã khóa tài khoản.",
            "mo-khoa" => "Đã mở khóa tài khoản.",
            "mat-khau" => "Đã đặt lại mật khẩu. Các phiên đăng nhập cũ của tài khoản đã kết thúc.",
            _ => null,
        };
        return Page();
    }

    /// <summary>Roles and units replace what the account holds: the difference is recorded as grants and revocations.</summary>
    public async Task<IActionResult> OnPostQuyenAsync(string username, CancellationToken ct)
    {
        if (await LoadAsync(username, ct) is { } missing) return missing;
        var units = (UnitList ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var refused = await writer.SetUpAsync(new AccountRequest(Account.Username, null, SelectedRoles, units, Name), Actor, ct);
        return refused is null ? Redirect($"/quan-tri/tai-khoan/{Account.Username}?da=quyen") : Again(refused);
    }

    public async Task<IActionResult> OnPostKhoaAsync(string username, bool disable, CancellationToken ct)
    {
        if (await LoadAsync(username, ct) is { } missing) return missing;
        var refused = await writer.SetDisabledAsync(Account.Username, disable, Actor, ct);
        return refused is null ? Redirect($"/quan-tri/tai-khoan/{Account.Username}?da={(disable ? "khoa" : "mo-khoa")}") : Again(refused);
    }

    /// <summary>The account keeps its name, roles and units; only the password changes (and its sessions end).</summary>
    public async Task<IActionResult> OnPostMatKhauAsync(string username, CancellationToken ct)
    {
        if (await LoadAsync(username, ct) is { } missing) return missing;
        var request = new AccountRequest(Account.Username, NewPassword ?? "", Account.Roles, Account.Units, Account.Name);
        var refused = await writer.SetUpAsync(request, Actor, ct);
        NewPassword = null;
        return refused is null ? Redirect($"/quan-tri/tai-khoan/{Account.Username}?da=mat-khau") : Again(refused);
    }

    private string Actor => CurrentUser.FromPrincipal(User)!.Subject;

    private IActionResult Again(DomainError refused)
    {
        var field = refused.Field ?? "";
        FieldErrors[field] = field switch
        {
            "password" => $"Mật khẩu cần từ {PasswordRule.MinLength} đến {PasswordRule.MaxLength} ký tự.",
            "role" when refused.Code == ErrorCodes.RoleRequired => "Tài khoản cần ít nhất một vai trò.",
            "role" => "Vai trò không hợp lệ.",
            "unit" => $"Đơn vị không có trong cây đơn vị hoặc mã không hợp lệ, hoặc quá {AccountDecider.MaxUnits} đơn vị.",
            "name" => $"Họ tên tối đa {AccountDecider.MaxNameLength} ký tự.",
            _ => "Không thực hiện được thay đổi này.",
        };
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string username, CancellationToken ct)
    {
        var found = Username.IsValid(username) ? await directory.FindAsync(username, ct) : null;
        if (found is null) return Missing($"Không có tài khoản '{username}'.");
        Account = found;
        IsSelf = found.Username == CurrentUser.FromPrincipal(User)?.Subject;
        return null;
    }
}
