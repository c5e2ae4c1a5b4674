using GovReport.Domain.Catalogue;

namespace GovReport.Host.Features.Seed;

/// <summary>
/// Bắc Kạn city as it stood in 2021–2022: Huyền Tụng and Xuất Hóa had become wards in 2020, so two
/// communes and six wards; departments carry the block they sit in at the city's briefings.
/// </summary>
internal static class DemoUnits
{
    public const string Province = "bac-kan-province";
    public const string City = "bac-kan";

    public const string NoiVu = "phong-noi-vu-bac-kan";
    public const string LaoDong = "phong-lao-dong-tbxh-bac-kan";
    public const string YTe = "phong-y-te-bac-kan";
    public const string VanHoa = "phong-van-hoa-thong-tin-bac-kan";
    public const string GiaoDuc = "phong-giao-duc-dao-tao-bac-kan";
    public const string TaiChinh = "phong-tai-chinh-ke-hoach-bac-kan";
    public const string KinhTe = "phong-kinh-te-bac-kan";
    public const string TrungTam = "trung-tam-vh-tt-tt-bac-kan";

    public const string NongThuong = "xa-nong-thuong";
    public const string DuongQuang = "xa-duong-quang";
    public const string SongCau = "phuong-song-cau";
    public const string HuyenTung = "phuong-huyen-tung";
    public const string XuatHoa = "phuong-xuat-hoa";
    public const string DucXuan = "phuong-duc-xuan";
    public const string PhungChiKien = "phuong-phung-chi-kien";
    public const string MinhKhai = "phuong-nguyen-thi-minh-khai";

    // The 2025 reform (DemoReform): Bắc Kạn province joins Thái Nguyên and the city's communes and wards
    // become new wards and communes directly under the province. Đôn Phong (Bạch Thông district) is
    // here only because it merged with Dương Quang into Phong Quang.
    public const string ThaiNguyen = "thai-nguyen-province";
    public const string BachThong = "huyen-bach-thong";
    public const string DonPhong = "xa-don-phong";
    public const string PhuongBacKan = "phuong-bac-kan";
    public const string PhuongDucXuanMoi = "phuong-duc-xuan-moi";
    public const string PhongQuang = "xa-phong-quang";

    public const string CultureSociety = "van-hoa-xa-hoi";
    public const string Economy = "kinh-te";
    public const string InternalAffairs = "noi-chinh";

    /// <summary>Parents before children, so every parent exists when its child is registered.</summary>
    public static IReadOnlyList<DefineUnit> All { get; } =
    [
        Unit(Province, "Tỉnh Bắc Kạn", UnitKind.Province, null),
        Unit(City, "Thành phố Bắc Kạn", UnitKind.City, Province),
        Unit(NoiVu, "Phòng Nội vụ", UnitKind.Department, City, InternalAffairs),
        Unit(LaoDong, "Phòng Lao động – Thương binh và Xã hội", UnitKind.Department, City, CultureSociety),
        Unit(YTe, "Phòng Y tế", UnitKind.Department, City, CultureSociety),
        Unit(VanHoa, "Phòng Văn hóa – Thông tin", UnitKind.Department, City, CultureSociety),
        Unit(GiaoDuc, "Phòng Giáo dục và Đào tạo", UnitKind.Department, City, CultureSociety),
        Unit(TaiChinh, "Phòng Tài chính – Kế hoạch", UnitKind.Department, City, Economy),
        Unit(KinhTe, "Phòng Kinh tế", UnitKind.Department, City, Economy),
        Unit(TrungTam, "Trung tâm Văn hóa – Thể thao – Truyền thông", UnitKind.Centre, City, CultureSociety),
        Unit(NongThuong, "Xã Nông Thượng", UnitKind.Commune, City),
        Unit(DuongQuang, "Xã Dương Quang", UnitKind.Commune, City),
        Unit(SongCau, "Phường Sông Cầu", UnitKind.Ward, City),
        Unit(HuyenTung, "Phường Huyền Tụng", UnitKind.Ward, City),
        Unit(XuatHoa, "Phường Xuất Hóa", UnitKind.Ward, City),
        Unit(DucXuan, "Phường Đức Xuân", UnitKind.Ward, City),
        Unit(PhungChiKien, "Phường Phùng Chí Kiên", UnitKind.Ward, City),
        Unit(MinhKhai, "Phường Nguyễn Thị Minh Khai", UnitKind.Ward, City),
        Unit(BachThong, "Huyện Bạch Thông", UnitKind.District, Province),
        Unit(DonPhong, "Xã Đôn Phong", UnitKind.Commune, BachThong),
        // Registered ahead of the reform: nothing is expected of them before the month it takes effect.
        Unit(ThaiNguyen, "Tỉnh Thái Nguyên", UnitKind.Province, null),
        Unit(PhuongBacKan, "Phường Bắc Kạn", UnitKind.Ward, ThaiNguyen),
        Unit(PhuongDucXuanMoi, "Phường Đức Xuân (mới)", UnitKind.Ward, ThaiNguyen),
        Unit(PhongQuang, "Xã Phong Quang", UnitKind.Commune, ThaiNguyen),
    ];

    public static IReadOnlyList<string> Communes { get; } =
        [NongThuong, DuongQuang, SongCau, HuyenTung, XuatHoa, DucXuan, PhungChiKien, MinhKhai];

    public static UnitKind KindOf(string id) => All.First(u => u.Id.Value == id).Kind;

    private static DefineUnit Unit(string id, string name, UnitKind kind, string? parent, string? block = null) =>
        new(new UnitId(id), name, kind, parent is null ? null : new UnitId(parent), block);
}
