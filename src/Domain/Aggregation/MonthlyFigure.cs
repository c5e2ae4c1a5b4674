using GovReport.Domain.Periods;

namespace GovReport.Domain.Aggregation;

public sealed record MonthlyFigure(Month Month, decimal Value);
