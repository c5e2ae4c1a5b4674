using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;

using Agg = GovReport.Domain.Catalogue.Aggregation;

namespace GovReport.Domain.Tests.Catalogue;

/// <summary>Cross-indicator rules of the catalogue: declared on an indicator, checked at submission as warnings.</summary>
public class CrossIndicatorRulesTests
{
    private static readonly IndicatorCode Received = IndicatorCode.Parse("dossiers-received");
    private static readonly IndicatorCode Resolved = IndicatorCode.Parse("dossiers-resolved");
    private static readonly IndicatorCode Rate = IndicatorCode.Parse("resolved-rate");

    private static DefineIndicator Define(IndicatorCode code, Agg aggregation = Agg.Sum, params IndicatorCode[] atMost) =>
        new(code, "Hồ sơ giải quyết", "hồ sơ", aggregation, Direction.HigherIsBetter, null,
            Ratio: aggregation == Agg.Ratio ? new RatioDefinition(Resolved, Received, 100m) : null,
            Rules: CrossIndicatorRules.Of(atMost));

    private static readonly Dictionary<IndicatorCode, Indicator> Catalogue = new()
    {
        [Received] = new(Received, "Hồ sơ tiếp nhận", "hồ sơ", Agg.Sum, Direction.HigherIsBetter, null),
        [Resolved] = new(Resolved, "Hồ sơ giải quyết", "hồ sơ", Agg.Sum, Direction.HigherIsBetter, null,
            Rules: CrossIndicatorRules.Of([Received])),
        [Rate] = new(Rate, "Tỷ lệ giải quyết", "%", Agg.Ratio, Direction.HigherIsBetter, null, Ratio: new RatioDefinition(Resolved, Received, 100m)),
    };

    private static IReadOnlyList<FigureWarning> Check(params FigureValue[] values) =>
        FigureWarnings.Check(values, new Month(2022, 8), new QualityContext(Catalogue, new Dictionary<(string, Month), decimal>()));

    [Fact]
    public void A_rule_is_recorded_with_the_definition_and_folded_into_it()
    {
        var decision = IndicatorDecider.Decide(Define(Resolved, atMost: Received), null);
        var defined = Assert.IsType<IndicatorDefined>(Assert.Single(decision.Events));
        Assert.Equal([Received], defined.AtMost!);
        Assert.Equal(CrossIndicatorRules.Of([Received]), IndicatorDecider.Evolve(null, defined)!.Rules);
    }

    [Fact]
    public void The_same_rule_again_changes_nothing_and_dropping_it_is_a_revision()
    {
        var state = IndicatorDecider.Evolve(null, Assert.Single(IndicatorDecider.Decide(Define(Resolved, atMost: Received), null).Events));
        Assert.Empty(IndicatorDecider.Decide(Define(Resolved, atMost: Received), state).Events);
        var revised = Assert.IsType<IndicatorRevised>(Assert.Single(IndicatorDecider.Decide(Define(Resolved), state).Events));
        Assert.Null(revised.Rules);
    }

    [Fact]
    public void An_indicator_without_rules_writes_no_field() =>
        Assert.Null(Assert.IsType<IndicatorDefined>(Assert.Single(IndicatorDecider.Decide(Define(Received), null).Events)).AtMost);

    [Fact]
    public void An_indicator_cannot_be_bounded_by_itself() =>
        Assert.Equal(ErrorCodes.RuleInvalid, IndicatorDecider.Decide(Define(Resolved, atMost: Resolved), null).Error!.Code);

    [Fact]
    public void A_ratio_takes_no_rule_its_numerator_is_bounded_by_definition() =>
        Assert.Equal(ErrorCodes.RuleInvalid, IndicatorDecider.Decide(Define(Rate, Agg.Ratio, Received), null).Error!.Code);

    [Fact]
    public void Rules_are_bounded_in_number()
    {
        var many = Enumerable.Range(1, CrossIndicatorRules.MaxRules + 1).Select(i => IndicatorCode.Parse($"other-{i}")).ToArray();
        Assert.Equal(ErrorCodes.RuleInvalid, IndicatorDecider.Decide(Define(Resolved, atMost: many), null).Error!.Code);
    }

    [Fact]
    public void A_code_named_twice_is_refused() =>
        Assert.Equal(ErrorCodes.RuleInvalid, IndicatorDecider.Decide(Define(Resolved, atMost: [Received, Received]), null).Error!.Code);

    [Fact]
    public void The_codes_named_must_exist_and_be_reported()
    {
        var unknown = CrossIndicatorRules.CheckAgainst(Define(Resolved, atMost: IndicatorCode.Parse("no-such")), Catalogue);
        Assert.Equal((ErrorCodes.UnknownIndicator, "atMost"), (unknown!.Code, unknown.Field));
        Assert.Equal(ErrorCodes.RuleInvalid, CrossIndicatorRules.CheckAgainst(Define(Resolved, atMost: Rate), Catalogue)!.Code);
        Assert.Null(CrossIndicatorRules.CheckAgainst(Define(Resolved, atMost: Received), Catalogue));
    }

    [Fact]
    public void More_resolved_than_received_is_a_warning_naming_both()
    {
        var warnings = Check(new(Received, 90m), new(Resolved, 100m));
        var warning = Assert.Single(warnings, w => w.Code == FigureWarnings.AboveBound);
        Assert.Equal(Resolved, warning.Indicator);
        Assert.Contains("dossiers-received", warning.Message);
        Assert.Contains("Hồ sơ tiếp nhận", warning.Message);
    }

    [Fact]
    public void At_most_means_equal_is_fine_and_a_missing_bound_is_not_judged()
    {
        Assert.DoesNotContain(Check(new(Received, 100m), new(Resolved, 100m)), w => w.Code == FigureWarnings.AboveBound);
        Assert.DoesNotContain(Check(new FigureValue(Resolved, 100m)), w => w.Code == FigureWarnings.AboveBound);
    }

    [Fact]
    public void The_implicit_ratio_rule_still_warns_once_beside_the_declared_one()
    {
        var warnings = Check(new(Received, 90m), new(Resolved, 100m));
        Assert.Equal(
            [(Resolved, FigureWarnings.AboveBound), (Resolved, FigureWarnings.NumeratorAboveDenominator)],
            warnings.Select(w => (w.Indicator, w.Code)).OrderBy(w => w.Code, StringComparer.Ordinal).ToArray());
    }
}
