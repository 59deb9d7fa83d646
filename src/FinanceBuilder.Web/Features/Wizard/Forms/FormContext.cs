using System.Collections.Concurrent;
using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Microsoft.AspNetCore.Http;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// Everything a page render needs besides the step: the proposal, the reader's language, the
/// errors of the last save and what was typed (shown again exactly), the findings on this page.
public sealed class FormContext
{
    public required Proposal Proposal { get; init; }
    public required CultureInfo Culture { get; init; }
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    /// The form as posted, when the page is shown again after a refused save.
    public IFormCollection? Posted { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// Draws a computed panel: (panel, scope object, scope path) → HTML.
    public Func<PanelBlock, object, string, string> Panel { get; init; } = (_, _, _) => "";
    /// Page of a long list (budget lines), from 1.
    public int ListPage { get; init; } = 1;
    public string PageUrl { get; init; } = "";
    /// Draw only the live parts (an autosave reply): the rest of the page is not written.
    public bool LiveOnly { get; init; }
}

/// A question where it stands: its block, full path, the object holding it and its shape.
public sealed record FieldSite(FieldBlock Block, string Path, object Scope, FieldShape Shape)
{
    private static readonly ConcurrentDictionary<(Type, FieldBlock), FieldShape> Shapes = new();

    public static FieldSite At(FieldBlock block, object scope, string prefix) =>
        new(block, ModelPath.Combine(prefix, block.Path), scope,
            Shapes.GetOrAdd((scope.GetType(), block), key => FieldShape.Of(ModelPath.PropertyAt(key.Item1, key.Item2.Path), key.Item2)));

    public object? Value => ModelPath.Get(Scope, Block.Path);

    public string Id => ModelPath.HtmlId(Path);
}

/// Which items of a list a page shows: all of them, or one page of a long list.
public static class ListWindow
{
    public static (int From, int Count) Of(ListBlock list, int itemCount, int page)
    {
        if (list.PageSize is not { } size)
            return (0, itemCount);
        var pages = Math.Max(1, (itemCount + size - 1) / size);
        var from = (Math.Clamp(page, 1, pages) - 1) * size;
        return (from, Math.Min(size, itemCount - from));
    }
}
