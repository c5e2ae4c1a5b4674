namespace GovReport.Projections.Figures;

/// <summary>One figure: a unit's value for an indicator in a month ("2022-08").</summary>
public readonly record struct FigureKey(string Unit, string Indicator, string Month);
