using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Questionnaire;

/// What a wizard page is made of. Paths are relative to the enclosing scope: the proposal, or
/// the list item a <see cref="ListBlock"/> repeats its blocks for.
public abstract record Block;

/// A choice offered for a reference field (a component, an output, a co-financier…).
public sealed record ChoiceOption(string Value, string Label);

/// One question. Its kind (text, number, date, choice, money…) follows from the model property;
/// Options turns a text or list of texts into a choice among the proposal's own items.
public sealed record FieldBlock(string Path) : Block
{
    public Func<Proposal, IReadOnlyList<ChoiceOption>>? Options { get; init; }
    /// Unit of a calculator factor ("tCO2/MWh"), stored with the value.
    public string? Unit { get; init; }
    /// R-075 parameter holding the template's word limit for this narrative.
    public string? WordLimit { get; init; }
    /// Changing this answer changes which questions follow (a calculation method, the focus):
    /// the page is saved and shown again.
    public bool Refresh { get; init; }
    /// For a choice: the values offered, when not every value of the enum applies.
    public IReadOnlyList<object>? Allowed { get; init; }
    /// For references: a new item can be named here and is created with the save that names it
    /// (an output's outcome, before the outcomes page is reached).
    public NewOption? New { get; init; }
}

/// Creates the referenced item from the name typed beside the choices and returns its id, or
/// null when the list is full. <see cref="Key"/> names the texts ("New.outcome", "New.outcome.Hint").
public sealed record NewOption(string Key, Func<Proposal, string, string?> Create);

/// A list the user adds to and removes from: each item shows Item; NewItem makes an empty one
/// from the enclosing scope (the proposal, or the parent item) and the list so far.
/// With PageSize, long lists (budget lines) are edited a page at a time.
public sealed record ListBlock(string Path, IReadOnlyList<Block> Item, Func<object, System.Collections.IList, object> NewItem) : Block
{
    public int? PageSize { get; init; }
    /// Items shown as rows of one table rather than one box each.
    public bool AsTable { get; init; }
    /// A field of the item whose value names it ("C1", a risk's category) in its heading.
    public string? TitleField { get; init; }
    /// A field holding the item's number ("1.2"), shown in its heading instead of its place.
    public string? NumberField { get; init; }
    /// Ready-made items offered before "add another" (the IRMF core indicators, the standard
    /// annexes): the button's resource key and what it adds.
    public IReadOnlyList<Preset> Presets { get; init; } = [];
    /// Drawn and read by a dedicated editor rather than as rows or boxes (the budget grid). The
    /// catalogue names the editor; the wizard's forms own it, so the catalogue stays below them.
    public ListEditorKind Editor { get; init; }
}

/// How a list is edited: as rows or boxes (the default), or by a dedicated editor.
public enum ListEditorKind { Rows, BudgetGrid }

/// A ready-made item: Make returns the items to add (none when they are all there already).
public sealed record Preset(string Key, Func<object, System.Collections.IList, IEnumerable<object>> Make);

/// Questions that only apply when the scope object satisfies a condition (e.g. the inputs of
/// the calculation method chosen for a mitigation measure).
public sealed record WhenBlock(Func<object, bool> Applies, IReadOnlyList<Block> Blocks) : Block;

/// Related questions under a heading (a fieldset with a legend).
public sealed record GroupBlock(string Key, IReadOnlyList<Block> Blocks) : Block;

/// Figures computed from the answers (totals, emission reductions, limits of the route), shown
/// beside the questions and refreshed after every save.
public sealed record PanelBlock(string Name) : Block
{
    /// The panel's key in a page: its name, and where it stands in a list ("emissions@mitigation.measures[0]").
    public string KeyAt(string prefix) => prefix.Length == 0 ? Name : Name + "@" + prefix;
}

/// A paragraph of guidance from the resource files.
public sealed record GuidanceBlock(string Key) : Block;

/// Shorthands for writing steps.
public static class B
{
    public static FieldBlock F(string path) => new(path);

    public static FieldBlock Ref(string path, Func<Proposal, IReadOnlyList<ChoiceOption>> options) => new(path) { Options = options };

    public static GroupBlock Group(string key, params Block[] blocks) => new(key, blocks);

    public static WhenBlock When<T>(Func<T, bool> applies, params Block[] blocks) => new(o => o is T t && applies(t), blocks);

    public static ListBlock List<T>(string path, Func<IList<T>, T> newItem, params Block[] item) where T : class =>
        new(path, item, (_, list) => newItem((IList<T>)list));

    /// A list whose new items depend on the enclosing item (an output numbered after its component).
    public static ListBlock ListIn<TScope, T>(string path, Func<TScope, IList<T>, T> newItem, params Block[] item) where T : class =>
        new(path, item, (scope, list) => newItem((TScope)scope, (IList<T>)list));

    public static PanelBlock Panel(string name) => new(name);

    public static GuidanceBlock Guide(string key) => new(key);
}
