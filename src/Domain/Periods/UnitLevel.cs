namespace GovReport.Domain.Periods;

/// <summary>The level of the reporting chain a unit sits at; each level has its own deadline.</summary>
public enum UnitLevel { Commune, Department, District, City, Province }
