using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Periods;

public class PeriodTests
{
    [Theory]
    [InlineData("2022-08", PeriodKind.Month, 8, "2022-08", "Tháng 8/2022", "2022-08-01", "2022-08-31")]
    [InlineData("202208", PeriodKind.Month, 8, "2022-08", "Tháng 8/2022", "2022-08-01", "2022-08-31")]
    [InlineData("2022Q3", PeriodKind.Quarter, 3, "2022Q3", "Quý III/2022", "2022-07-01", "2022-09-30")]
    [InlineData("2022Q1", PeriodKind.Quarter, 1, "2022Q1", "Quý I/2022", "2022-01-01", "2022-03-31")]
    [InlineData("2022Q4", PeriodKind.Quarter, 4, "2022Q4", "Quý IV/2022", "2022-10-01", "2022-12-31")]
    [InlineData("2022S1", PeriodKind.Half, 1, "2022S1", "6 tháng đầu năm 2022", "2022-01-01", "2022-06-30")]
    [InlineData("2022S2", PeriodKind.Half, 2, "2022S2", "6 tháng cuối năm 2022", "2022-07-01", "2022-12-31")]
    [InlineData("2022", PeriodKind.Year, 1, "2022", "Năm 2022", "2022-01-01", "2022-12-31")]
    [InlineData("2024-02", PeriodKind.Month, 2, "2024-02", "Tháng 2/2024", "2024-02-01", "2024-02-29")]
    public void Parses_every_form(string text, PeriodKind kind, int index, string id, string label, string start, string end)
    {
        var period = Period.Parse(text);
        Assert.Equal(kind, period.Kind);
        Assert.Equal(index, period.Index);
        Assert.Equal(id, period.Id);
        Assert.Equal(label, period.Label);
        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
    }

    [Theory]
    [InlineData("2022Q5")]
    [InlineData("2022S3")]
    [InlineData("2022-13")]
    [InlineData("22")]
    [InlineData("2022W01")]
    [InlineData("Q3-2022")]
    [InlineData("")]
    public void Rejects_other_forms_saying_which_are_expected(string text)
    {
        Assert.False(Period.TryParse(text, out var period, out var error));
        Assert.Null(period);
        Assert.Contains("2022Q3", error);
        Assert.Contains("2022S1", error);
    }

    [Fact]
    public void Lists_its_months()
    {
        var quarter = Period.Parse("2022Q3");
        Assert.Equal([new Month(2022, 7), new Month(2022, 8), new Month(2022, 9)], quarter.Months);
        Assert.Equal(new Month(2022, 7), quarter.FirstMonth);
        Assert.Equal(new Month(2022, 9), quarter.LastMonth);
        Assert.Equal(12, Period.OfYear(2022).Months.Count);
    }

    [Fact]
    public void Equal_ids_are_equal_periods()
    {
        Assert.Equal(Period.Parse("202208"), Period.Parse("2022-08"));
        Assert.Equal(Period.OfMonth(new Month(2022, 8)), Period.Parse("2022-08"));
    }
}

public class PeriodContainmentTests
{
    [Fact]
    public void Finds_the_period_of_each_kind_containing_a_month()
    {
        var august = new Month(2022, 8);
        Assert.Equal("2022-08", Period.Containing(PeriodKind.Month, august).Id);
        Assert.Equal("2022Q3", Period.Containing(PeriodKind.Quarter, august).Id);
        Assert.Equal("2022S2", Period.Containing(PeriodKind.Half, august).Id);
        Assert.Equal("2022", Period.Containing(PeriodKind.Year, august).Id);
        Assert.True(Period.Parse("2022Q3").Contains(august));
        Assert.False(Period.Parse("2022Q3").Contains(new Month(2022, 10)));
    }

    [Fact]
    public void Serializes_as_its_id()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Period.Parse("2022Q3"));
        Assert.Equal("\"2022Q3\"", json);
        Assert.Equal(Period.Parse("2022Q3"), System.Text.Json.JsonSerializer.Deserialize<Period>(json));
    }
}
