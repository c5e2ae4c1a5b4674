using static GovReport.Host.Features.Seed.DemoIndicators;
using static GovReport.Host.Features.Seed.DemoUnits;
using static GovReport.Host.Features.Seed.Shapes;

namespace GovReport.Host.Features.Seed;

/// <summary>
/// What the departments, the centre and the communes report besides forest: each percentage has a
/// single reporter (rates do not add up across units); flows and levels add up at the city.
/// </summary>
internal static class DemoSectorFigures
{
    // Spring sowing February–March, summer sowing June–July; harvests in May–June and September–October.
    private static readonly decimal[] Sowing = [0.04m, 0.22m, 0.16m, 0.04m, 0.02m, 0.19m, 0.25m, 0.06m, 0.02m, 0m, 0m, 0m];
    private static readonly decimal[] Harvest = [0m, 0m, 0m, 0m, 0.22m, 0.27m, 0.02m, 0m, 0.26m, 0.23m, 0m, 0m];

    public static IReadOnlyList<Series> All { get; } = [.. Departments(), .. Communes()];

    private static IEnumerable<Series> Departments()
    {
        foreach (var (year, n) in new[] { (2021, 12), (2022, 8) })
        {
            var y22 = year == 2022;
            yield return new(NoiVu, DossiersReceived, year, Around(y22 ? 240 : 225, n, shift: 1));
            yield return new(NoiVu, DossiersResolved, year, Around(y22 ? 232 : 214, n, shift: 1));
            yield return new(LaoDong, JobsCreated, year, Around(y22 ? 56 : 51, n, shift: 3));
            yield return new(LaoDong, WorkersAbroad, year, Around(y22 ? 2 : 1.5m, n, shift: 2));
            yield return new(LaoDong, PovertyRate, year, y22 ? Ramp(1.35m, 1.12m, n, 2) : Ramp(1.62m, 1.35m, n, 2));
            yield return new(YTe, InsuranceCoverage, year, y22 ? Ramp(95.6m, 96.3m, n, 2) : Ramp(94.2m, 95.6m, n, 2));
            yield return new(YTe, FullImmunisation, year, Around(y22 ? 92 : 90, n, 1, shift: 4));
            yield return new(YTe, Under5Malnutrition, year, y22 ? Ramp(9.9m, 9.4m, n, 2) : Ramp(10.6m, 9.9m, n, 2));
            yield return new(VanHoa, TouristArrivals, year, Around(y22 ? 9_400 : 6_800, n, shift: 5));
            yield return new(VanHoa, CulturedFamilies, year, y22 ? Ramp(94.6m, 95.2m, n, 1) : Ramp(93.8m, 94.6m, n, 1));
            yield return new(GiaoDuc, StandardSchools, year, y22 ? Step(18, 19, 8, n) : Step(17, 18, 11, n));
            // "04 em đạt giải cấp Quốc gia": the national contests report in March and April.
            yield return new(GiaoDuc, NationalPrizes, year, y22 ? [0, 0, 1, 3, 0, 0, 0, 0] : [0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
            yield return new(TaiChinh, InvestmentDisbursed, year, Around(y22 ? 18.5m : 16.2m, n, 1, shift: 6));
            yield return new(TaiChinh, ActiveBusinesses, year, y22 ? Ramp(437, 452, n, 0) : Ramp(412, 436, n, 0));
            yield return new(KinhTe, IndustrialIndex, year, [.. Around(y22 ? 4.2m : 2.8m, n, 1, shift: 7).Select(v => 100 + v)]);
            yield return new(KinhTe, GrossOutput, year, Around(y22 ? 215 : 198, n, 1, shift: 8));
            yield return new(KinhTe, NewRuralCommunes, year, Flat(2, n));
            yield return new(TrungTam, SportsParticipation, year, y22 ? Ramp(40.5m, 42m, n, 1) : Ramp(38.5m, 40.5m, n, 1));
        }
    }

    private static IEnumerable<Series> Communes()
    {
        (string Unit, decimal Dossiers)[] offices =
        [
            (NongThuong, 95), (DuongQuang, 80), (SongCau, 160), (HuyenTung, 110),
            (XuatHoa, 105), (DucXuan, 175), (PhungChiKien, 150), (MinhKhai, 140),
        ];
        (string Unit, decimal Sown, decimal Grain, decimal Herd)[] farming =
        [
            (NongThuong, 410, 1_750, 2_050), (DuongQuang, 370, 1_560, 1_860),
            (XuatHoa, 240, 980, 1_120), (HuyenTung, 205, 860, 940),
        ];
        foreach (var (year, n) in new[] { (2021, 12), (2022, 8) })
        {
            var growth = year == 2022 ? 1.04m : 1m;
            for (var i = 0; i < offices.Length; i++)
            {
                var (unit, dossiers) = offices[i];
                yield return new(unit, DossiersReceived, year, Around(dossiers * growth, n, shift: i));
                yield return new(unit, DossiersResolved, year, Around(dossiers * growth * 0.96m, n, shift: i));
            }
            foreach (var (unit, sown, grain, herd) in farming)
            {
                yield return new(unit, SownArea, year, Seasonal(sown * growth, Sowing, n));
                yield return new(unit, GrainOutput, year, Seasonal(grain * growth, Harvest, n));
                yield return new(unit, LivestockHerd, year, year == 2022 ? Ramp(herd, herd + 60, n, 0) : Ramp(herd - 80, herd, n, 0));
            }
        }
    }
}
