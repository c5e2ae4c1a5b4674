using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GovReport.Host.Features.Web;

/// <summary>What every page shares: refusing in Vietnamese with the status the API would answer.</summary>
public abstract class WebPage : PageModel
{
    /// <summary>Where every write a page makes is recorded as coming from.</summary>
    public const string Source = "web";

    /// <summary>A unit outside the caller's reach: 403, with a page that says so (never the figures).</summary>
    protected IActionResult Refuse(string? message = null) => Message(StatusCodes.Status403Forbidden, "Không có quyền", message ?? WebText.Forbidden);

    protected IActionResult Missing(string message) => Message(StatusCodes.Status404NotFound, "Không tìm thấy", message);

    protected IActionResult Invalid(string message) => Message(StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", message);

    /// <summary>For a handler shared between pages: the same refusals, from outside.</summary>
    internal IActionResult Refused() => Refuse();

    internal IActionResult NotPublished() => Missing("Không có bản tổng hợp này.");

    private PartialViewResult Message(int status, string title, string message)
    {
        var result = Partial("_Message", new PageMessage(title, message));
        result.StatusCode = status;
        return result;
    }
}

public sealed record PageMessage(string Title, string Text);
