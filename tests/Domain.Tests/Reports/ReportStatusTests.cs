using GovReport.Domain.Reports;

namespace GovReport.Domain.Tests.Reports;

/// <summary>The report read model stores a status as its API name and folds on from it with the decider's Evolve.</summary>
public class ReportStatusTests
{
    [Fact]
    public void Every_status_reads_back_from_its_api_name()
    {
        foreach (var status in Enum.GetValues<ReportStatus>())
            Assert.Equal(status, ReportStatuses.Parse(status.ToApiString()));
    }

    [Fact]
    public void An_unknown_name_is_refused() =>
        Assert.Throws<FormatException>(() => ReportStatuses.Parse("archived"));
}
