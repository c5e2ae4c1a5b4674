using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace GovReport.Host.Tests.Web;

/// <summary>Pages read as a browser reads them: parsed HTML, forms posted with their own antiforgery token.</summary>
internal static class WebForms
{
    private static readonly HtmlParser Parser = new();

    public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document)
    {
        public string Text => Document.Body?.TextContent ?? "";

        /// <summary>The control whose &lt;label for&gt; reads <paramref name="label"/> (its accessible name starts with it).</summary>
        public IElement Labelled(string label)
        {
            var labels = Document.QuerySelectorAll("label").Where(l => l.TextContent.Trim().StartsWith(label, StringComparison.Ordinal)).ToList();
            var found = Assert.Single(labels, l => l.GetAttribute("for") is not null);
            return Document.GetElementById(found.GetAttribute("for")!) ?? throw new Xunit.Sdk.XunitException($"label '{label}' names no control");
        }

        public IElement Button(string text) =>
            Assert.Single(Document.QuerySelectorAll("button"), b => b.TextContent.Trim() == text);

        /// <summary>The form holding the button, its antiforgery token and where the button posts.</summary>
        public (string Action, string Token) FormOf(IElement button)
        {
            var form = button.Closest("form") ?? throw new Xunit.Sdk.XunitException("the button is in no form");
            var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            Assert.False(string.IsNullOrEmpty(token), "every form carries an antiforgery token");
            var action = button.GetAttribute("formaction") ?? form.GetAttribute("action") ?? Response.RequestMessage!.RequestUri!.PathAndQuery;
            return (action, token!);
        }

        /// <summary>The form's own fields (hidden ones included), as a browser would send them.</summary>
        public Dictionary<string, string> FieldsOf(IElement button)
        {
            var form = button.Closest("form")!;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var input in form.QuerySelectorAll("input[name], textarea[name]"))
                fields[input.GetAttribute("name")!] = input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? "";
            return fields;
        }
    }

    public static async Task<Page> PageAsync(this HttpClient client, string path, bool ok = true)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        if (ok) Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
        return new Page(response, Parser.ParseDocument(html));
    }

    /// <summary>Presses the button: posts its form's fields, overridden by <paramref name="changes"/>.</summary>
    public static async Task<Page> PressAsync(this HttpClient client, Page page, string button, params (string Name, string Value)[] changes)
    {
        var element = page.Button(button);
        var (action, _) = page.FormOf(element);
        var fields = page.FieldsOf(element);
        foreach (var (name, value) in changes) fields[name] = value;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        // Post, redirect, get: a saved form answers with a redirect to the page that shows it.
        if (response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.SeeOther)
            return await client.PageAsync(response.Headers.Location!.OriginalString);
        return new Page(response, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
