using GovReport.Domain.Catalogue;
using GovReport.Domain.Interop;
using GovReport.Domain.Periods;

namespace GovReport.Domain.Tests.Interop;

public class Dhis2ImportTests
{
    [Fact]
    public void Values_are_grouped_by_unit_and_month_with_their_payload_indexes()
    {
        var (groups, conflicts) = Dhis2Import.Group(
        [
            new("forest-planted", "202208", "xa-a", "12.5"),
            new("forest-planted", "202208", "xa-b", "3"),
            new("budget-revenue", "2022-08", "xa-a", "1e3"),
        ], Dhis2Mapping.Identity);

        Assert.Empty(conflicts);
        Assert.Equal(2, groups.Count);
        var a = groups.Single(g => g.Unit == new UnitId("xa-a"));
        Assert.Equal(new Month(2022, 8), a.Month);
        Assert.Equal([0, 2], a.Indexes);
        Assert.Equal([12.5m, 1000m], a.Figures.Select(f => f.Value));
    }

    [Fact]
    public void A_bad_value_spoils_its_unit_month_only_and_is_named_by_index()
    {
        var (groups, conflicts) = Dhis2Import.Group(
        [
            new("forest-planted", "202208", "xa-a", "12"),
            new("budget-revenue", "202208", "xa-a", "abc"),
            new("forest-planted", "202208", "xa-b", "3"),
            new("forest-planted", "2022Q3", "xa-c", "3"),
            new("forest-planted", "202208", "Not A Slug", "3"),
        ], Dhis2Mapping.Identity);

        Assert.Equal([new UnitId("xa-b")], groups.Select(g => g.Unit));
        Assert.Equal([1, 3, 4], conflicts.Select(c => c.Index!.Value).Order());
        Assert.Contains(conflicts, c => c.Object == "abc");
        Assert.Contains(conflicts, c => c.Object == "Not A Slug");
    }

    [Fact]
    public void A_foreign_attribute_option_combo_is_a_conflict_not_a_silent_sum()
    {
        var (groups, conflicts) = Dhis2Import.Group(
            [new("forest-planted", "202208", "xa-a", "12", AttributeOptionCombo: "FUNDER=X")], Dhis2Mapping.Identity);
        Assert.Empty(groups);
        Assert.Single(conflicts);
    }

    [Theory]
    [InlineData(175.158, "175.158")]
    [InlineData(12.50, "12.5")]
    [InlineData(-3, "-3")]
    [InlineData(0, "0")]
    public void Values_are_written_as_DHIS2_writes_them(double value, string text) =>
        Assert.Equal(text, Dhis2Import.FormatValue((decimal)value));

    [Fact]
    public void The_summary_counts_the_rest_as_ignored_and_groups_conflicts()
    {
        var summary = Dhis2ImportSummary.Of(5, 2, 1, [new("x", "bad", 3), new("x", "bad", 4)]);
        Assert.Equal(Dhis2ImportSummary.Warning, summary.Status);
        Assert.Equal(2, summary.Ignored);
        Assert.Equal([3, 4], Assert.Single(summary.Conflicts).Indexes);
        Assert.Equal(Dhis2ImportSummary.Success, Dhis2ImportSummary.Of(2, 0, 0, []).Status);
        Assert.Equal(Dhis2ImportSummary.Error, Dhis2ImportSummary.Of(1, 0, 0, [new("x", "bad", 0)]).Status);
    }
}
