using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using static GovReport.Host.Features.Seed.DemoUnits;

namespace GovReport.Host.Features.Seed;

/// <summary>
/// The demo through the 2025 reform. From 1 July 2025 Bắc Kạn province is part of Thái Nguyên
/// (Nghị quyết 202/2025/QH15), the district level is gone and the commune-level units are merged
/// (Nghị quyết 1683/NQ-UBTVQH15): Dương Quang and Đôn Phong become Xã Phong Quang. Which of the
/// city's wards and Nông Thượng form Phường Bắc Kạn and Phường Đức Xuân is illustrative: the exact
/// composition was not confirmed. Every unit reports January 2024 to June 2025; the successors
/// report from July 2025 to <see cref="LastMonth"/>.
/// </summary>
internal static class DemoReform
{
    public static readonly Month FirstMonth = new(2024, 1);
    public static readonly Month Effective = new(2025, 7);
    public static readonly Month LastMonth = new(2026, 10);

    public const string ProvinceDecision = "Nghị quyết số 202/2025/QH15";
    public const string CommuneDecision = "Nghị quyết số 1683/NQ-UBTVQH15";
    public const string DistrictDecision = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15";

    /// <summary>The merges of the city's commune-level units: successor and predecessors (composition illustrative but Phong Quang's).</summary>
    public static IReadOnlyList<(string Successor, IReadOnlyList<string> Predecessors)> Merges { get; } =
    [
        (PhuongBacKan, [PhungChiKien, XuatHoa, HuyenTung, NongThuong]),
        (PhuongDucXuanMoi, [SongCau, DucXuan, MinhKhai]),
        (PhongQuang, [DuongQuang, DonPhong]),
    ];

    public static IReadOnlyList<string>? PredecessorsOf(string successor) =>
        Merges.FirstOrDefault(m => m.Successor == successor).Predecessors;

    public static IReadOnlyList<string> Successors { get; } = [.. Merges.Select(m => m.Successor)];

    /// <summary>The units that report before the reform: the city, its departments and communes, and Đôn Phong.</summary>
    public static IReadOnlyList<string> Predecessors { get; } =
        [.. DemoUnits.All.Select(u => u.Id.Value).Where(u => DemoFigures.All.Any(s => s.Unit == u)), DonPhong];

    /// <summary>
    /// Merges first, then the province, then the district-level units with no successor (the city,
    /// its departments, Bạch Thông): dissolved. Ids are fixed so a second seed finds them recorded.
    /// </summary>
    public static IReadOnlyList<Restructuring> Restructurings { get; } =
    [
        .. Merges.Select(m => Merge("rs-demo-" + m.Successor, CommuneDecision, m.Predecessors, m.Successor)),
        Merge("rs-demo-" + ThaiNguyen, ProvinceDecision, [Province], ThaiNguyen),
        .. DemoUnits.All.Where(u => u.Id.Value == City || u.ParentId?.Value == City && u.Kind is UnitKind.Department or UnitKind.Centre || u.Id.Value == BachThong)
            .Select(u => new Restructuring("rs-demo-dissolve-" + u.Id.Value, RestructuringKind.Dissolve, Effective, DistrictDecision,
                "Kết thúc hoạt động của chính quyền địa phương cấp huyện", [u.Id], [])),
    ];

    /// <summary>Every demo report from <see cref="FirstMonth"/> on, before the reform and after it, in the order filed.</summary>
    public static IReadOnlyList<DemoReport> Reports { get; } = Build();

    private static List<DemoReport> Build()
    {
        var reports = new List<DemoReport>();
        for (var month = FirstMonth; month <= LastMonth; month = month.Next())
            foreach (var unit in month < Effective ? Predecessors : Successors)
                if (DemoReformFigures.Of(unit, month) is { Count: > 0 } values)
                    reports.Add(new DemoReport(new UnitId(unit), month, values, null, Late: false, Approved: true));
        return reports;
    }

    private static Restructuring Merge(string id, string decision, IReadOnlyList<string> predecessors, string successor) =>
        new(id, RestructuringKind.Merge, Effective, decision, null,
            [.. predecessors.Select(p => new UnitId(p))], [new SuccessorShare(new UnitId(successor), 1m)]);
}
