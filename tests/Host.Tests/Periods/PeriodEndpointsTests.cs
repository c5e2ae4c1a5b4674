using System.Net;
using GovReport.Domain.Periods;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Features.Periods;
using GovReport.Host.Tests.Catalogue;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GovReport.Host.Tests.Periods;

public class PeriodEndpointsTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    [Theory]
    [InlineData("2022-08", "2022-08", "month", "2022-08-01", "2022-08-31", "Tháng 8/2022")]
    [InlineData("202208", "2022-08", "month", "2022-08-01", "2022-08-31", "Tháng 8/2022")]
    [InlineData("2022Q3", "2022Q3", "quarter", "2022-07-01", "2022-09-30", "Quý III/2022")]
    [InlineData("2022S1", "2022S1", "half", "2022-01-01", "2022-06-30", "6 tháng đầu năm 2022")]
    [InlineData("2022S2", "2022S2", "half", "2022-07-01", "2022-12-31", "6 tháng cuối năm 2022")]
    [InlineData("2022", "2022", "year", "2022-01-01", "2022-12-31", "Năm 2022")]
    public async Task Given_a_period_id_in_any_accepted_form_when_it_is_read_then_it_answers_the_canonical_period_and_its_label(
        string periodId, string id, string kind, string start, string end, string label)
    {
        var period = await (await factory.CreateClient(Roles.Reporter, "bac-kan").GetAsync($"/api/periods/{periodId}")).ReadJsonAsync();

        Assert.Equal(id, period.GetProperty("id").GetString());
        Assert.Equal(kind, period.GetProperty("kind").GetString());
        Assert.Equal(start, period.GetProperty("start").GetString());
        Assert.Equal(end, period.GetProperty("end").GetString());
        Assert.Equal(label, period.GetProperty("label").GetString());
        // Calendar months are the default convention: the data window is the period itself.
        Assert.Equal("calendar-months", period.GetProperty("convention").GetString());
        Assert.Equal(start, period.GetProperty("dataWindow").GetProperty("from").GetString());
        Assert.Equal(end, period.GetProperty("dataWindow").GetProperty("to").GetString());
    }

    [Fact]
    public async Task Given_the_default_calendar_when_a_month_is_read_then_each_level_has_its_working_day_deadline()
    {
        var period = await (await factory.CreateClient(Roles.Auditor).GetAsync("/api/periods/2022-08")).ReadJsonAsync();

        // August 2022 ends on a Wednesday: 3, 5 and 10 working days later, skipping weekends.
        var deadlines = period.GetProperty("deadlines");
        Assert.Equal("2022-09-05", deadlines.GetProperty("commune").GetString());
        Assert.Equal("2022-09-07", deadlines.GetProperty("department").GetString());
        Assert.Equal("2022-09-14", deadlines.GetProperty("district").GetString());
        Assert.Equal("2022-09-14", deadlines.GetProperty("city").GetString());
        Assert.Equal("2022-09-14", deadlines.GetProperty("province").GetString());
        Assert.Equal(["2022-08"], ApiTestSupport.Strings(period.GetProperty("months")));
    }

    [Theory]
    [InlineData("2022-13")]
    [InlineData("2022-8")]
    [InlineData("22Q3")]
    [InlineData("2022Q5")]
    [InlineData("2022S3")]
    [InlineData("thang-8")]
    public async Task Given_a_malformed_period_id_when_it_is_read_then_it_is_a_400_naming_periodId_and_the_expected_forms(string periodId)
    {
        var response = await factory.CreateClient(Roles.Planner).GetAsync($"/api/periods/{periodId}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["periodId"], ApiTestSupport.ErrorFields(problem));
        var message = problem.GetProperty("errors").GetProperty("periodId")[0].GetString();
        Assert.Contains("2022-08", message);
        Assert.Contains("2022Q3", message);
        Assert.Contains("2022S1", message);
    }

    [Fact]
    public async Task Given_no_token_when_a_period_is_read_then_it_is_a_401()
    {
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().GetAsync("/api/periods/2022-08"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public void Given_no_calendar_section_when_the_host_starts_then_the_calendar_is_calendar_months()
    {
        var calendar = factory.Services.GetRequiredService<ReportingCalendar>();

        Assert.Equal(CalendarConvention.CalendarMonths, calendar.Options.Convention);
    }

    [Fact]
    public void Given_a_bad_calendar_section_when_it_is_validated_then_every_problem_is_named()
    {
        var settings = new CalendarSettings
        {
            Convention = "Lunar",
            DeadlineWorkingDays = new(StringComparer.OrdinalIgnoreCase) { ["Hamlet"] = 3, ["Commune"] = 0 },
            Holidays = ["02/09/2022"],
        };

        var result = new CalendarSettingsValidator().Validate(null, settings);

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Convention", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Hamlet", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Commune", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("02/09/2022", StringComparison.Ordinal));
    }
}

/// <summary>A deployment on the Decree 09/2019/NĐ-CP calendar with its own deadlines and a holiday.</summary>
public class Decree09Factory : GovReportFactory
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Calendar:Convention"] = "Decree09";
        settings["Calendar:DeadlineWorkingDays:Commune"] = "3";
        settings["Calendar:DeadlineWorkingDays:Province"] = "8";
        settings["Calendar:Holidays:0"] = "2022-09-15";
    }
}

