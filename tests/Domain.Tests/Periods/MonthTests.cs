using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Periods;

public class MonthTests
{
    [Theory]
    [InlineData("2022-08")]
    [InlineData("202208")]
    [InlineData(" 2022-08 ")]
    public void Parses_both_month_forms(string text)
    {
        Assert.Equal(new Month(2022, 8), Month.Parse(text));
        Assert.Equal("2022-08", Month.Parse(text).ToString());
    }

    [Theory]
    [InlineData("2022-13")]
    [InlineData("2022-00")]
    [InlineData("2022-8")]
    [InlineData("22-08")]
    [InlineData("2022/08")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_anything_else_with_a_message(string? text)
    {
        Assert.False(Month.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Knows_its_days_quarter_and_half()
    {
        var august = new Month(2022, 8);
        Assert.Equal(new DateOnly(2022, 8, 1), august.Start);
        Assert.Equal(new DateOnly(2022, 8, 31), august.End);
        Assert.Equal(31, august.Days);
        Assert.Equal(3, august.Quarter);
        Assert.Equal(2, august.Half);
        Assert.Equal(new Month(2021, 8), august.SameMonthLastYear);
    }

    [Fact]
    public void February_of_a_leap_year_has_29_days()
    {
        Assert.Equal(29, new Month(2024, 2).Days);
        Assert.Equal(28, new Month(2023, 2).Days);
        Assert.Equal(new DateOnly(2024, 2, 29), new Month(2024, 2).End);
    }

    [Fact]
    public void Steps_across_years()
    {
        Assert.Equal(new Month(2023, 1), new Month(2022, 12).Next());
        Assert.Equal(new Month(2021, 12), new Month(2022, 1).Previous());
        Assert.Equal(new Month(2020, 11), new Month(2022, 1).AddMonths(-14));
        Assert.Equal(new Month(2024, 2), Month.Of(new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Orders_chronologically()
    {
        Assert.True(new Month(2021, 12) < new Month(2022, 1));
        Assert.True(new Month(2022, 2) > new Month(2022, 1));
        Assert.Equal(12, Month.Range(new Month(2022, 1), new Month(2022, 12)).Count);
    }

    [Fact]
    public void Invalid_numbers_cannot_be_constructed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Month(2022, 13));
    }
}
