using GovReport.Domain.Reports;

namespace GovReport.Host.Features.Web;

/// <summary>How the approver's pages say a change and a data-quality warning.</summary>
internal static class ReviewText
{
    /// <summary>The warning in Vietnamese by its code; the recorded (English) message stays in the API and the log.</summary>
    public static string Warning(FigureWarning warning) => warning.Code switch
    {
        FigureWarnings.Outlier => "Giá trị khác thường so với số liệu các tháng trước của đơn vị (hoặc thay đổi hơn 100% so với cùng kỳ). Hãy kiểm tra lại.",
        FigureWarnings.MissingMonth => "Thiếu số liệu của một tháng trước trong năm: lũy kế từ đầu năm sẽ thiếu tháng đó.",
        FigureWarnings.NumeratorAboveDenominator => "Tử số lớn hơn mẫu số của chỉ tiêu tỷ lệ.",
        _ => warning.Message,
    };

    public static string Change(decimal? value, decimal? before, decimal? percent) => (value, before) switch
    {
        (null, null) => "—",
        (not null, null) => "mới",
        (null, not null) => "không báo cáo",
        _ when value == before => "không đổi",
        _ => percent is null ? (value > before ? "tăng" : "giảm") : WebText.Change(percent),
    };
}
