using GovReport.Domain.Summaries;

namespace GovReport.Domain.Tests.Summaries;

public class SummaryLinesTests
{
    private static SummaryRow Row(
        string code, string name, string measure, decimal? actual, decimal? target = null, decimal? percent = null,
        decimal? change = null, string direction = "higher-is-better") =>
        new(code, name, measure, "sum", direction, actual, target, percent, null, change,
            target is null ? "no-target" : "achieved", 8, 8);

    private static SummaryReportingStatus Status(params (string Name, string State)[] units) =>
        new(units.Length, units.Count(u => u.State != "missing"), units.Count(u => u.State == "on-time"),
            units.Count(u => u.State == "late"), units.Count(u => u.State == "missing"),
            units.Select((u, i) => new UnitReporting($"u-{i}", u.Name, u.State, null)).ToList());

    [Fact]
    public void Given_a_plan_when_written_then_actual_over_target_and_whole_percent_of_plan() =>
        Assert.Equal("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch.",
            SummaryLines.Indicator(Row("forest-planted", "Trồng rừng", "ha", 175.158m, 155m, 113.01m)));

    [Fact]
    public void Given_a_budget_estimate_and_last_year_when_written_then_du_toan_and_growth() =>
        Assert.Equal("Thu ngân sách nhà nước đạt 119,6 tỷ đồng, bằng 98% dự toán, tăng 4,2% so với cùng kỳ.",
            SummaryLines.Indicator(Row("budget-revenue", "Thu ngân sách nhà nước", "tỷ đồng", 119.6m, 122m, 98.03m, 4.2m)));

    [Fact]
    public void Given_a_fall_against_last_year_when_written_then_giam() =>
        Assert.Equal("Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch, giảm 1,6% so với cùng kỳ.",
            SummaryLines.Indicator(Row("forest-planted", "Trồng rừng", "ha", 175.158m, 155m, 113.01m, -1.6m)));

    [Fact]
    public void Given_no_plan_when_written_then_only_the_figure_and_its_measure() =>
        Assert.Equal("Khám, chữa bệnh đạt 300 lượt/ngày.",
            SummaryLines.Indicator(Row("patients-per-day", "Khám, chữa bệnh", "lượt/ngày", 300m)));

    [Fact]
    public void Given_thousands_when_written_then_dots_group_them() =>
        Assert.Equal("Tổng mức bán lẻ hàng hóa đạt 2.312 tỷ đồng.",
            SummaryLines.Indicator(Row("retail-sales", "tổng mức bán lẻ hàng hóa", "tỷ đồng", 2312m)));

    [Fact]
    public void Given_lower_is_better_when_written_then_con_and_percent_without_space() =>
        Assert.Equal("Tỷ lệ hộ nghèo còn 1,35%.",
            SummaryLines.Indicator(Row("poverty-rate", "Tỷ lệ hộ nghèo", "%", 1.35m, direction: "lower-is-better")));

    [Fact]
    public void Given_lower_is_better_with_a_plan_when_written_then_the_plan_in_brackets() =>
        Assert.Equal("Tỷ lệ hộ nghèo còn 1,35% (kế hoạch 1,5%), giảm 10% so với cùng kỳ.",
            SummaryLines.Indicator(Row("poverty-rate", "Tỷ lệ hộ nghèo", "%", 1.35m, 1.5m, 90m, -10m, "lower-is-better")));

    [Fact]
    public void Given_unchanged_from_last_year_when_written_then_bang_cung_ky() =>
        Assert.Equal("Khám, chữa bệnh đạt 300 lượt/ngày, bằng cùng kỳ.",
            SummaryLines.Indicator(Row("patients-per-day", "Khám, chữa bệnh", "lượt/ngày", 300m, change: 0m)));

    [Fact]
    public void Given_a_merged_units_figures_when_written_then_no_caveat() =>
        Assert.Equal("Trồng rừng đạt 22 ha, tăng 46,7% so với cùng kỳ.",
            SummaryLines.Indicator(Row("forest-planted", "Trồng rừng", "ha", 22m, change: 46.67m) with { Estimated = false, Comparable = true }));

    [Fact]
    public void Given_a_split_share_when_written_then_the_estimate_is_said() =>
        Assert.Equal("Trồng rừng đạt 50 ha, tăng 25% so với cùng kỳ (số liệu trước khi sắp xếp lại đơn vị là ước tính theo tỷ lệ chia tách).",
            SummaryLines.Indicator(Row("forest-planted", "Trồng rừng", "ha", 50m, change: 25m) with { Estimated = true }));

    [Fact]
    public void Given_averages_of_merged_units_when_written_then_no_comparison_and_why() =>
        Assert.Equal("Điểm hài lòng đạt 85 điểm (không so sánh được với cùng kỳ do sắp xếp lại đơn vị).",
            SummaryLines.Indicator(Row("satisfaction-score", "Điểm hài lòng", "điểm", 85m) with { Comparable = false }));

    [Fact]
    public void Given_nothing_reported_when_written_then_no_sentence() =>
        Assert.Null(SummaryLines.Indicator(Row("forest-planted", "Trồng rừng", "ha", null, 155m)));

    [Fact]
    public void Given_missing_and_late_units_when_written_then_both_lists_by_name()
    {
        var units = new List<(string, string)> { ("Xã Nông Thượng", "missing"), ("Xã Dương Quang", "missing"),
            ("Phòng Y tế", "late"), ("Phòng Nội vụ", "late"), ("Xã Sông Cầu", "late") };
        units.AddRange(Enumerable.Range(1, 9).Select(i => ($"Đơn vị {i}", "on-time")));
        var lines = SummaryLines.Timeliness(Status(units.ToArray())).ToList();
        Assert.Equal(["Có 2/14 đơn vị chưa gửi báo cáo: Xã Nông Thượng, Xã Dương Quang.",
            "Có 3 đơn vị gửi báo cáo chậm: Phòng Y tế, Phòng Nội vụ, Xã Sông Cầu."], lines);
    }

    [Fact]
    public void Given_everyone_on_time_when_written_then_one_line_says_so() =>
        Assert.Equal(["Có 2/2 đơn vị gửi báo cáo đúng hạn."],
            SummaryLines.Timeliness(Status(("A", "on-time"), ("B", "on-time"))));

    [Fact]
    public void Given_rows_and_status_when_built_then_indicators_first_then_timeliness()
    {
        var lines = SummaryLines.Build(
            [Row("forest-planted", "Trồng rừng", "ha", 175.158m, 155m, 113.01m), Row("x-y", "Không báo cáo", "ha", null)],
            Status(("Xã Nông Thượng", "missing")));
        Assert.Equal(["Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch.", "Có 1/1 đơn vị chưa gửi báo cáo: Xã Nông Thượng."], lines);
    }
}
