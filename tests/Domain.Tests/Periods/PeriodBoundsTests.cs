using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Periods;

public class PeriodBoundsTests
{
    private static readonly DateOnly Today = new(2024, 6, 15);

    [Theory]
    [InlineData("2000-01")]
    [InlineData("2024")]
    [InlineData("2025Q4")]
    [InlineData("2025-12")]
    public void Given_today_in_2024_when_a_period_from_2000_to_2025_is_named_then_it_is_within_bounds(string id) =>
        Assert.Null(PeriodBounds.Check(Period.Parse(id), Today));

    [Theory]
    [InlineData("0001-01")]
    [InlineData("0001")]
    [InlineData("1999-12")]
    [InlineData("2026-01")]
    [InlineData("9999")]
    [InlineData("9999-12")]
    public void Given_today_in_2024_when_a_period_before_2000_or_after_2025_is_named_then_it_is_out_of_bounds(string id)
    {
        var error = PeriodBounds.Check(Period.Parse(id), Today);
        Assert.NotNull(error);
        Assert.Contains("2000 to 2025", error);
    }

    [Fact]
    public void Next_year_moves_with_today() =>
        Assert.Null(PeriodBounds.Check(2026, new DateOnly(2025, 1, 1)));
}
