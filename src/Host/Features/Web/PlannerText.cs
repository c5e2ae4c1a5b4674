namespace GovReport.Host.Features.Web;

/// <summary>The words of the planner and admin pages: unit kinds, aggregations, directions, plan baselines, and refusals by field.</summary>
internal static class PlannerText
{
    public static string UnitKind(string kind) => kind switch
    {
        "province" => "Tỉnh",
        "city" => "Thành phố",
        "district" => "Huyện",
        "department" => "Phòng, ban",
        "commune" => "Xã",
        "ward" => "Phường",
        "centre" => "Trung tâm",
        _ => kind,
    };

    public static readonly (string Value, string Words)[] Aggregations =
    [
        ("sum", "Cộng dồn các tháng"), ("average", "Trung bình các tháng"), ("per-day", "Bình quân ngày (theo số ngày)"),
        ("last", "Số liệu tháng cuối"), ("ratio", "Tỷ lệ (tử số / mẫu số)"),
    ];

    public static readonly (string Value, string Words)[] Directions =
    [
        ("higher-is-better", "Càng cao càng tốt"), ("lower-is-better", "Càng thấp càng tốt"),
    ];

    public static readonly (string Value, string Words)[] Baselines =
    [
        ("assigned", "Kế hoạch được giao"), ("council", "Kế hoạch HĐND giao"), ("stretch", "Kế hoạch phấn đấu"),
    ];

    /// <summary>The sectors the pages name (<see cref="WebText.Sector"/>), by slug.</summary>
    public static readonly string[] Sectors =
        ["kinh-te", "ngan-sach", "nong-nghiep", "lam-nghiep", "van-hoa", "y-te", "giao-duc", "xa-hoi", "hanh-chinh"];

    public static string Words((string Value, string Words)[] set, string value) =>
        set.FirstOrDefault(s => s.Value == value).Words ?? value;

    /// <summary>The Vietnamese message beside a field the catalogue or plan write path refused.</summary>
    public static string FieldError(string field) => field switch
    {
        "code" => "Mã chỉ tiêu gồm 2–64 ký tự a-z, 0-9 hoặc dấu gạch ngang, ví dụ forest-planted.",
        "name" => "Cần nhập tên chỉ tiêu (tối đa 200 ký tự).",
        "measure" => "Cần nhập đơn vị tính (tối đa 50 ký tự), ví dụ ha, tỷ đồng, %.",
        "aggregation" => "Chọn cách tổng hợp.",
        "direction" => "Chọn chiều đánh giá.",
        "sector" => "Lĩnh vực tối đa 100 ký tự.",
        "numerator" => "Tử số phải là mã một chỉ tiêu các đơn vị báo cáo (chỉ dùng cho chỉ tiêu tỷ lệ).",
        "denominator" => "Mẫu số phải là mã một chỉ tiêu các đơn vị báo cáo (chỉ dùng cho chỉ tiêu tỷ lệ).",
        "scale" => "Hệ số phải dương, ví dụ 100 cho phần trăm.",
        "atMost" => "Kiểm tra chéo: tối đa 10 mã chỉ tiêu các đơn vị báo cáo, khác chỉ tiêu này, không trùng nhau.",
        "minValue" or "maxValue" => "Khoảng hợp lý không hợp lệ (trong ±10^15, giá trị nhỏ nhất không lớn hơn giá trị lớn nhất).",
        "decision" => "Số quyết định tối đa 200 ký tự.",
        "reason" => "Điều chỉnh kế hoạch cần ghi lý do (tối đa 1.000 ký tự).",
        "targets" => "Cần nhập chỉ tiêu kế hoạch cho ít nhất một chỉ tiêu.",
        "plan" => "Loại kế hoạch không hợp lệ.",
        "year" => "Năm kế hoạch không hợp lệ.",
        _ when field.EndsWith(".monthly", StringComparison.Ordinal) || field.Contains(".monthly[", StringComparison.Ordinal)
            => "Phân bổ theo tháng cần đúng 12 số không âm, cách nhau bởi dấu chấm phẩy.",
        _ when field.EndsWith(".value", StringComparison.Ordinal) => "Giá trị kế hoạch không hợp lệ (âm, hoặc ngoài khoảng hợp lý của chỉ tiêu).",
        _ => "Giá trị không hợp lệ.",
    };
}
