using System.Globalization;
using GovReport.Domain.Errors;
using GovReport.Domain.Numbers;
using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;

namespace GovReport.Host.Features.Web;

/// <summary>
/// Every word the pages say about the domain, in one place: statuses, views, and the Vietnamese
/// message for each refusal the write path answers (by its stable code, so the API keeps its own).
/// </summary>
internal static class WebText
{
    public const string NotANumber = "Không phải là số hợp lệ. Viết theo kiểu Việt Nam, ví dụ 1.234,5 hoặc 175,158.";

    /// <summary>A report's status in words; <c>none</c> is a month nobody has started.</summary>
    public static string ReportStatus(string apiStatus) => apiStatus switch
    {
        "draft" => "Nháp",
        "submitted" => "Đã gửi",
        "returned" => "Bị trả lại",
        "approved" => "Đã duyệt",
        _ => "Chưa lập",
    };

    public static string PerformanceStatus(string status) => status switch
    {
        "achieved" => "Đạt kế hoạch",
        "on-track" => "Đúng tiến độ",
        "behind" => "Chậm tiến độ",
        _ => "Chưa có kế hoạch",
    };

    public static string ReportingState(string state) => state switch
    {
        "on-time" => "Đúng hạn",
        "late" => "Muộn",
        _ => "Chưa gửi",
    };

    /// <summary>The views a leader picks from, in the order the briefing uses them.</summary>
    public static readonly (string View, string Words)[] Views =
    [
        ("month", "Tháng"), ("quarter", "Quý"), ("half", "6 tháng"), ("nine-months", "9 tháng"),
        ("ytd", "Lũy kế từ đầu năm"), ("year", "Năm"),
    ];

    /// <summary>A plan baseline as the briefing names it: "đạt 60% kế hoạch tỉnh giao, đạt 58% kế hoạch HĐND huyện giao".</summary>
    public static string Baseline(string baseline) => baseline switch
    {
        "assigned" => "Kế hoạch giao",
        "council" => "Kế hoạch HĐND",
        "stretch" => "Kế hoạch phấn đấu",
        _ => baseline,
    };

    public static string HistoryChange(string change) => change switch
    {
        "drafted" => "Lập nháp",
        "submitted" => "Gửi báo cáo",
        "corrected" => "Điều chỉnh",
        "withdrawn" => "Bị trả lại",
        "approved" => "Duyệt",
        _ => change,
    };

    /// <summary>The message shown beside a field the write path refused, by the refusal's code or, for a shape error, the field.</summary>
    public static string FieldError(string field, string? code, string? indicatorName) => code switch
    {
        ErrorCodes.NegativeValue => $"{indicatorName ?? "Chỉ tiêu này"} không được âm.",
        ErrorCodes.ValueOutOfRange => $"Giá trị nằm ngoài khoảng hợp lý của {indicatorName ?? "chỉ tiêu"} (tỷ lệ phần trăm từ 0 đến 100, số liệu tối đa 10^15).",
        ErrorCodes.UnknownIndicator => "Chỉ tiêu này không có trong danh mục.",
        ErrorCodes.DuplicateIndicator => "Chỉ tiêu được nhập hai lần.",
        ErrorCodes.FutureMonth => "Tháng này chưa bắt đầu, chưa thể báo cáo.",
        ErrorCodes.ReasonRequired => "Cần nhập lý do.",
        _ when field == "reason" => "Cần nhập lý do (tối đa 2.000 ký tự).",
        _ when field.StartsWith("narrative", StringComparison.Ordinal) => "Nội dung quá dài (tối đa 20.000 ký tự).",
        _ when field == "values" => "Cần nhập ít nhất một số liệu.",
        _ => "Giá trị không hợp lệ.",
    };

    /// <summary>A data-quality warning recorded with a submission (FigureWarnings), as the page says it.</summary>
    public static string Warning(string code) => code switch
    {
        "outlier" => "số liệu khác xa các tháng trước của đơn vị.",
        "missing-month" => "thiếu số liệu của tháng trước trong năm, lũy kế sẽ bỏ sót.",
        "numerator-above-denominator" => "tử số lớn hơn mẫu số của chỉ tiêu tỷ lệ.",
        "above-related-indicator" => "lớn hơn chỉ tiêu liên quan mà danh mục quy định không được vượt.",
        _ => "cần kiểm tra lại.",
    };

    /// <summary>A refusal for the report's state (not for a field), as the page says it.</summary>
    public static string Refusal(DomainError error) => error.Code switch
    {
        ErrorCodes.ApproverIsSubmitter => "Bạn không thể duyệt báo cáo do chính mình gửi: người duyệt phải là người khác (nguyên tắc bốn mắt).",
        ErrorCodes.InvalidTransition => "Báo cáo đang ở trạng thái không cho phép thao tác này.",
        ErrorCodes.NoChange => "Số liệu điều chỉnh giống hệt số liệu hiện có; không có gì thay đổi.",
        ErrorCodes.NoValues => "Báo cáo chưa có số liệu nào.",
        _ => FieldError(error.Field ?? "body", error.Code, null),
    };

    public const string Stale = "Báo cáo vừa được người khác thay đổi. Hãy xem lại số liệu hiện tại rồi thực hiện lại.";
    public const string Retired = "Đơn vị đã được sắp xếp lại (sáp nhập, chia tách hoặc giải thể) từ tháng này; báo cáo do đơn vị kế thừa lập.";

    public const string Forbidden = "Bạn không có quyền với đơn vị này.";

    /// <summary>A figure as Vietnamese documents write it: "2.312", "175,158".</summary>
    public static string Number(decimal? value) => value is { } v ? VietnameseNumbers.Format(v) : "—";

    /// <summary>Percent of plan as the briefing states it: a whole number ("113%"), the exact figure alongside ("113,01%").</summary>
    public static string WholePercent(decimal? percent) => percent is { } p ? SummaryLines.WholePercent(p) + "%" : "—";

    public static string Percent(decimal? percent) => percent is { } p ? VietnameseNumbers.Format(p, 2) + "%" : "—";

    public static string Change(decimal? percent) => percent switch
    {
        null => "—",
        > 0 => $"tăng {VietnameseNumbers.Format(percent.Value, 2)}%",
        < 0 => $"giảm {VietnameseNumbers.Format(-percent.Value, 2)}%",
        _ => "bằng cùng kỳ",
    };

    /// <summary>An instant as a Vietnamese reader expects it: Vietnam time, dd/MM/yyyy HH:mm:ss.</summary>
    public static string Instant(DateTimeOffset? instant) => instant is { } i
        ? i.ToOffset(ReportingCalendar.VietnamOffset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)
        : "—";

    public static string Date(DateOnly? date) => date is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>A sector's name; the catalogue keeps sectors as slugs.</summary>
    public static string Sector(string? sector) => sector switch
    {
        null or "" => "Chỉ tiêu khác",
        "kinh-te" => "Kinh tế",
        "ngan-sach" => "Ngân sách",
        "nong-nghiep" => "Nông nghiệp",
        "lam-nghiep" => "Lâm nghiệp",
        "van-hoa" => "Văn hóa – Thể thao – Du lịch",
        "y-te" => "Y tế",
        "giao-duc" => "Giáo dục",
        "xa-hoi" => "Lao động – Xã hội",
        "hanh-chinh" => "Cải cách hành chính",
        _ => sector,
    };
}
