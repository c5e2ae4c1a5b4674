using GovReport.Domain.Interop;

namespace GovReport.Domain.Tests.Interop;

public class Dhis2MappingTests
{
    private static readonly Dhis2Mapping Mapped = new(
        new Dictionary<string, string> { ["bac-kan"] = "ImspTQPwCqd" },
        new Dictionary<string, Dhis2Element>
        {
            ["forest-planted"] = new("fbfJHSPpUQD"),
            ["patients-female"] = new("s46m5MS0hxu", "Prlt0C1RF0s"),
            ["patients-male"] = new("s46m5MS0hxu", "V6L425pT3A0"),
        });

    [Fact]
    public void Without_a_mapping_the_service_codes_are_the_DHIS2_ids()
    {
        Assert.Equal("bac-kan", Dhis2Mapping.Identity.OrgUnit("bac-kan"));
        Assert.Equal(new Dhis2Element("forest-planted"), Dhis2Mapping.Identity.Element("forest-planted"));
        Assert.Equal("bac-kan", Dhis2Mapping.Identity.Unit("bac-kan"));
        Assert.Equal("forest-planted", Dhis2Mapping.Identity.Indicator("forest-planted", null));
    }

    [Fact]
    public void Mapped_ids_go_both_ways()
    {
        Assert.Equal("ImspTQPwCqd", Mapped.OrgUnit("bac-kan"));
        Assert.Equal("bac-kan", Mapped.Unit("ImspTQPwCqd"));
        Assert.Equal(new Dhis2Element("s46m5MS0hxu", "V6L425pT3A0"), Mapped.Element("patients-male"));
        Assert.Equal("patients-female", Mapped.Indicator("s46m5MS0hxu", "Prlt0C1RF0s"));
        Assert.Equal("patients-male", Mapped.Indicator("s46m5MS0hxu", "V6L425pT3A0"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("HllvX50cXC0")]
    public void A_data_element_without_a_combo_in_the_mapping_takes_none_or_DHIS2s_default(string? combo) =>
        Assert.Equal("forest-planted", Mapped.Indicator("fbfJHSPpUQD", combo));

    [Fact]
    public void A_mapped_code_is_not_also_read_as_itself_and_an_unknown_combo_matches_nothing()
    {
        Assert.Null(Mapped.Unit("bac-kan"));
        Assert.Null(Mapped.Indicator("forest-planted", null));
        Assert.Null(Mapped.Indicator("s46m5MS0hxu", null));
        Assert.Null(Mapped.Indicator("fbfJHSPpUQD", "SEX=F"));
    }

    [Fact]
    public void A_mapping_that_is_not_one_to_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Dhis2Mapping(
            new Dictionary<string, string> { ["a-unit"] = "X", ["b-unit"] = "X" }, new Dictionary<string, Dhis2Element>()));
        Assert.Throws<ArgumentException>(() => new Dhis2Mapping(new Dictionary<string, string>(),
            new Dictionary<string, Dhis2Element> { ["aa"] = new("D"), ["bb"] = new("D") }));
    }
}
