namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// Names the conditional blocks of a page walk: numbered per item, in the order the page walks
/// them (groups included), so the renderer and the binder name each one alike.
public sealed class WhenMarkers
{
    private readonly Dictionary<string, int> counters = new(StringComparer.Ordinal);

    public string Next(string prefix)
    {
        counters.TryGetValue(prefix, out var n);
        counters[prefix] = n + 1;
        return FormBinder.WhenMarker(prefix, n);
    }
}
