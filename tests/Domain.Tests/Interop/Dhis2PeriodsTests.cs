using GovReport.Domain.Interop;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Interop;

public class Dhis2PeriodsTests
{
    [Fact]
    public void A_month_is_yyyyMM_in_dataValueSets_and_its_first_day_with_P1M_in_ADX()
    {
        Assert.Equal("202208", Dhis2Periods.MonthId(new Month(2022, 8)));
        Assert.Equal("2022-08-01/P1M", Dhis2Periods.AdxMonth(new Month(2022, 8)));
    }

    [Theory]
    [InlineData("202208")]
    [InlineData("2022-08")]
    public void A_value_period_is_a_month_in_either_form(string text)
    {
        Assert.True(Dhis2Periods.TryMonth(text, out var month, out _));
        Assert.Equal(new Month(2022, 8), month);
    }

    [Theory]
    [InlineData("2022Q3")]
    [InlineData("2022S1")]
    [InlineData("2022")]
    [InlineData("2022W12")]
    [InlineData(null)]
    public void A_value_period_longer_or_other_than_a_month_is_refused_with_a_reason(string? text)
    {
        Assert.False(Dhis2Periods.TryMonth(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void An_ADX_period_is_read_back_to_its_month()
    {
        Assert.True(Dhis2Periods.TryAdxMonth("2017-01-01/P1M", out var month, out _));
        Assert.Equal(new Month(2017, 1), month);
    }

    [Theory]
    [InlineData("2022-08-02/P1M")]
    [InlineData("2022-07-01/P3M")]
    [InlineData("2022-08-01")]
    [InlineData("202208")]
    [InlineData("")]
    public void Anything_but_a_month_start_and_P1M_is_not_an_ADX_month(string text) =>
        Assert.False(Dhis2Periods.TryAdxMonth(text, out _, out _));
}
