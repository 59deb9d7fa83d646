using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace FinanceBuilder.OpenLoad;

/// What a person's browser does on the wizard, over any HttpClient (a real server on loopback or
/// the app in memory): create the first account with create-admin's one-time link, import a
/// sample, open a step page and autosave its form the way wizard.js does.
public static class WizardClient
{
    public const string Password = "a long benchmark passphrase";

    /// The steps autosaved and the answer each autosave changes: a long text, a calculator input
    /// of the first mitigation measure (its panels are recomputed), the first cost item's amount in 2028 (budget grid).
    public static readonly IReadOnlyList<(string Step, string Field)> Edits =
    [
        ("narratives", "narratives.theoryOfChange"),
        ("mitigation", "mitigationMeasures[0].gridElectricity.generation.specificYield"),
        ("budget", "budget.grid[0].y2028"),
    ];

    /// The setup form behind create-admin's link: names the organisation, creates the platform
    /// administrator and signs them in (the client keeps the session cookie).
    public static async Task SetUpAdminAsync(HttpClient client, string setupPath, string email)
    {
        var page = await client.GetStringAsync(new Uri(setupPath, UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["organisationName"] = "Bench municipality",
            ["kind"] = "Municipality",
            ["displayName"] = "Bench",
            ["email"] = email,
            ["password"] = Password,
            ["__RequestVerificationToken"] = Token(Parse(page)),
        });
        using var response = await client.PostAsync(new Uri(setupPath, UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"account setup answered {(int)response.StatusCode}, not 302");
    }

    public static async Task<Guid> ImportAsync(HttpClient client, byte[] json)
    {
        using var body = new ByteArrayContent(json);
        body.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync(new Uri("/api/proposals", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Created || response.Headers.Location is not { } location)
            throw new InvalidOperationException($"import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Guid.Parse(location.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public static async Task<StepForm> OpenStepAsync(HttpClient client, Guid id, string step, string field)
    {
        using var response = await client.GetAsync(new Uri($"/proposals/{id}/{step}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET /proposals/{id}/{step} answered {(int)response.StatusCode}");
        return StepForm.Read(Parse(html), step, field);
    }

    /// Posts an autosave; returns the reply's status ("saved", "conflict", "invalid", "expired")
    /// and version, or null status when the reply was not the page's JSON.
    public static async Task<(int Code, string? Status, int? Version)> AutosaveAsync(HttpClient client, StepForm form, int version, int revision, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, form.AutosaveUrl) { Content = form.Body(version, revision) };
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await client.SendAsync(request, ct);
        var code = (int)response.StatusCode;
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
            return (code, null, null);
        using var reply = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var root = reply.RootElement;
        return (code, root.GetProperty("status").GetString(), root.TryGetProperty("version", out var v) ? v.GetInt32() : null);
    }

    internal static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    internal static string Token(IHtmlDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("the page has no antiforgery token");
}

/// A step page's form as wizard.js posts it for autosave (every field but the button), with one
/// answer changed at each revision so every autosave really writes.
public sealed class StepForm
{
    private readonly List<KeyValuePair<string, string>> fields;
    private readonly string field;
    private readonly string original;
    private readonly decimal? number;

    private StepForm(string step, Uri autosaveUrl, List<KeyValuePair<string, string>> fields, string field, int version)
    {
        Step = step;
        AutosaveUrl = autosaveUrl;
        this.fields = fields;
        this.field = field;
        Version = version;
        original = fields.FirstOrDefault(f => f.Key == field).Value
            ?? throw new InvalidOperationException($"step {step} has no field {field}; fields: {string.Join(", ", fields.Select(f => f.Key).Take(40))}");
        number = decimal.TryParse(original.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public string Step { get; }
    public Uri AutosaveUrl { get; }
    /// The version the page was read from.
    public int Version { get; }
    public int FieldCount => fields.Count;

    internal static StepForm Read(IHtmlDocument page, string step, string field)
    {
        var form = page.QuerySelector("form[data-autosave]") as IHtmlFormElement
            ?? throw new InvalidOperationException($"step {step}: no autosave form on the page");
        var list = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "action" || element.HasAttribute("disabled"))
                continue;
            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToUpperInvariant();
                    if (type is "SUBMIT" or "BUTTON" or "RESET" or "IMAGE" or "FILE")
                        continue;
                    if (type is not ("CHECKBOX" or "RADIO") || input.HasAttribute("checked"))
                        list.Add(new(name, input.GetAttribute("value") ?? (type is "CHECKBOX" or "RADIO" ? "on" : "")));
                    break;
                case IHtmlTextAreaElement area:
                    list.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.HasAttribute("selected")).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                        chosen.Add(select.Options[0]!);
                    list.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.GetAttribute("value") ?? o.TextContent)));
                    break;
            }
        }
        var autosave = form.GetAttribute("data-autosave")!;
        var url = new Uri(autosave + (autosave.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Autosave", UriKind.Relative);
        var version = int.Parse(list.First(f => f.Key == "version").Value, CultureInfo.InvariantCulture);
        return new StepForm(step, url, list, field, version);
    }

    /// The form with the version the last reply gave and the changed answer of this revision:
    /// a text gets the revision appended, a number alternates between its value and one more.
    public FormUrlEncodedContent Body(int version, int revision)
    {
        var value = number is { } n
            ? (n + revision % 2).ToString(CultureInfo.InvariantCulture)
            : original + " (revision " + revision.ToString(CultureInfo.InvariantCulture) + ")";
        return new FormUrlEncodedContent(fields.Select(f => f.Key switch
        {
            "version" => new KeyValuePair<string, string>(f.Key, version.ToString(CultureInfo.InvariantCulture)),
            _ when f.Key == field => new KeyValuePair<string, string>(f.Key, value),
            _ => f,
        }));
    }
}
