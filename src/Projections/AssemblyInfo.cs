namespace GovReport.Projections;
