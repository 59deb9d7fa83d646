using System.Text.Json;
using FinanceBuilder.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// The screen never contradicts the saved answers: on every page of the wizard, a change to one
/// question of each kind (text, number, narrative, choice in a list, radio, checkbox, list rows,
/// calculator inputs, budget lines), once autosave has answered, leaves the page showing exactly
/// what a reload shows — every error under a question, every check, panel, total and status. The
/// same without JavaScript after pressing Enter to save.
[Collection("browser")]
public sealed class LiveTruthTests(Browsers browsers)
{
    // Picks one control of each kind that does not reload the page (data-refresh), and what to
    // type or choose there: [{ id, kind, value }].
    private const string PickControls = """
        () => {
          const form = document.querySelector('form[data-autosave]');
          if (!form) return [];
          const usable = el => el.id && !el.disabled && el.offsetParent !== null && !el.hasAttribute('data-refresh') && !el.closest('details:not([open])');
          const picks = [], kinds = {};
          const take = (kind, el, value) => { if (!kinds[kind]) { kinds[kind] = 1; picks.push({ id: el.id, kind, value }); } };
          for (const el of form.querySelectorAll('input, textarea, select')) {
            if (!usable(el)) continue;
            const mode = el.getAttribute('inputmode');
            if (el.tagName === 'TEXTAREA') take('narrative', el, (el.value + ' Checked again with the residents.').slice(0, +el.maxLength > 0 ? +el.maxLength : 20000));
            else if (el.tagName === 'SELECT') {
              const other = [...el.options].find(o => o.value && !o.selected);
              if (other) take('select', el, other.value);
            }
            else if (el.type === 'radio' && !el.checked) take('radio', el, '');
            else if (el.type === 'checkbox') take('checkbox', el, '');
            else if (el.type === 'text' && (mode === 'decimal' || mode === 'numeric') && !el.classList.contains('input--4')) {
              const row = el.closest('tr') ? 'row-number' : 'number';
              take(row, el, String(1200 + picks.length * 17));
            }
            else if (el.type === 'text' && !mode && el.classList.contains('input--full')) take('text', el, (el.value + ' (revised)').slice(0, +el.maxLength || 500));
          }
          return picks;
        }
        """;

    // Every part of the page that depends on the answers, as the page shows it now.
    private const string Snapshot = """
        () => JSON.stringify({
          live: [...document.querySelectorAll('[data-live]')].map(e => [e.getAttribute('data-live'), e.innerHTML]),
          errors: [...document.querySelectorAll('.field--error[data-field]')].map(e => e.getAttribute('data-field')),
          invalid: [...document.querySelectorAll('[aria-invalid=true]')].map(e => e.id),
        })
        """;

