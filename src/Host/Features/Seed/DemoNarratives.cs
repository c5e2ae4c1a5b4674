using GovReport.Domain.Reports;
using static GovReport.Host.Features.Seed.DemoUnits;

namespace GovReport.Host.Features.Seed;

/// <summary>Difficulties and proposals the units raised at the briefings in the seed articles.</summary>
internal static class DemoNarratives
{
    public static Narrative? For(string unit, int year, int month) => (unit, year, month) switch
    {
        (DemoUnits.City, 2022, 8) => new(
            "Trong 8 tháng đầu năm 2022, hoạt động thương mại, dịch vụ trên địa bàn cơ bản ổn định. Tổng mức bán lẻ hàng hoá "
            + "và doanh thu dịch vụ đạt trên 2.312 tỷ đồng; thu ngân sách nhà nước đạt gần 120 tỷ đồng; trồng rừng đạt "
            + "175,158/155 ha, bằng 113% kế hoạch.",
            "Tiến độ giải phóng mặt bằng và giải ngân một số công trình, dự án còn chậm.",
            "Các đơn vị phối hợp chặt chẽ với phòng Tài chính – Kế hoạch lập dự toán ngân sách năm 2023; tập trung "
            + "đôn đốc thu ngân sách nhà nước."),
        (NoiVu, 2022, _) when month is 5 or 8 => new(
            "Tiếp nhận, luân chuyển, điều động, sắp xếp cán bộ, công chức, viên chức theo quy định.",
            null,
            "Đề xuất bố trí thời gian thăm nắm, làm việc với các cơ sở tín ngưỡng tôn giáo trên địa bàn."),
        (LaoDong, 2022, _) when month is 5 or 8 => new(
            "Phối hợp với các đơn vị tuyển dụng lao động địa phương đi làm việc tại nước ngoài.",
            "Nội dung mở các lớp đào tạo nghề thuộc các chương trình mục tiêu quốc gia gặp khó khăn về cơ chế thực hiện "
            + "(định mức kinh tế kỹ thuật).",
            "Đề nghị cấp có thẩm quyền hướng dẫn định mức kinh tế kỹ thuật cho các lớp đào tạo nghề."),
        (YTe, 2022, _) when month is 5 or 8 => new(
            "Công tác khám, chữa bệnh đạt trên 300 lượt bệnh nhân/ngày; công tác phòng, chống dịch bệnh thực hiện tốt.",
            "Còn gặp khó khăn về công tác đấu thầu, xử lý rác thải y tế.",
            "Đề nghị hướng dẫn quy trình đấu thầu thuốc, vật tư và hợp đồng xử lý rác thải y tế."),
        (VanHoa, 2022, 8) => new(
            "Phối hợp Trung tâm VH-TT-TT tổ chức các hoạt động văn hóa tại phố đi bộ thành phố Bắc Kạn.",
            "Còn vướng mắc về thanh toán phí, lệ phí trực tuyến.",
            "Tiếp tục khai thác hai điểm du lịch danh lam thắng cảnh và du lịch cộng đồng."),
        (GiaoDuc, 2022, 8) => new(
            "Tổng kết năm học 2021–2022; hoàn thành Đề án sáp nhập trường Tiểu học và THCS Dương Quang, trường Tiểu học "
            + "và THCS Nông Thượng.",
            null,
            "Chỉ đạo các trường tổ chức khai giảng năm học mới đảm bảo, trang trọng."),
        (NongThuong or DuongQuang, 2022, 8) => new(
            "Duy trì các tiêu chí nông thôn mới, nông thôn mới nâng cao; chăm sóc cây trồng vụ mùa, bảo vệ rừng.",
            "Lộ trình thực hiện các chương trình mục tiêu quốc gia giảm nghèo, xây dựng nông thôn mới chưa được phân bổ vốn kịp thời.",
            "Đề nghị các phòng chuyên môn hướng dẫn xây dựng lộ trình triển khai các chương trình mục tiêu quốc gia."),
        (SongCau, 2022, 8) => new(
            "Chuẩn bị diễn tập phòng cháy chữa cháy rừng năm 2022 theo kế hoạch.",
            null,
            "Đề nghị hỗ trợ kinh phí và phương tiện cho diễn tập phòng cháy chữa cháy rừng."),
        _ => null,
    };
}
