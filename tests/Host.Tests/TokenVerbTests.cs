using GovReport.Host.Infrastructure.Auth;
using GovReport.Host.Infrastructure.Cli;

namespace GovReport.Host.Tests;

public class TokenVerbTests
{
    [Fact]
    public async Task Prints_only_a_token_valid_for_the_development_configuration()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = TokenVerb.Run(["--role", "admin", "--role", "planner", "--unit", "bac-kan", "--sub", "lan", "--hours", "2", "--environment", "Development"], stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
        var token = stdout.ToString().TrimEnd('\n', '\r');
        Assert.Matches(@"^[\w-]+\.[\w-]+\.[\w-]+$", token);
        var result = await TokenIssuer.ValidateAsync(TokenVerb.LoadOptions("Development"), token, TimeProvider.System);
        Assert.True(result.IsValid);
        Assert.Equal("lan", result.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(["admin", "planner"], result.ClaimsIdentity.FindAll("role").Select(c => c.Value));
        Assert.Equal("govreport-dev", result.Issuer);
    }

    [Theory]
    [InlineData("--role", "boss")]
    [InlineData("--unit", "bac-kan")]
    [InlineData("--role", "admin", "--hours", "soon")]
    [InlineData("--role", "admin", "--bogus", "x")]
    [InlineData("--role")]
    public void Bad_arguments_exit_with_2_and_print_nothing_on_stdout(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        Assert.Equal(2, TokenVerb.Run(args, stdout, stderr));
        Assert.Equal("", stdout.ToString());
        Assert.NotEqual("", stderr.ToString());
    }

    [Fact]
    public void Production_configuration_has_no_signing_key()
    {
        Assert.Empty(TokenVerb.LoadOptions("Production").SigningKeys);
        Assert.Equal(2, TokenVerb.Run(["--role", "admin", "--environment", "Production"], new StringWriter(), new StringWriter()));
    }

    [Fact]
    public async Task An_unknown_verb_exits_with_2()
    {
        Assert.Equal(2, await Verbs.RunAsync(["frobnicate"]));
    }
}
