using GovReport.Domain.Catalogue;
using GovReport.Domain.Tests.Support;

using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Catalogue;

public class IndicatorDeciderTests
{
    private static readonly DeciderSpec<DefineIndicator, Indicator?, IndicatorEvent> Spec =
        new(IndicatorDecider.Decide, IndicatorDecider.Evolve, IndicatorDecider.Initial);

    private static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");

    private static DefineIndicator Define(string name = "Trồng rừng", string measure = "ha", string? sector = "nong-nghiep") =>
        new(Forest, name, measure, Agg.Sum, Direction.HigherIsBetter, sector);

    private static readonly IndicatorDefined Defined =
        new(Forest, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, "nong-nghiep");

    [Fact]
    public void First_definition_defines() => Spec.Given().When(Define()).Then(Defined);

    [Fact]
    public void Identical_definition_changes_nothing() => Spec.Given(Defined).When(Define()).ThenNothing();

    [Fact]
    public void Any_change_is_a_full_revision() =>
        Spec.Given(Defined)
            .When(Define(name: "Trồng rừng tập trung"))
            .Then(new IndicatorRevised(Forest, "Trồng rừng tập trung", "ha", Agg.Sum, Direction.HigherIsBetter, "nong-nghiep"));

    [Fact]
    public void The_latest_revision_is_the_definition()
    {
        var state = Spec.Given(Defined, new IndicatorRevised(Forest, "Trồng rừng", "nghìn ha", Agg.Sum, Direction.HigherIsBetter, null)).State;
        Assert.Equal("nghìn ha", state!.Measure);
        Assert.Null(state.Sector);
    }

    [Fact]
    public void A_name_is_required() => Spec.Given().When(Define(name: "")).ThenError("name-required", "name");

    [Fact]
    public void A_name_is_at_most_200_characters() => Spec.Given().When(Define(name: new string('x', 201))).ThenError("name-too-long", "name");

    [Fact]
    public void A_measure_is_required() => Spec.Given().When(Define(measure: " ")).ThenError("measure-required", "measure");

    [Fact]
    public void A_measure_is_short() => Spec.Given().When(Define(measure: new string('x', 51))).ThenError("measure-too-long", "measure");

    [Fact]
    public void Figures_are_non_negative_unless_the_definition_allows_it()
    {
        Assert.False(new Indicator(Forest, "Trồng rừng", "ha", Agg.Sum, Direction.HigherIsBetter, null).CanBeNegative);
        Assert.True(new Indicator(Forest, "Tăng trưởng", "%", Agg.Average, Direction.HigherIsBetter, null, AllowsNegative: true).CanBeNegative);
    }
}
