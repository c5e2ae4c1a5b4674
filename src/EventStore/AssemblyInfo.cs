namespace GovReport.EventStore;
