using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Domain.Tests.Support;

namespace GovReport.Domain.Tests.Reports;

/// <summary>The narrative (results, difficulties, proposals) a unit writes: a newer one replaces the older, none keeps it.</summary>
public class ReportNarrativeTests
{
    private static readonly DeciderSpec<ReportCommand, MonthlyReport, ReportEvent> Spec =
        new(ReportDecider.Decide, ReportDecider.Evolve, ReportDecider.Initial);

    private static readonly UnitId Unit = UnitId.Parse("xa-nong-thuong");
    private static readonly Month August = new(2022, 8);
    private static readonly DateTimeOffset At = new(2022, 9, 2, 9, 30, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly Deadline = new(2022, 9, 5);
    private static readonly FigureValue[] Figures = [new(IndicatorCode.Parse("forest-planted"), 12.5m)];
    private static readonly Narrative Old = new("Hoàn thành kế hoạch trồng rừng", "Mưa lớn kéo dài", "Hỗ trợ cây giống");
    private static readonly Narrative New = new("Vượt kế hoạch trồng rừng", "Thiếu cây giống", "Bổ sung kinh phí");
    private static readonly DraftSaved Drafted = new(Unit, August, Figures, Old);

    private static SaveDraft Save(Narrative? narrative) => new(Unit, August, Figures, narrative, "clerk", At);

    private static SubmitReport Submit(Narrative? narrative) => new(Unit, August, null, narrative, true, Deadline, "clerk", At);

    [Fact]
    public void Given_a_draft_when_saved_again_with_the_same_figures_and_a_new_narrative_then_the_new_narrative_is_kept()
    {
        var outcome = Spec.Given(Drafted).When(Save(New)).Then(new DraftSaved(Unit, August, Figures, New));
        Assert.Equal(New, outcome.StateAfter.Narrative);
    }

    [Fact]
    public void Given_a_draft_with_a_narrative_when_submitted_with_a_new_one_then_the_submission_carries_the_new_one()
    {
        var outcome = Spec.Given(Drafted).When(Submit(New))
            .Then(new ReportSubmitted(Unit, August, Figures, New, At, true, Deadline, "clerk"));
        Assert.Equal(New, outcome.StateAfter.Narrative);
    }

    [Fact]
    public void Given_a_draft_with_a_narrative_when_submitted_without_one_then_the_drafts_narrative_is_submitted()
    {
        var outcome = Spec.Given(Drafted).When(Submit(null))
            .Then(new ReportSubmitted(Unit, August, Figures, Old, At, true, Deadline, "clerk"));
        Assert.Equal(Old, outcome.StateAfter.Narrative);
    }

    [Fact]
    public void Given_a_submission_recorded_without_a_narrative_then_the_drafts_narrative_stays()
    {
        var state = new ReportEvent[] { Drafted, new ReportSubmitted(Unit, August, Figures, null, At, true, Deadline, "clerk") }
            .Aggregate(ReportDecider.Initial, ReportDecider.Evolve);
        Assert.Equal(Old, state.Narrative);
    }
}
