using System.Net;
using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Tests.Infrastructure;

namespace GovReport.Host.Tests;

public class ProductionTests(ProductionTests.ProductionFactory factory) : IClassFixture<ProductionTests.ProductionFactory>
{
    public sealed class ProductionFactory : TestEndpointsFactory
    {
        protected override string EnvironmentName => "Production";

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Auth:Issuer"] = "govreport";
            settings["Auth:SigningKeys:0"] = "a-production-key-supplied-by-the-environment";
        }
    }

    [Fact]
    public async Task A_500_outside_development_does_not_leak_the_exception()
    {
        var response = await factory.CreateClient(Roles.Admin).GetAsync("/api/test/boom");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "internal");
        Assert.DoesNotContain("secret internals", problem.GetRawText());
        Assert.DoesNotContain("InvalidOperationException", problem.GetRawText());
    }

    [Fact]
    public void Production_uses_the_key_from_its_environment_not_the_development_key()
    {
        Assert.Equal(["a-production-key-supplied-by-the-environment"], factory.AuthOptions.SigningKeys);
        Assert.Equal("govreport", factory.AuthOptions.Issuer);
    }
}

public class MisconfiguredProductionTests
{
    private sealed class NoKeyFactory : GovReportFactory
    {
        protected override string EnvironmentName => "Production";
    }

    [Fact]
    public async Task Production_without_a_signing_key_refuses_to_start()
    {
        await using var factory = new NoKeyFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains("Auth:SigningKeys", error.ToString());
        }
        finally
        {
            await ((IAsyncLifetime)factory).DisposeAsync();
        }
    }
}

public class KestrelTests(KestrelTests.KestrelFactory factory) : IClassFixture<KestrelTests.KestrelFactory>
{
    public sealed class KestrelFactory : TestEndpointsFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            UseKestrel(0);
            StartServer();
        }
    }

    [Fact]
    public async Task Kestrel_refuses_a_chunked_body_over_the_limit()
    {
        var client = factory.CreateClient(Roles.Admin);
        // Valid JSON as far as it goes, so the reader keeps reading past the limit.
        var json = System.Text.Encoding.UTF8.GetBytes("{\"name\":\"" + new string('a', 2 * 1024 * 1024) + "\"}");
        var content = new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/test/echo") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task Kestrel_refuses_a_declared_length_over_the_limit()
    {
        var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new("application/json");

        var response = await factory.CreateClient(Roles.Admin).PostAsync("/api/test/echo", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "too-large");
    }
}
