using GovReport.Projections.Figures;

namespace GovReport.Projections.Tests;

public sealed class FigureJsonTests
{
    [Fact]
    public void A_corrected_state_and_a_submission_read_to_the_same_figures()
    {
        var corrected = FigureJson.Parse("""{"forest-planted": 175.158, "patients-per-day": 300}""");
        var submitted = FigureJson.Parse("""[{"indicator": "forest-planted", "value": 175.158}, {"indicator": "patients-per-day", "value": 300}]""");

        Assert.Equal(corrected, submitted);
        Assert.Equal(175.158m, submitted["forest-planted"]);
    }

    [Theory]
    [InlineData("""{"forest-planted": 175.158, "patients-per-day": 300, "forest-planted": 2}""")]
    [InlineData("""[{"indicator": "forest-planted", "value": 175.158}, {"value": 300, "indicator": "patients-per-day"}, {"indicator": "forest-planted", "value": 2}]""")]
    public void Figures_read_from_their_bytes_come_in_order_and_last_wins_as_parsed(string json)
    {
        var handed = new List<(string, decimal)>();

        FigureJson.ParseInto(System.Text.Encoding.UTF8.GetBytes(json), handed, static (into, indicator, value) => into.Add((indicator, value)));

        Assert.Equal([("forest-planted", 175.158m), ("patients-per-day", 300m), ("forest-planted", 2m)], handed);
        Assert.Equal(FigureJson.Parse(json), FigureJson.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal(2m, FigureJson.Parse(json)["forest-planted"]);
    }

    [Fact]
    public void Written_figures_read_back_equal_and_in_a_fixed_order()
    {
        var figures = new Dictionary<string, decimal> { ["poverty-rate"] = 5.50m, ["forest-planted"] = 12m };

        var json = FigureJson.Write(figures);

        Assert.Equal("""{"forest-planted":12,"poverty-rate":5.50}""", json);
        Assert.Equal(figures, FigureJson.Parse(json));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"forest-planted\"")]
    public void Anything_else_is_refused(string json) =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => FigureJson.Parse(json));
}
