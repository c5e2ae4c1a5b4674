namespace GovReport.Domain;
