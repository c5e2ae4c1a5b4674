using GovReport.Domain.Errors;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Domain.Tests.Support;

namespace GovReport.Domain.Tests.Reports;

public class ReportDeciderTests
{
    private static readonly DeciderSpec<ReportCommand, MonthlyReport, ReportEvent> Spec =
        new(ReportDecider.Decide, ReportDecider.Evolve, ReportDecider.Initial);

    private static readonly UnitId Unit = UnitId.Parse("xa-nong-thuong");
    private static readonly Month August = new(2022, 8);
    private static readonly IndicatorCode Forest = IndicatorCode.Parse("forest-planted");
    private static readonly IndicatorCode Patients = IndicatorCode.Parse("patients-per-day");
    private static readonly IndicatorCode Revenue = IndicatorCode.Parse("budget-revenue");
    private static readonly DateTimeOffset At = new(2022, 9, 2, 9, 30, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly Deadline = new(2022, 9, 5);

    private static readonly FigureValue[] Figures = [new(Patients, 300m), new(Forest, 12.5m)];
    private static readonly FigureValue[] Ordered = [new(Forest, 12.5m), new(Patients, 300m)];
    private static readonly Narrative Text = new("Hoàn thành kế hoạch trồng rừng", "Mưa lớn kéo dài", "Hỗ trợ cây giống");

    private static readonly DraftSaved Drafted = new(Unit, August, Ordered, Text);
    private static readonly ReportSubmitted Submitted = new(Unit, August, Ordered, Text, At, true, Deadline, "clerk");
    private static readonly ReportReturned Returned = new(Unit, August, "Thiếu số liệu khám chữa bệnh");
    private static readonly ReportApproved Approved = new(Unit, August);

    private static SaveDraft Save(FigureValue[]? values = null, Narrative? narrative = null) =>
        new(Unit, August, values ?? Figures, narrative, "clerk", At);

    private static SubmitReport Submit(FigureValue[]? values = null, Narrative? narrative = null, bool onTime = true) =>
        new(Unit, August, values, narrative, onTime, Deadline, "clerk", At);

    private static ReturnReport Return(string reason = "Thiếu số liệu khám chữa bệnh") => new(Unit, August, reason, "approver", At);

    private static ApproveReport Approve() => new(Unit, August, "approver", At);

    private static CorrectFigures Correct(FigureValue[] values, string reason = "Số liệu cập nhật từ trạm y tế") =>
        new(Unit, August, values, reason, "clerk", At);

    private static ReportEvent[] History(string state) => state switch
    {
        "none" => [],
        "draft" => [Drafted],
        "submitted" => [Drafted, Submitted],
        "returned" => [Drafted, Submitted, Returned],
        "approved" => [Drafted, Submitted, Approved],
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    // SaveDraft

    [Fact]
    public void A_first_draft_is_saved_with_figures_in_indicator_order() =>
        Spec.Given().When(Save(narrative: Text)).Then(Drafted);

    [Fact]
    public void A_new_draft_replaces_the_draft_values()
    {
        var outcome = Spec.Given(Drafted).When(Save([new(Revenue, 10m)])).Then(new DraftSaved(Unit, August, [new(Revenue, 10m)], null));
        Assert.Equal([new FigureValue(Revenue, 10m)], outcome.StateAfter.Values);
        Assert.Equal(Text, outcome.StateAfter.Narrative);
        Assert.Equal(ReportStatus.Draft, outcome.StateAfter.Status);
    }

    [Fact]
    public void Saving_the_same_draft_again_changes_nothing() =>
        Spec.Given(Drafted).When(Save(Figures, Text)).ThenNothing();

    [Fact]
    public void A_returned_report_can_be_redrafted() =>
        Spec.Given(History("returned")).When(Save([new(Forest, 13m)])).Then(new DraftSaved(Unit, August, [new(Forest, 13m)], null));

    [Theory]
    [InlineData("submitted")]
    [InlineData("approved")]
    public void A_submitted_or_approved_report_is_not_a_draft(string state) =>
        Spec.Given(History(state)).When(Save()).ThenError("invalid-transition");

    [Fact]
    public void A_draft_names_each_indicator_once() =>
        Spec.Given().When(Save([new(Forest, 1m), new(Patients, 2m), new(Forest, 3m)])).ThenError("duplicate-indicator", "values[2].indicator");

    // SubmitReport

    [Fact]
    public void A_report_can_be_submitted_without_a_draft()
    {
        var outcome = Spec.Given().When(Submit(Figures, Text)).Then(Submitted);
        var report = outcome.StateAfter;
        Assert.Equal(ReportStatus.Submitted, report.Status);
        Assert.Equal(At, report.SubmittedAt);
        Assert.True(report.OnTime);
        Assert.Equal(Deadline, report.Deadline);
        Assert.Equal(12.5m, report.ValueOf(Forest));
    }

    [Fact]
    public void Submitting_a_draft_without_values_submits_the_draft() =>
        Spec.Given(Drafted).When(Submit()).Then(Submitted);

    [Fact]
    public void Values_on_submit_replace_the_drafts() =>
        Spec.Given(Drafted).When(Submit([new(Forest, 14m)], onTime: false))
            .Then(new ReportSubmitted(Unit, August, [new(Forest, 14m)], Text, At, false, Deadline, "clerk"));

    [Fact]
    public void A_returned_report_can_be_resubmitted()
    {
        var outcome = Spec.Given(History("returned")).When(Submit()).Then(Submitted);
        Assert.Null(outcome.StateAfter.ReturnReason);
    }

    [Fact]
    public void A_report_without_figures_cannot_be_submitted() =>
        Spec.Given().When(Submit()).ThenError("no-values", "values");

    [Fact]
    public void An_empty_value_list_cannot_be_submitted() =>
        Spec.Given(Drafted).When(Submit([])).ThenError("no-values");

    [Theory]
    [InlineData("submitted")]
    [InlineData("approved")]
    public void A_report_is_submitted_once_until_returned(string state) =>
        Spec.Given(History(state)).When(Submit(Figures)).ThenError("invalid-transition");

    [Fact]
    public void A_submission_names_each_indicator_once() =>
        Spec.Given().When(Submit([new(Forest, 1m), new(Forest, 3m)])).ThenError("duplicate-indicator", "values[1].indicator");

    // ReturnReport

    [Fact]
    public void A_submitted_report_can_be_returned_with_a_reason()
    {
        var outcome = Spec.Given(History("submitted")).When(Return()).Then(Returned);
        Assert.Equal(ReportStatus.Returned, outcome.StateAfter.Status);
        Assert.Equal(Returned.Reason, outcome.StateAfter.ReturnReason);
    }

    [Fact]
    public void Returning_needs_a_reason() =>
        Spec.Given(History("submitted")).When(Return(" ")).ThenError("reason-required", "reason");

    [Theory]
    [InlineData("none")]
    [InlineData("draft")]
    [InlineData("returned")]
    [InlineData("approved")]
    public void Only_a_submitted_report_can_be_returned(string state) =>
        Spec.Given(History(state)).When(Return()).ThenError("invalid-transition");

    // ApproveReport

    [Fact]
    public void A_submitted_report_can_be_approved()
    {
        var outcome = Spec.Given(History("submitted")).When(Approve()).Then(Approved);
        Assert.Equal(ReportStatus.Approved, outcome.StateAfter.Status);
    }

    [Fact]
    public void The_account_that_submitted_a_report_cannot_approve_it() =>
        Spec.Given(History("submitted")).When(new ApproveReport(Unit, August, "clerk", At))
            .ThenError(ErrorCodes.ApproverIsSubmitter);

    [Fact]
    public void A_report_resubmitted_by_another_account_can_be_approved_by_the_first_submitter() =>
        Spec.Given(Drafted, Submitted, Returned, Submitted with { SubmittedBy = "deputy" })
            .When(new ApproveReport(Unit, August, "clerk", At))
            .Then(Approved);

    [Fact]
    public void The_submitter_is_kept_in_the_report() =>
        Assert.Equal("clerk", Spec.Given().When(Submit(Figures)).StateAfter.SubmittedBy);

    [Theory]
    [InlineData("none")]
    [InlineData("draft")]
    [InlineData("returned")]
    [InlineData("approved")]
    public void Only_a_submitted_report_can_be_approved(string state) =>
        Spec.Given(History(state)).When(Approve()).ThenError("invalid-transition");

    // CorrectFigures

    [Fact]
    public void A_correction_records_only_the_changed_figures()
    {
        var outcome = Spec.Given(History("submitted"))
            .When(Correct([new(Patients, 300m), new(Forest, 15.158m), new(Revenue, 120m)]))
            .Then(new FiguresCorrected(Unit, August,
                [new(Revenue, null, 120m), new(Forest, 12.5m, 15.158m)], "Số liệu cập nhật từ trạm y tế"));
        Assert.Equal(15.158m, outcome.StateAfter.ValueOf(Forest));
        Assert.Equal(120m, outcome.StateAfter.ValueOf(Revenue));
        Assert.Equal(300m, outcome.StateAfter.ValueOf(Patients));
        Assert.Equal(ReportStatus.Submitted, outcome.StateAfter.Status);
    }

    [Fact]
    public void An_approved_report_stays_approved_when_corrected()
    {
        var outcome = Spec.Given(History("approved")).When(Correct([new(Forest, 13m)]))
            .Then(new FiguresCorrected(Unit, August, [new(Forest, 12.5m, 13m)], "Số liệu cập nhật từ trạm y tế"));
        Assert.Equal(ReportStatus.Approved, outcome.StateAfter.Status);
    }

    [Fact]
    public void A_correction_must_change_something() =>
        Spec.Given(History("approved")).When(Correct([new(Forest, 12.5m)])).ThenError("no-change", "values");

    [Fact]
    public void A_correction_needs_a_reason() =>
        Spec.Given(History("approved")).When(Correct([new(Forest, 13m)], reason: "")).ThenError("reason-required", "reason");

    [Fact]
    public void A_correction_names_each_indicator_once() =>
        Spec.Given(History("submitted")).When(Correct([new(Forest, 13m), new(Forest, 14m)])).ThenError("duplicate-indicator", "values[1].indicator");

    [Theory]
    [InlineData("none")]
    [InlineData("draft")]
    [InlineData("returned")]
    public void Only_submitted_or_approved_figures_are_corrected(string state) =>
        Spec.Given(History(state)).When(Correct([new(Forest, 13m)])).ThenError("invalid-transition");

    // Stream identity

    [Fact]
    public void A_command_for_another_unit_or_month_is_refused() =>
        Spec.Given(Drafted).When(new ApproveReport(Unit, new Month(2022, 9), "approver", At)).ThenError("wrong-stream");

    [Fact]
    public void Every_status_has_an_api_name() =>
        Assert.Equal(["none", "draft", "submitted", "returned", "approved"], Enum.GetValues<ReportStatus>().Select(s => s.ToApiString()));
}
