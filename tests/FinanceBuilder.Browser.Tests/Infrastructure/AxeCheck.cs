using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests.Infrastructure;

/// Runs axe-core (the engine Deque.AxeCore.Commons ships) in the page and brings back only
/// the serious and critical violations, summarised in the page. Deque's Playwright wrapper
/// returns the whole result object to .NET — every rule, inapplicable and incomplete ones
/// included — which took 1.5–14 s a page on two cores against 0.1–3 s this way; the journeys
/// check about 40 pages each run.
internal static class AxeCheck
{
    private static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is no longer a resource of Deque.AxeCore.Commons: look for its new name.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    // WCAG 2.1 A and AA rules; each violation as "id (impact): help — first three targets".
    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        return await page.EvaluateAsync<string[]>(Run);
    }
}