    public static TheoryData<string> Samples => new() { "mitigation-tamale-solar-led.json", "adaptation-cotonou-drainage-fr.json", "ppf-saint-louis-coastal-fr.json" };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task EveryPage_AfterAutosave_ReadsAsAReload(string sample)
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "live-" + Path.GetFileNameWithoutExtension(sample));
        var id = await ImportAsync(page, sample);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var steps = await StepsAsync(driver, id);
        Assert.True(steps.Count > 15, $"only {steps.Count} pages found");

        foreach (var step in steps)
        {
            await driver.GoAsync(step);
            var picks = await page.EvaluateAsync<Pick[]>(PickControls);
            if (picks.Length == 0)
                continue;
            // Each change is one fill or choice, so autosave need not wait for typing to pause:
            // a short delay saves about 40 s over the three samples' 300 changes.
            await page.EvaluateAsync("() => { document.querySelector('form[data-autosave]').dataset.autosaveDelay = '25'; }");
            var saved = true;
            foreach (var pick in picks)
            {
                kinds.Add(pick.Kind);
                // One answer at a time, each autosave awaited: what is compared is the page after
                // the last reply, and no save of this page is still travelling when it reloads.
                await page.EvaluateAsync("() => { document.querySelector('[data-autosave-status]').textContent = ''; }");
                await ChangeAsync(page, pick);
                // The status is read in the same turn as the wait: a blur after the fill may start
                // a second save of the same answer right after the first reply (seen under load).
                var reply = await page.WaitForFunctionAsync("() => { const t = document.querySelector('[data-autosave-status]').textContent; return t && t !== 'Saving…' ? t : null; }", null, new() { Timeout = 15_000 });
                var status = await reply.JsonValueAsync<string>();
                Assert.True(status!.StartsWith("Saved at", StringComparison.Ordinal) || status.StartsWith("Not saved", StringComparison.Ordinal),
                    $"{step}: autosave answered '{status}' after {pick.Kind} {pick.Id}={pick.Value}");
                // A change the checks refuse is not saved, so a reload cannot show it: the page
                // keeps the typed text and says why. Only saved changes are compared.
                saved &= status.StartsWith("Saved at", StringComparison.Ordinal);
            }
            if (!saved)
                continue;
            // The last autosave has answered and the page has taken its reply (the status says
            // so only then); the reload is the server's page once loaded. Waiting for an idle
            // network instead cost half a second twice a page and timed out under load.
            var typed = await page.EvaluateAsync<string>(Snapshot);
            await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Load });
            var reloaded = await page.EvaluateAsync<string>(Snapshot);
            AssertSame(step, typed, reloaded);
        }
        await driver.ScreenshotAsync("last-page");
        // The complete proposals reach every kind of control; the PPF request, which leaves most
        // of a funding proposal's lists empty, at least the kinds of its own page.
        string[] expected = sample.StartsWith("ppf-", StringComparison.Ordinal)
            ? ["text", "number", "narrative", "select", "radio"]
            : ["text", "number", "row-number", "narrative", "select", "radio", "checkbox"];
        var missing = expected.Where(k => !kinds.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "No control of these kinds was typed into: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryPage_WithoutJavaScript_AfterSave_ReadsAsAReload()
    {
        await using var scripted = await browsers.NewContextAsync();
        var scriptedPage = await scripted.NewPageAsync();
        var id = await ImportAsync(scriptedPage, "mitigation-tamale-solar-led.json");
        var steps = await StepsAsync(new WizardDriver(scriptedPage, "live-nojs-list"), id);

        await using var plain = await browsers.NewContextAsync(javaScript: false);
        var page = await plain.NewPageAsync();
        var driver = new WizardDriver(page, "live-nojs") { JavaScript = false };
        foreach (var step in steps)
        {
            // The same markup with the script on tells which controls to change.
            await scriptedPage.GotoAsync(step);
            var picks = await scriptedPage.EvaluateAsync<Pick[]>(PickControls);
            var text = picks.FirstOrDefault(p => p.Kind is "text" or "number" or "row-number");
            if (text is null)
                continue;
            await driver.GoAsync(step);
            foreach (var pick in picks)
                await ChangeAsync(page, pick);
            // Enter in a field presses the page's default button: save and stay on the page.
            await driver.NavigatingAsync(() => page.Locator("#" + text.Id).PressAsync("Enter"));
            var saved = await SnapshotAsync(page);
            await page.ReloadAsync();
            AssertSame(step, saved, await SnapshotAsync(page));
        }
    }

    private static void AssertSame(string step, string shown, string reloaded)
    {
        if (shown == reloaded)
            return;
        using var a = JsonDocument.Parse(shown);
        using var b = JsonDocument.Parse(reloaded);
        var left = a.RootElement.GetProperty("live").EnumerateArray().ToDictionary(x => x[0].GetString()!, x => x[1].GetString()!);
        var right = b.RootElement.GetProperty("live").EnumerateArray().ToDictionary(x => x[0].GetString()!, x => x[1].GetString()!);
        var differing = left.Keys.Union(right.Keys).Where(k => left.GetValueOrDefault(k) != right.GetValueOrDefault(k)).ToList();
        var first = differing.FirstOrDefault();
        Assert.Fail($"{step}: the page after saving differs from a reload in {string.Join(", ", differing)}"
            + (first is null ? $"\n{shown}\n{reloaded}" : $"\nshown:    {left.GetValueOrDefault(first)}\nreloaded: {right.GetValueOrDefault(first)}"));
    }

    // Playwright's own queries work with the page's scripts off.
    private static async Task<string> SnapshotAsync(IPage page)
    {
        var live = new List<string[]>();
        foreach (var box in await page.Locator("[data-live]").AllAsync())
            live.Add([(await box.GetAttributeAsync("data-live"))!, await box.InnerHTMLAsync()]);
        var errors = new List<string>();
        foreach (var field in await page.Locator(".field--error[data-field]").AllAsync())
            errors.Add((await field.GetAttributeAsync("data-field"))!);
        var invalid = new List<string>();
        foreach (var control in await page.Locator("[aria-invalid=true]").AllAsync())
            invalid.Add((await control.GetAttributeAsync("id"))!);
        return JsonSerializer.Serialize(new { live, errors, invalid });
    }

    private static async Task ChangeAsync(IPage page, Pick pick)
    {
        var control = page.Locator("#" + pick.Id);
        switch (pick.Kind)
        {
            case "select":
                await control.SelectOptionAsync(pick.Value);
                break;
            case "radio":
                await control.CheckAsync();
                break;
            case "checkbox":
                await control.ClickAsync();
                break;
            default:
                await control.FillAsync(pick.Value);
                break;
        }
    }

    internal static async Task<Guid> ImportAsync(IPage page, string sample, Func<string, string>? edit = null)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(SamplesFolder(), sample));
        json = edit?.Invoke(json) ?? json;
        var response = await page.APIRequest.PostAsync("/api/proposals", new() { Data = json, Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } });
        Assert.Equal(201, response.Status);
        return Guid.Parse(response.Headers["location"].Split('/')[^1]);
    }

    /// The proposal's pages, in the task list's order.
    private static async Task<List<string>> StepsAsync(WizardDriver driver, Guid id)
    {
        await driver.GoAsync($"/proposals/{id}");
        var links = await driver.Page.Locator($"main a[href^='/proposals/{id}/']").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        return links.Where(h => !h.Contains('?', StringComparison.Ordinal) && !h.Contains('#', StringComparison.Ordinal)
                && h.Split('/').Length == 4 && h.Split('/')[3] is not ("check-answers" or "package" or "versions" or "submit" or "activity" or "comments" or "delete" or "export" or "preview" or "compare"))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    private static string SamplesFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "samples")))
            folder = folder.Parent;
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No samples folder above the test's folder."), "samples");
    }

    private sealed class Pick
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Value { get; set; } = "";
    }
}
