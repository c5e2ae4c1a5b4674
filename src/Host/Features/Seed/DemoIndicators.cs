using GovReport.Domain.Catalogue;

namespace GovReport.Host.Features.Seed;

/// <summary>
/// The catalogue from INDICATORS.md that the demo's units report. Ratios (percentages) are levels
/// until ratio indicators exist, so each is reported by exactly one unit and never summed.
/// </summary>
internal static class DemoIndicators
{
    public const string GrossOutput = "gross-output";
    public const string RetailRevenue = "retail-revenue";
    public const string IndustrialIndex = "industrial-index";
    public const string BudgetRevenue = "budget-revenue";
    public const string InvestmentDisbursed = "public-investment-disbursed";
    public const string ActiveBusinesses = "active-businesses";
    public const string TouristArrivals = "tourist-arrivals";
    public const string SownArea = "sown-area";
    public const string GrainOutput = "grain-output";
    public const string ForestPlanted = "forest-planted";
    public const string LivestockHerd = "livestock-herd";
    public const string NewRuralCommunes = "new-rural-communes";
    public const string PatientsPerDay = "patients-per-day";
    public const string InsuranceCoverage = "health-insurance-coverage";
    public const string FullImmunisation = "full-immunisation";
    public const string Under5Malnutrition = "under5-malnutrition";
    public const string Population = "population";
    public const string StandardSchools = "standard-schools";
    public const string NationalPrizes = "national-prizes";
    public const string CulturedFamilies = "cultured-families";
    public const string SportsParticipation = "sports-participation";
    public const string JobsCreated = "jobs-created";
    public const string WorkersAbroad = "workers-abroad";
    public const string PovertyRate = "poverty-rate";
    public const string DossiersReceived = "dossiers-received";
    public const string DossiersResolved = "dossiers-resolved";

    private const Aggregation Sum = Aggregation.Sum;
    private const Aggregation Last = Aggregation.Last;
    private const Direction Higher = Direction.HigherIsBetter;
    private const Direction Lower = Direction.LowerIsBetter;

    public static IReadOnlyList<DefineIndicator> All { get; } =
    [
        Define(GrossOutput, "Giá trị sản xuất", "tỷ đồng", Sum, Higher, "kinh-te"),
        Define(RetailRevenue, "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "tỷ đồng", Sum, Higher, "kinh-te"),
        // An index against the same month last year: 100 means no change, so it runs above 100.
        Define(IndustrialIndex, "Chỉ số sản xuất công nghiệp", "%", Aggregation.Average, Higher, "kinh-te") with { MaxValue = 1000m },
        Define(BudgetRevenue, "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", Sum, Higher, "ngan-sach"),
        Define(InvestmentDisbursed, "Giải ngân vốn đầu tư công", "tỷ đồng", Sum, Higher, "ngan-sach"),
        Define(ActiveBusinesses, "Doanh nghiệp đang hoạt động", "doanh nghiệp", Last, Higher, "kinh-te"),
        Define(TouristArrivals, "Khách du lịch", "lượt", Sum, Higher, "van-hoa"),
        Define(SownArea, "Diện tích gieo trồng", "ha", Sum, Higher, "nong-nghiep"),
        Define(GrainOutput, "Sản lượng lương thực", "tấn", Sum, Higher, "nong-nghiep"),
        Define(ForestPlanted, "Trồng rừng", "ha", Sum, Higher, "lam-nghiep"),
        Define(LivestockHerd, "Tổng đàn gia súc", "con", Last, Higher, "nong-nghiep"),
        Define(NewRuralCommunes, "Xã đạt chuẩn nông thôn mới", "xã", Last, Higher, "nong-nghiep"),
        Define(PatientsPerDay, "Khám, chữa bệnh", "lượt/ngày", Aggregation.PerDay, Higher, "y-te"),
        Define(InsuranceCoverage, "Tỷ lệ tham gia bảo hiểm y tế", "%", Last, Higher, "y-te"),
        Define(FullImmunisation, "Trẻ dưới 1 tuổi tiêm chủng đầy đủ", "%", Last, Higher, "y-te"),
        Define(Under5Malnutrition, "Trẻ dưới 5 tuổi suy dinh dưỡng", "%", Last, Lower, "y-te"),
        Define(Population, "Dân số trung bình", "người", Last, Higher, "xa-hoi"),
        Define(StandardSchools, "Trường đạt chuẩn quốc gia", "trường", Last, Higher, "giao-duc"),
        Define(NationalPrizes, "Học sinh đạt giải cấp quốc gia", "em", Sum, Higher, "giao-duc"),
        Define(CulturedFamilies, "Gia đình đạt chuẩn văn hóa", "%", Last, Higher, "van-hoa"),
        Define(SportsParticipation, "Tập luyện thể dục thể thao thường xuyên", "%", Last, Higher, "van-hoa"),
        Define(JobsCreated, "Giải quyết việc làm", "người", Sum, Higher, "xa-hoi"),
        Define(WorkersAbroad, "Xuất khẩu lao động", "người", Sum, Higher, "xa-hoi"),
        Define(PovertyRate, "Tỷ lệ hộ nghèo", "%", Last, Lower, "xa-hoi"),
        Define(DossiersReceived, "Hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ", Sum, Higher, "hanh-chinh"),
        Define(DossiersResolved, "Hồ sơ thủ tục hành chính giải quyết", "hồ sơ", Sum, Higher, "hanh-chinh"),
    ];

    private static DefineIndicator Define(
        string code, string name, string measure, Aggregation aggregation, Direction direction, string sector) =>
        new(new IndicatorCode(code), name, measure, aggregation, direction, sector);
}
