using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using GovReport.Host.Features.Accounts;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Auth.Accounts;
using GovReport.Host.Tests.Reports;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Restructuring;

/// <summary>
/// After a merge an admin moves the communes' clerks to the new ward: their tokens and sessions
/// act for the ward, and what they filed before stays filed for their old commune.
/// </summary>
public sealed class AccountMoveTests(RestructuringFactory factory) : IClassFixture<RestructuringFactory>
{
    private HttpClient Admin => factory.ClientAs(Roles.Admin);

    private async Task AccountAsync(string username, string role, string unit)
    {
        var writer = factory.Services.GetRequiredService<AccountWriter>();
        var error = await writer.SetUpAsync(new AccountRequest(username, "mat-khau-du-dai-2025", [role], [unit], null), "test", CancellationToken.None);
        Assert.Null(error);
    }

    private async Task<string> MergedAsync(string p)
    {
        await Admin.UnitAsync($"tp-{p}", "city", null);
        await Admin.UnitAsync($"xa-{p}-1", "commune", $"tp-{p}");
        await Admin.UnitAsync($"xa-{p}-2", "commune", $"tp-{p}");
        await Admin.UnitAsync($"phuong-{p}", "ward", $"tp-{p}");
        await AccountAsync($"clerk-{p}-1", Roles.Reporter, $"xa-{p}-1");
        await AccountAsync($"clerk-{p}-2", Roles.Reporter, $"xa-{p}-2");
        await AccountAsync($"clerk-{p}-city", Roles.Approver, $"tp-{p}");
        var clerk = factory.ClientFor($"clerk-{p}-1", [Roles.Reporter], $"xa-{p}-1");
        Assert.Equal(HttpStatusCode.OK, (await clerk.SubmitAsync($"xa-{p}-1", "2025-06", (Forest, 2m))).StatusCode);
        return await Admin.RecordedAsync(new
        {
            kind = "merge", effectiveMonth = "2025-07", decision = "Nghị quyết 1683/NQ-UBTVQH15",
            predecessors = new[] { $"xa-{p}-1", $"xa-{p}-2" }, successor = $"phuong-{p}",
        });
    }

    [Fact]
    public async Task Moved_accounts_act_for_the_successor_and_their_earlier_reports_keep_the_old_unit()
    {
        var id = await MergedAsync("ac");
        // A token issued before the move names the old commune.
        var token = factory.ClientFor("clerk-ac-1", [Roles.Reporter], "xa-ac-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await token.SubmitAsync("phuong-ac", "2025-08", (Forest, 1m))).StatusCode);

        var response = await Admin.PostAsJsonAsync($"/api/restructurings/{id}/accounts", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("phuong-ac", moved.GetProperty("successor").GetString());
        Assert.Equal(["clerk-ac-1", "clerk-ac-2"], moved.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("username").GetString()!).ToArray());
        Assert.Equal("xa-ac-1", moved.GetProperty("accounts")[0].GetProperty("from")[0].GetString());

        // The same token now acts for the ward, and the account (what a session reads) holds the ward.
        Assert.Equal(HttpStatusCode.OK, (await token.SubmitAsync("phuong-ac", "2025-08", (Forest, 1m))).StatusCode);
        var account = await factory.Services.GetRequiredService<AccountDirectory>().FindAsync("clerk-ac-1");
        Assert.Equal(["phuong-ac"], account!.Units);
        var city = await factory.Services.GetRequiredService<AccountDirectory>().FindAsync("clerk-ac-city");
        Assert.Equal(["tp-ac"], city!.Units);

        // History keeps the unit every event was recorded for.
        var auditor = factory.ClientAs(Roles.Auditor);
        var june = (await auditor.GetFromJsonAsync<JsonElement>("/api/audit/events?stream=report-xa-ac-1-2025-06")).GetProperty("events")[0];
        Assert.Equal("xa-ac-1", june.GetProperty("data").GetProperty("unit").GetString());
        Assert.Equal("clerk-ac-1", june.GetProperty("actor").GetString());
        var august = (await auditor.GetFromJsonAsync<JsonElement>("/api/audit/events?stream=report-phuong-ac-2025-08")).GetProperty("events")[0];
        Assert.Equal("phuong-ac", august.GetProperty("data").GetProperty("unit").GetString());
        var accountEvents = (await auditor.GetFromJsonAsync<JsonElement>("/api/audit/events?stream=account-clerk-ac-1")).GetProperty("events");
        var move = accountEvents.EnumerateArray().Last();
        Assert.Equal("account_moved_to_successor", move.GetProperty("type").GetString());
        Assert.Equal(id, move.GetProperty("data").GetProperty("restructuring").GetString());

        // Asking again moves no one; a fresh replay equals the live models.
        var again = await (await Admin.PostAsJsonAsync($"/api/restructurings/{id}/accounts", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("accounts").GetArrayLength());
        var verify = await auditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verify.GetProperty("ok").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task Only_an_admin_moves_accounts_and_a_bad_request_changes_nothing()
    {
        var id = await MergedAsync("ab");
        var events = await factory.EventCountAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Planner).PostAsJsonAsync($"/api/restructurings/{id}/accounts", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientAs(Roles.Reporter, "phuong-ab").PostAsJsonAsync($"/api/restructurings/{id}/accounts", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsJsonAsync("/api/restructurings/rs-none/accounts", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync($"/api/restructurings/{id}/accounts", new { successor = "tp-ab" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsJsonAsync($"/api/restructurings/{id}/accounts", new { usernames = new[] { "clerk-ab-city" } })).StatusCode);
        Assert.Equal(events, await factory.EventCountAsync());

        // Named accounts only.
        var one = await (await Admin.PostAsJsonAsync($"/api/restructurings/{id}/accounts", new { usernames = new[] { "clerk-ab-2" } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("clerk-ab-2", one.GetProperty("accounts").EnumerateArray().Single().GetProperty("username").GetString());
        Assert.Equal(["xa-ab-1"], (await factory.Services.GetRequiredService<AccountDirectory>().FindAsync("clerk-ab-1"))!.Units);
    }
}