public class Decree09PeriodTests(Decree09Factory factory) : IClassFixture<Decree09Factory>
{
    [Theory]
    [InlineData("2022-09", "2022-08-15", "2022-09-14")]
    [InlineData("2022Q3", "2022-06-15", "2022-09-14")]
    [InlineData("2022S1", "2021-12-15", "2022-06-14")]
    [InlineData("2022S2", "2022-06-15", "2022-12-14")]
    [InlineData("2022", "2021-12-15", "2022-12-14")]
    public async Task Given_the_decree_09_calendar_when_a_period_is_read_then_its_data_window_is_cut_off_on_the_14th(
        string periodId, string from, string to)
    {
        var period = await (await factory.CreateClient(Roles.Approver, "bac-kan").GetAsync($"/api/periods/{periodId}")).ReadJsonAsync();

        Assert.Equal("decree-09", period.GetProperty("convention").GetString());
        Assert.Equal(from, period.GetProperty("dataWindow").GetProperty("from").GetString());
        Assert.Equal(to, period.GetProperty("dataWindow").GetProperty("to").GetString());
    }

    [Fact]
    public async Task Given_a_configured_holiday_when_a_deadline_falls_across_it_then_the_holiday_is_not_counted()
    {
        var period = await (await factory.CreateClient(Roles.Planner).GetAsync("/api/periods/2022-09")).ReadJsonAsync();

        // The window closes Wednesday 14 September; the 15th is a holiday, so three working days end on Tuesday the 20th.
        var deadlines = period.GetProperty("deadlines");
        Assert.Equal("2022-09-20", deadlines.GetProperty("commune").GetString());
        Assert.Equal("2022-09-27", deadlines.GetProperty("province").GetString());
        Assert.Equal("2022-09-22", deadlines.GetProperty("department").GetString()); // default 5 working days
    }

    [Fact]
    public void Given_the_calendar_section_when_other_features_resolve_the_calendar_then_they_get_the_configured_one()
    {
        var calendar = factory.Services.GetRequiredService<ReportingCalendar>();

        Assert.Equal(CalendarConvention.Decree09, calendar.Options.Convention);
        using var scope = factory.Services.CreateScope();
        Assert.Same(calendar, scope.ServiceProvider.GetRequiredService<ReportingCalendar>());
        Assert.Equal(new DateOnly(2022, 9, 20), calendar.Deadline(Month.Parse("2022-09"), UnitLevel.Commune));
    }
}
