using GovReport.Domain.Periods;
using GovReport.Host.Features.Summaries;

namespace GovReport.Host.Tests.Summaries;

public class SummaryViewsTests
{
    [Theory]
    [InlineData(8, "month,quarter-to-date,ytd")]
    [InlineData(6, "month,quarter-to-date,ytd,half")]
    [InlineData(9, "month,quarter-to-date,ytd,nine-months")]
    [InlineData(12, "month,quarter-to-date,ytd,half,year")]
    public void Given_a_month_when_summarised_then_the_views_of_every_period_it_closes(int month, string views) =>
        Assert.Equal(views, string.Join(',', SummaryBuilder.ViewsFor(new Month(2022, month)).Select(v => v.ToApiString())));

    [Theory]
    [InlineData("summary-bac-kan-2022-08", true)]
    [InlineData("summary-bac-kan-2022-08-ondemand-2", true)]
    [InlineData("report-bac-kan-2022-08", false)]
    [InlineData("summary-Bac-kan", false)]
    [InlineData("summary-", false)]
    public void Given_an_id_when_checked_then_only_summary_streams_pass(string id, bool valid) =>
        Assert.Equal(valid, SummaryStore.IsValidId(id));
}
