using System.Globalization;
using GovReport.Domain.Periods;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovReport.Host.Features.Periods;

/// <summary>
/// The deployment's reporting calendar, from configuration section <c>Calendar</c>:
/// <c>Convention</c> (<c>CalendarMonths</c>, the default, or <c>Decree09</c>),
/// <c>DeadlineWorkingDays</c> per level (<c>Commune</c>, <c>Department</c>, <c>District</c>, <c>City</c>,
/// <c>Province</c>; unset levels keep their defaults) and <c>Holidays</c> (yyyy-MM-dd).
/// </summary>
public sealed class CalendarSettings
{
    public const string Section = "Calendar";

    public string? Convention { get; set; }
    public Dictionary<string, int> DeadlineWorkingDays { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> Holidays { get; set; } = [];

    /// <summary>The domain's options, or every reason the configuration cannot give them.</summary>
    internal (CalendarOptions? Options, IReadOnlyList<string> Problems) ToOptions()
    {
        var problems = new List<string>();
        var convention = CalendarConvention.CalendarMonths;
        if (!string.IsNullOrWhiteSpace(Convention)
            && !(Enum.TryParse(Convention.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out convention)
                 && Enum.IsDefined(convention)))
            problems.Add($"{Section}:Convention '{Convention}' is not CalendarMonths or Decree09.");

        var days = new Dictionary<UnitLevel, int>(CalendarOptions.DefaultDeadlineWorkingDays);
        foreach (var (name, count) in DeadlineWorkingDays)
        {
            if (!Enum.TryParse<UnitLevel>(name, ignoreCase: true, out var level) || !Enum.IsDefined(level))
                problems.Add($"{Section}:DeadlineWorkingDays:{name} is not a level; use {string.Join(", ", Enum.GetNames<UnitLevel>())}.");
            else if (count is < 1 or > 60)
                problems.Add($"{Section}:DeadlineWorkingDays:{name} is {count}; a deadline is 1 to 60 working days after the cut-off.");
            else days[level] = count;
        }

        var holidays = new HashSet<DateOnly>();
        foreach (var text in Holidays)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) holidays.Add(day);
            else problems.Add($"{Section}:Holidays entry '{text}' is not a date yyyy-MM-dd.");
        }

        return problems.Count > 0 ? (null, problems) : (new CalendarOptions(convention, days, holidays), problems);
    }
}

public static class CalendarSetup
{
    /// <summary>
    /// Registers the one <see cref="ReportingCalendar"/> every feature decides windows, deadlines and
    /// timeliness with. A bad <c>Calendar</c> section stops the host at start-up rather than
    /// letting it judge submissions late or on time by a calendar nobody configured.
    /// </summary>
    public static IServiceCollection AddReportingCalendar(this IServiceCollection services)
    {
        services.AddOptions<CalendarSettings>().BindConfiguration(CalendarSettings.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CalendarSettings>, CalendarSettingsValidator>());
        services.TryAddSingleton(sp =>
            new ReportingCalendar(sp.GetRequiredService<IOptions<CalendarSettings>>().Value.ToOptions().Options!));
        return services;
    }
}

internal sealed class CalendarSettingsValidator : IValidateOptions<CalendarSettings>
{
    public ValidateOptionsResult Validate(string? name, CalendarSettings options) =>
        options.ToOptions().Problems is { Count: > 0 } problems
            ? ValidateOptionsResult.Fail(problems)
            : ValidateOptionsResult.Success;
}
