using GovReport.Domain.Numbers;

namespace GovReport.Domain.Tests.Numbers;

public class VietnameseNumbersTests
{
    [Theory]
    [InlineData("175.158", 3, "175,158")]
    [InlineData("2312", 3, "2.312")]
    [InlineData("119.6", 3, "119,6")]
    [InlineData("2522.81", 3, "2.522,81")]
    [InlineData("113.0051", 2, "113,01")]
    [InlineData("-673", 3, "-673")]
    [InlineData("1234567.8915", 0, "1.234.568")]
    [InlineData("0", 3, "0")]
    public void Formats_the_vietnamese_way(string value, int decimals, string expected) =>
        Assert.Equal(expected, VietnameseNumbers.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("2.312", "2312")]
    [InlineData("175,158", "175.158")]
    [InlineData("2.522,81", "2522.81")]
    [InlineData("04", "4")]
    [InlineData("-1,6", "-1.6")]
    [InlineData("4,6 nghìn", "4600")]
    [InlineData("8,43 triệu", "8430000")]
    [InlineData("39 vạn", "390000")]
    [InlineData("120 tỷ", "120000000000")]
    [InlineData("4,6 nghìn tỷ", "4600000000000")]
    public void Reads_vi_VN(string text, string expected)
    {
        Assert.True(VietnameseNumbers.TryParse(text, NumberCulture.ViVn, out decimal value, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("22,420", "22420")]
    [InlineData("100.57", "100.57")]
    [InlineData("2,312.5", "2312.5")]
    public void Reads_en_US(string text, string expected)
    {
        Assert.True(VietnameseNumbers.TryParse(text, NumberCulture.EnUs, out decimal value, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Qualifiers_and_measures_are_handed_back()
    {
        Assert.True(VietnameseNumbers.TryParse("gần 120 tỷ đồng", NumberCulture.ViVn, out ParsedNumber? parsed, out _));
        Assert.Equal(new ParsedNumber(120_000_000_000m, 120m, 1_000_000_000m, "gần", "đồng"), parsed);
        Assert.True(VietnameseNumbers.TryParse("trên 2.312 tỷ đồng", NumberCulture.ViVn, out parsed, out _));
        Assert.Equal(("trên", 2312m), (parsed!.Qualifier, parsed.Number));
        Assert.True(VietnameseNumbers.TryParse("ước 1,35", NumberCulture.ViVn, out parsed, out _));
        Assert.Equal(("ước", 1.35m), (parsed!.Qualifier, parsed.Value));
        Assert.True(VietnameseNumbers.TryParse("175,158 ha", NumberCulture.ViVn, out parsed, out _));
        Assert.Equal((175.158m, "ha"), (parsed!.Value, parsed.Rest));
    }

    [Theory]
    [InlineData("2.312")]
    [InlineData("175,158")]
    public void Unknown_culture_refuses_to_guess(string text)
    {
        Assert.False(VietnameseNumbers.TryParse(text, NumberCulture.Unknown, out decimal _, out var error));
        Assert.Contains("ambiguous", error);
    }

    [Theory]
    [InlineData("2312", "2312")]
    [InlineData("2.522,81", "2522.81")]
    [InlineData("100.57", "100.57")]
    [InlineData("12,5", "12.5")]
    public void Unknown_culture_accepts_what_reads_one_way(string text, string expected)
    {
        Assert.True(VietnameseNumbers.TryParse(text, NumberCulture.Unknown, out decimal value, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void A_number_in_the_other_culture_is_an_error_that_says_so()
    {
        Assert.False(VietnameseNumbers.TryParse("100.57", NumberCulture.ViVn, out decimal _, out var error));
        Assert.Contains("en-US", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("12.34.5")]
    [InlineData("gần")]
    [InlineData("1.2345")]
    public void Rejects_what_is_not_a_number(string text)
    {
        Assert.False(VietnameseNumbers.TryParse(text, NumberCulture.ViVn, out decimal _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
