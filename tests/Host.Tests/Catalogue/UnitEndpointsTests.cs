using System.Net;
using System.Net.Http.Headers;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests.Catalogue;

public class UnitEndpointsTests(GovReportFactory factory) : IClassFixture<GovReportFactory>
{
    private HttpClient Planner => factory.CreateClient(Roles.Planner);

    [Fact]
    public async Task Given_no_unit_when_a_planner_puts_one_then_it_is_registered_with_a_location_and_etag()
    {
        var response = await Planner.PutJsonAsync("/api/units/bac-kan",
            new { name = "UBND thành phố Bắc Kạn", kind = "city", block = "Kinh tế" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/units/bac-kan", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var unit = await response.ReadJsonAsync();
        Assert.Equal("bac-kan", unit.GetProperty("id").GetString());
        Assert.Equal("UBND thành phố Bắc Kạn", unit.GetProperty("name").GetString());
        Assert.Equal("city", unit.GetProperty("kind").GetString());
        Assert.Equal("Kinh tế", unit.GetProperty("block").GetString());
        Assert.Equal(1, unit.GetProperty("version").GetInt64());

        var read = await factory.CreateClient(Roles.Reporter, "bac-kan").GetAsync("/api/units/bac-kan");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal("UBND thành phố Bắc Kạn", (await read.ReadJsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Given_a_unit_when_the_same_put_is_repeated_then_it_answers_200_and_appends_nothing()
    {
        var body = new { name = "Phòng Nội vụ", kind = "department", block = "Nội chính" };
        await Planner.PutJsonAsync("/api/units/noi-vu", body);
        var before = await factory.EventCountAsync();

        var response = await Planner.PutJsonAsync("/api/units/noi-vu", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadJsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_unit_when_it_is_renamed_moved_and_reclassified_then_reads_show_the_change()
    {
        await Planner.EnsureUnitAsync("tinh-bk", "province");
        await Planner.EnsureUnitAsync("cho-moi", "district");
        await Planner.EnsureUnitAsync("xa-yen-don", "commune", parentId: "cho-moi");

        var response = await Planner.PutJsonAsync("/api/units/xa-yen-don",
            new { name = "Phường Yên Đôn", kind = "ward", parentId = "tinh-bk", block = "Văn hóa – Xã hội" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = await response.ReadJsonAsync();
        Assert.Equal(4, unit.GetProperty("version").GetInt64()); // registered, renamed, moved, reclassified
        Assert.Equal("ward", unit.GetProperty("kind").GetString());
        Assert.Equal("tinh-bk", unit.GetProperty("parentId").GetString());

        var parent = await (await Planner.GetAsync("/api/units/tinh-bk")).ReadJsonAsync();
        Assert.Contains("xa-yen-don", ApiTestSupport.Strings(parent.GetProperty("children")));
        var oldParent = await (await Planner.GetAsync("/api/units/cho-moi")).ReadJsonAsync();
        Assert.DoesNotContain("xa-yen-don", ApiTestSupport.Strings(oldParent.GetProperty("children")));
    }

    [Fact]
    public async Task Given_a_small_tree_when_any_role_reads_the_units_then_it_gets_nodes_with_children_and_the_roots()
    {
        await Planner.EnsureUnitAsync("tree-root", "city");
        await Planner.EnsureUnitAsync("tree-a", "commune", parentId: "tree-root");
        await Planner.EnsureUnitAsync("tree-b", "ward", parentId: "tree-root");

        var tree = await (await factory.CreateClient(Roles.Auditor).GetAsync("/api/units")).ReadJsonAsync();

        var root = tree.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "tree-root");
        Assert.Equal(["tree-a", "tree-b"], ApiTestSupport.Strings(root.GetProperty("children")));
        Assert.Contains("tree-root", ApiTestSupport.Strings(tree.GetProperty("roots")));
        Assert.DoesNotContain("tree-a", ApiTestSupport.Strings(tree.GetProperty("roots")));
        var leaf = tree.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("id").GetString() == "tree-a");
        Assert.Equal("tree-root", leaf.GetProperty("parentId").GetString());
        Assert.Equal(0, leaf.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task Given_no_such_unit_when_it_is_read_then_the_answer_is_a_404_problem()
    {
        await ProblemAssert.IsProblemAsync(await Planner.GetAsync("/api/units/khong-co"), HttpStatusCode.NotFound, "unit-not-found");
    }

    [Fact]
    public async Task Given_a_malformed_unit_id_when_it_is_read_then_the_answer_names_unitId()
    {
        var problem = await ProblemAssert.IsProblemAsync(await Planner.GetAsync("/api/units/Bac_Kan"), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["unitId"], ApiTestSupport.ErrorFields(problem));
    }

    [Theory]
    [InlineData("Bac_Kan", """{"name":"x","kind":"city"}""", "unitId")]
    [InlineData("bad-name", """{"kind":"city"}""", "name")]
    [InlineData("bad-name", """{"name":"   ","kind":"city"}""", "name")]
    [InlineData("bad-kind", """{"name":"x"}""", "kind")]
    [InlineData("bad-kind", """{"name":"x","kind":"village"}""", "kind")]
    [InlineData("bad-type", """{"name":42,"kind":"city"}""", "name")]
    [InlineData("bad-parent", """{"name":"x","kind":"city","parentId":"NOT A SLUG"}""", "parentId")]
    [InlineData("bad-parent", """{"name":"x","kind":"city","parentId":"no-such-parent"}""", "parentId")]
    [InlineData("bad-parent", """{"name":"x","kind":"city","parentId":"bad-parent"}""", "parentId")]
    [InlineData("bad-block", """{"name":"x","kind":"city","block":"BLOCK_TOO_LONG"}""", "block")]
    [InlineData("no-body", "", "body")]
    [InlineData("null-body", "null", "body")]
    [InlineData("not-json", "[1,2]", "body")]
    public async Task Given_a_bad_unit_put_when_it_is_sent_then_it_is_a_400_naming_the_field_and_appends_nothing(
        string unitId, string json, string field)
    {
        var client = Planner;
        var before = await factory.EventCountAsync();

        var response = await client.PutAsync($"/api/units/{unitId}",
            ApiTestSupport.Json(json.Replace("BLOCK_TOO_LONG", new string('k', 101))));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(field, ApiTestSupport.ErrorFields(problem));
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_body_missing_several_fields_when_it_is_put_then_each_is_named()
    {
        var response = await Planner.PutAsync("/api/units/many-bad", ApiTestSupport.Json("""{"name":"","kind":""}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["kind", "name"], ApiTestSupport.ErrorFields(problem));
    }

    [Fact]
    public async Task Given_a_chain_when_the_top_is_moved_beneath_its_own_descendant_then_it_is_a_400_and_nothing_changes()
    {
        await Planner.EnsureUnitAsync("cyc-a", "city");
        await Planner.EnsureUnitAsync("cyc-b", "district", parentId: "cyc-a");
        await Planner.EnsureUnitAsync("cyc-c", "commune", parentId: "cyc-b");
        var before = await factory.EventCountAsync();

        var response = await Planner.PutJsonAsync("/api/units/cyc-a", new { name = "Đơn vị cyc-a", kind = "city", parentId = "cyc-c" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["parentId"], ApiTestSupport.ErrorFields(problem));
        Assert.Equal(before, await factory.EventCountAsync());
        var top = await (await Planner.GetAsync("/api/units/cyc-a")).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, top.GetProperty("parentId").ValueKind);
    }

    

    [Fact]
    public async Task Given_a_unit_when_it_is_put_with_a_stale_if_match_then_it_is_a_412_and_nothing_changes()
    {
        await Planner.EnsureUnitAsync("etag-unit", "district");
        await Planner.PutJsonAsync("/api/units/etag-unit", new { name = "Tên mới", kind = "district" });
        var before = await factory.EventCountAsync();

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/units/etag-unit")
        {
            Content = ApiTestSupport.Json("""{"name":"Tên khác","kind":"district"}"""),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await ProblemAssert.IsProblemAsync(await Planner.SendAsync(stale), HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(before, await factory.EventCountAsync());

        var current = new HttpRequestMessage(HttpMethod.Put, "/api/units/etag-unit")
        {
            Content = ApiTestSupport.Json("""{"name":"Tên khác","kind":"district"}"""),
        };
        current.Headers.IfMatch.Add(new EntityTagHeaderValue("\"2\""));
        var response = await Planner.SendAsync(current);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Given_no_token_when_a_unit_is_put_or_read_then_it_is_a_401()
    {
        var anonymous = factory.CreateClient();

        await ProblemAssert.IsProblemAsync(
            await anonymous.PutAsync("/api/units/anon", ApiTestSupport.Json("""{"name":"x","kind":"city"}""")),
            HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/api/units"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData(Roles.Reporter)]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Planner + "," + Roles.Auditor)]
    public async Task Given_a_role_that_may_not_change_the_catalogue_when_it_puts_a_unit_then_it_is_a_403(string roles)
    {
        var client = factory.CreateClient(roles.Split(','), ["forbidden-unit"]);
        var before = await factory.EventCountAsync();

        var response = await client.PutAsync("/api/units/forbidden-unit", ApiTestSupport.Json("""{"name":"x","kind":"city"}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_an_admin_when_it_puts_a_unit_then_it_is_allowed_and_the_event_names_the_actor()
    {
        var client = factory.CreateClient([Roles.Admin], [], "admin-hoa");

        var response = await client.PutJsonAsync("/api/units/admin-unit", new { name = "x", kind = "centre" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var connection = new Npgsql.NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT metadata->>'actor' FROM es.events WHERE stream_id = 'unit-admin-unit'", connection);
        Assert.Equal("admin-hoa", await command.ExecuteScalarAsync());
    }
}
