using GovReport.Domain.Reports;

namespace GovReport.Benchmarks.SideBySide.MartenSide;

/// <summary>
/// The report aggregate as an inline snapshot: what FetchForWriting hands the decider, and what
/// a user reads back at once (our side's rm.reports row). The domain's own fold does the work.
/// </summary>
public sealed class ReportSnapshot
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public MonthlyReport State { get; set; } = ReportDecider.Initial;

    public void Apply(DraftSaved e) => State = ReportDecider.Evolve(State, e);
    public void Apply(ReportSubmitted e) => State = ReportDecider.Evolve(State, e);
    public void Apply(ReportReturned e) => State = ReportDecider.Evolve(State, e);
    public void Apply(ReportApproved e) => State = ReportDecider.Evolve(State, e);
    public void Apply(FiguresCorrected e) => State = ReportDecider.Evolve(State, e);
}
