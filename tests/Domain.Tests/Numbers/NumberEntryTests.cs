using System.Globalization;
using GovReport.Domain.Numbers;

namespace GovReport.Domain.Tests.Numbers;

public class NumberEntryTests
{
    [Theory]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("175,158", "175.158")]
    [InlineData("1234,5", "1234.5")]
    [InlineData(" 2.312 ", "2312")]
    [InlineData("0", "0")]
    [InlineData("-3", "-3")]
    [InlineData("1.000.000", "1000000")]
    public void Reads_a_vi_VN_figure(string text, string expected)
    {
        Assert.True(NumberEntry.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_field_is_no_value(string? text)
    {
        Assert.True(NumberEntry.TryParse(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("abc")]
    [InlineData("1.234.5")]
    [InlineData("1,234.5")]
    [InlineData("12.34")]
    [InlineData("4,6 nghìn")]
    [InlineData("1,")]
    [InlineData("99999999999999999999999999999999999999999")]
    public void Refuses_what_is_not_a_vi_VN_figure(string text) =>
        Assert.False(NumberEntry.TryParse(text, out _));

    [Theory]
    [InlineData("175.158", "175,158")]
    [InlineData("1234.5", "1.234,5")]
    [InlineData("0.0000001", "0,0000001")]
    public void Shows_a_figure_back_the_way_it_is_read(string value, string expected)
    {
        var shown = NumberEntry.Show(decimal.Parse(value, CultureInfo.InvariantCulture));
        Assert.Equal(expected, shown);
        Assert.True(NumberEntry.TryParse(shown, out var again));
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), again);
    }
}
