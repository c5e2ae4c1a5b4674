using GovReport.Domain.Periods;
using GovReport.Domain.Summaries;

namespace GovReport.Domain.Tests.Summaries;

public class SummaryDeciderTests
{
    private static SummaryPublished Summary(string id = "summary-bac-kan-2022-08") =>
        new(id, "bac-kan", "UBND thành phố Bắc Kạn", new Month(2022, 8), "Tháng 8/2022",
            new DateTimeOffset(2022, 9, 15, 1, 0, 0, TimeSpan.Zero), false, [],
            new SummaryReportingStatus(0, 0, 0, 0, 0, []), [], ["Trồng rừng đạt 175,158/155 ha, bằng 113% kế hoạch."], []);

    [Fact]
    public void Given_no_summary_when_published_then_the_summary_is_the_one_event()
    {
        var summary = Summary();
        var decision = SummaryDecider.Decide(new PublishSummary(summary), SummaryDecider.Initial);
        Assert.False(decision.IsError);
        Assert.Same(summary, Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_published_summary_when_published_again_then_it_is_refused_and_unchanged()
    {
        var first = Summary();
        var state = SummaryDecider.Fold([first]);
        var decision = SummaryDecider.Decide(new PublishSummary(Summary() with { Lines = ["Khác."] }), state);
        Assert.Equal("summary-already-published", decision.Error?.Code);
        Assert.Empty(decision.Events);
        Assert.Same(first, SummaryDecider.Evolve(state, Summary() with { Lines = ["Khác."] }));
    }

    [Fact]
    public void Given_an_empty_line_when_published_then_refused() =>
        Assert.Equal("summary-line-empty",
            SummaryDecider.Decide(new PublishSummary(Summary() with { Lines = [" "] }), null).Error?.Code);
}
