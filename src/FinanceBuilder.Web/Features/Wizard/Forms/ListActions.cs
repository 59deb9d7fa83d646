using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// "Add another", "remove" and ready-made items: ordinary submit buttons, so lists work
/// without JavaScript. The action names a list path; only lists of the step can be changed.
public static partial class ListActions
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^(add|remove|preset):[a-zA-Z]+(\[\d{1,3}\])?(\.[a-zA-Z]+(\[\d{1,3}\])?)*(:[A-Za-z0-9.]{1,60})?$")]
    private static partial System.Text.RegularExpressions.Regex ActionShape();

    /// Anchor: where the page should scroll after the change; Page: the list page to show.
    public sealed record Result(bool Changed, string? Anchor = null, int? Page = null, string? Error = null);

    public static Result Apply(Step step, Proposal proposal, string action)
    {
        // Only the shape the page's own buttons have: "add:components[0].outputs".
        if (action.Length > 256 || !ActionShape().IsMatch(action))
            return new Result(false);
        try
        {
            if (action.StartsWith("add:", StringComparison.Ordinal))
                return Add(step, proposal, action[4..], null);
            if (action.StartsWith("preset:", StringComparison.Ordinal))
            {
                var rest = action[7..];
                var colon = rest.LastIndexOf(':');
                return colon < 0 ? new Result(false) : Add(step, proposal, rest[..colon], rest[(colon + 1)..]);
            }
            if (action.StartsWith("remove:", StringComparison.Ordinal))
                return Remove(step, proposal, action[7..]);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            // A made-up path: nothing to do.
        }
        return new Result(false);
    }

    private static Result Add(Step step, Proposal proposal, string listPath, string? presetKey)
    {
        if (Locate(step, proposal, listPath) is not var (block, scope, relative) || block is null)
            return new Result(false);
        var items = FormBinder.EnsureList(scope, relative);
        var max = FormBinder.MaxItems(scope.GetType(), relative);
        IEnumerable<object> added;
        if (presetKey is null)
            added = [block.NewItem(scope, items)];
        else if (block.Presets.FirstOrDefault(p => p.Key == presetKey) is { } preset)
            added = preset.Make(scope, items).ToList();
        else
            return new Result(false);
        var first = items.Count;
        foreach (var item in added)
        {
            if (items.Count >= max)
                return new Result(items.Count > first, ModelPath.HtmlId(listPath), PageOf(block, items.Count - 1),
                    ProposalText.FormatText("Check.TooManyItems", max.ToString(CultureInfo.CurrentCulture)));
            items.Add(item);
        }
        var anchor = items.Count > first ? ModelPath.HtmlId(ModelPath.Item(listPath, first)) : ModelPath.HtmlId(listPath);
        return new Result(items.Count > first, anchor, PageOf(block, Math.Max(0, items.Count - 1)));
    }

    private static Result Remove(Step step, Proposal proposal, string itemPath)
    {
        var open = itemPath.LastIndexOf('[');
        if (open < 0 || !itemPath.EndsWith(']'))
            return new Result(false);
        var listPath = itemPath[..open];
        var index = int.Parse(itemPath.AsSpan(open + 1, itemPath.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (Locate(step, proposal, listPath) is not var (block, scope, relative) || block is null)
            return new Result(false);
        if (ModelPath.Get(scope, relative) is not System.Collections.IList items || index >= items.Count)
            return new Result(false);
        items.RemoveAt(index);
        return new Result(true, ModelPath.HtmlId(listPath), PageOf(block, Math.Max(0, index - 1)));
    }

    private static int? PageOf(ListBlock block, int index) => block.PageSize is { } size ? index / size + 1 : null;

    /// The list block a path names, the object holding the list, and the path relative to it.
    private static (ListBlock? Block, object Scope, string Relative)? Locate(Step step, Proposal proposal, string listPath)
    {
        var block = Find(step.Blocks, "", ModelPath.Normalize(listPath));
        if (block is null)
            return null;
        var close = listPath.LastIndexOf(']');
        if (close < 0)
            return (block, proposal, listPath);
        var scope = ModelPath.Get(proposal, listPath[..(close + 1)]);
        return scope is null ? null : (block, scope, listPath[(close + 2)..]);
    }

    private static ListBlock? Find(IReadOnlyList<Block> blocks, string prefix, string target)
    {
        foreach (var block in blocks)
        {
            var found = block switch
            {
                ListBlock list when ModelPath.Combine(prefix, list.Path) == target => list,
                ListBlock list => Find(list.Item, ModelPath.Combine(prefix, list.Path), target),
                GroupBlock group => Find(group.Blocks, prefix, target),
                WhenBlock conditional => Find(conditional.Blocks, prefix, target),
                _ => null,
            };
            if (found is not null)
                return found;
        }
        return null;
    }
}
