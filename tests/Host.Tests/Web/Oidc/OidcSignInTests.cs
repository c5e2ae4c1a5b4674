using System.Net;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.EventStore;
using GovReport.Domain;
using GovReport.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;
using static GovReport.Host.Tests.Web.Oidc.OidcFactory;

namespace GovReport.Host.Tests.Web.Oidc;

/// <summary>
/// The whole OpenID Connect round trip against a real provider on loopback: the sign-in page's
/// button, the provider's authorize redirect, the code exchanged with PKCE, and the session that
/// comes back, which the existing unit policies then judge as they judge a password session.
/// </summary>
public sealed class OidcSignInTests(OidcFactory factory) : IClassFixture<OidcFactory>
{
    private const string Button = "Dùng tài khoản tổ chức";

    private static readonly TestOidcProvider.User Reporter =
        new("alice-42", "Nguyễn Thị An", [ReporterGroup, "gr-nhan-vien"], [OwnDepartment]);

    private static readonly TestOidcProvider.User Unmapped = new("mallory-7", "Trần Văn Mạnh", [UnmappedGroup], [OwnDepartment]);

    [Fact]
    public async Task A_mapped_provider_user_gets_a_session_with_their_role_and_unit_and_lands_where_they_were_going()
    {
        var client = factory.BrowserClient();
        var exchanges = factory.Provider.VerifiedExchanges;

        var back = await SignInThroughProviderAsync(client, Reporter, returnUrl: $"/bao-cao/{OwnUnit}");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal($"/bao-cao/{OwnUnit}", back.Headers.Location!.OriginalString);
        Assert.Contains(back.Headers.GetValues("Set-Cookie"), c => c.StartsWith("govreport.session", StringComparison.Ordinal));
        Assert.Equal(exchanges + 1, factory.Provider.VerifiedExchanges);
        // The unit policy judges the session exactly as it judges a password one.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/bao-cao/{OwnUnit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/bao-cao/{OtherUnit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/quan-tri/tai-khoan")).StatusCode);

        // Who acts is the provider's subject, named with the provider, never a local username.
        var account = await client.PageAsync("/tai-khoan");
        var facts = account.Document.QuerySelectorAll("dl.facts dd").Select(d => d.TextContent.Trim()).ToList();
        var host = new Uri(factory.Provider.Authority).Authority;
        Assert.Equal([$"oidc:{host}:alice-42", "Cán bộ báo cáo", OwnUnit], facts);
    }

    [Fact]
    public async Task What_a_provider_user_saves_is_recorded_with_their_provider_subject_as_actor()
    {
        var client = factory.BrowserClient();
        await SignInThroughProviderAsync(client, Reporter);
        var now = DateTime.UtcNow;
        var month = new Month(now.Month == 1 ? now.Year - 1 : now.Year, now.Month == 1 ? 12 : now.Month - 1);
        var form = await client.PageAsync($"/bao-cao/{OwnUnit}/{month}");

        var saved = await client.PressAsync(form, "Lưu nháp", ($"Values[{Forest}]", "12,5"));

        Assert.Contains("Nháp", saved.Document.QuerySelector(".report-status")!.TextContent);
        var history = await factory.Services.GetRequiredService<PgEventStore>().ReadStreamAsync(StreamIds.Report(new UnitId(OwnUnit), month));
        var draft = Assert.Single(history);
        Assert.Equal($"oidc:{new Uri(factory.Provider.Authority).Authority}:alice-42", draft.Metadata.Actor);
    }

    [Fact]
    public async Task A_provider_user_whose_groups_map_to_no_role_is_refused_and_gets_no_session()
    {
        var client = factory.BrowserClient();

        var back = await SignInThroughProviderAsync(client, Unmapped);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.DoesNotContain(back.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith("govreport.session", StringComparison.Ordinal));
        var refusal = await client.PageAsync(back.Headers.Location!.OriginalString, ok: false);
        Assert.Equal(HttpStatusCode.Forbidden, refusal.Response.StatusCode);
        Assert.Contains("chưa được cấp vai trò", refusal.Document.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/bao-cao/{OwnUnit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/tai-khoan")).StatusCode);
    }

    [Fact]
    public async Task A_callback_that_no_challenge_started_is_turned_back_without_a_session()
    {
        var client = factory.BrowserClient();

        var forged = await client.GetAsync("/signin-oidc?code=stolen&state=made-up");

        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        var page = await client.PageAsync(forged.Headers.Location!.OriginalString);
        Assert.Contains("Không đăng nhập được bằng tài khoản tổ chức", page.Text);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/bao-cao/{OwnUnit}")).StatusCode);
    }

    /// <summary>What a browser does: press the button, visit the provider (which signs the user in at once), follow it back.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient client, TestOidcProvider.User user, string? returnUrl = null)
    {
        factory.Provider.NextUser = user;
        var login = await client.PageAsync(returnUrl is null ? "/dang-nhap" : $"/dang-nhap?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var button = login.Button(Button);
        var (action, _) = login.FormOf(button);

        var challenge = await client.PostAsync(action, new FormUrlEncodedContent(login.FieldsOf(button)));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(factory.Provider.Authority + "/authorize?", authorize.AbsoluteUri);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(TestOidcProvider.ClientId, query["client_id"].ToString());

        using var atProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var redirect = await atProvider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var callback = redirect.Headers.Location!;
        Assert.Equal("/signin-oidc", callback.AbsolutePath);
        return await client.GetAsync(callback.PathAndQuery);
    }
}

/// <summary>Without Auth:Oidc the sign-in page is what it always was, and the provider's routes do not exist.</summary>
public sealed class OidcOffTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    [Fact]
    public async Task Without_a_provider_there_is_no_button_and_no_challenge()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await client.PageAsync("/dang-nhap");

        Assert.DoesNotContain(login.Document.QuerySelectorAll("button"), b => b.TextContent.Contains("tổ chức", StringComparison.Ordinal));
        Assert.Single(login.Document.QuerySelectorAll("form"));
        var password = login.Button("Đăng nhập");
        var (_, token) = login.FormOf(password);
        var challenge = await client.PostAsync("/dang-nhap?handler=ToChuc",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/signin-oidc?code=x&state=y")).StatusCode);
    }
}
