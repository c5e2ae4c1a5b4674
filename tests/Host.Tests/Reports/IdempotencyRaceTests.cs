using System.Net;
using System.Net.Http.Json;
using GovReport.Host.Infrastructure.Auth;
using static GovReport.Host.Tests.Reports.ReportTestData;

namespace GovReport.Host.Tests.Reports;

public class IdempotencyRaceTests(ReportsFactory factory) : IClassFixture<ReportsFactory>
{
    [Fact]
    public async Task Given_copies_of_one_write_racing_with_one_key_then_each_gets_the_first_answer_and_one_is_appended()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        HttpRequestMessage Request()
        {
            // A submit, not a draft: without the key, every copy after the first would be a 409.
            var request = new HttpRequestMessage(HttpMethod.Post, ReportRequests.PathOf(Commune, "2022-05", "submit"))
            {
                Content = JsonContent.Create(ReportRequests.Figures((Forest, 9m))),
            };
            request.Headers.Add("Idempotency-Key", "submit-2022-05-race");
            return request;
        }
        var before = await factory.EventCountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => reporter.SendAsync(Request()))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(before + 1, await factory.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_key_reused_for_another_request_then_it_is_refused_and_nothing_is_appended()
    {
        var reporter = factory.ClientAs(Roles.Reporter, Commune);
        HttpRequestMessage Request(decimal value)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, ReportRequests.PathOf(Commune, "2022-04"))
            {
                Content = JsonContent.Create(ReportRequests.Figures((Forest, value))),
            };
            request.Headers.Add("Idempotency-Key", "draft-2022-04");
            return request;
        }
        Assert.Equal(HttpStatusCode.OK, (await reporter.SendAsync(Request(1m))).StatusCode);
        var before = await factory.EventCountAsync();

        var reused = await reporter.SendAsync(Request(2m));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(before, await factory.EventCountAsync());
    }
}
