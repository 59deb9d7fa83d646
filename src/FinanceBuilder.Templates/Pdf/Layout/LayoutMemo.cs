using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>
/// What the layout computes from a text or a table alone, kept across its passes: a document
/// with a table of contents is laid out at least twice, and a heading looks ahead at the block
/// it is kept with. Shaping words, breaking lines and fitting tables depend only on the text,
/// the size and the width, never on where the block falls, so each is done once per width.
/// </summary>
internal sealed class LayoutMemo(TextShaper shaper, DocumentTheme theme)
{
    // Texts are known by reference: the content model's run lists and tables are not rebuilt
    // between passes, and two equal texts at different places simply get an entry each.
    private readonly Dictionary<(IReadOnlyList<TextRun> Runs, double Size, bool Bold), List<Word>> words = new(new RunsKey());
    private readonly Dictionary<(IReadOnlyList<TextRun> Runs, double Size, bool Bold, double Width), List<Line>> lines = new(new RunsWidthKey());
    private readonly Dictionary<Table, List<(double Width, TableLayout Layout)>> tables = new(ReferenceEqualityComparer.Instance);

    /// <summary>The words of <paramref name="runs"/> at a size (shaped once).</summary>
    public List<Word> Words(IReadOnlyList<TextRun> runs, double size, bool bold = false)
    {
        if (!words.TryGetValue((runs, size, bold), out var known))
            words[(runs, size, bold)] = known = InlineText.Words(runs, shaper, size, bold);
        return known;
    }

    /// <summary>The words of <paramref name="runs"/> and their lines at <paramref name="width"/>.</summary>
    public (List<Word> Words, List<Line> Lines) Break(IReadOnlyList<TextRun> runs, double size, double width, bool bold = false)
    {
        var shaped = Words(runs, size, bold);
        if (!lines.TryGetValue((runs, size, bold, width), out var known))
            lines[(runs, size, bold, width)] = known = LineBreaker.Break(shaped, width, shaper);
        return (shaped, known);
    }

    /// <summary>
    /// <paramref name="table"/> fitted to <paramref name="width"/>; a table of a run (tables
    /// that follow one another) is fitted with the whole run, which then shares its columns.
    /// </summary>
    public TableLayout Table(Table table, IReadOnlyList<Table>? run, double width)
    {
        if (Known(table, width) is { } layout)
            return layout;
        if (run is null)
        {
            layout = TableLayout.Fit(table, shaper, theme, width);
            Keep(table, width, layout);
            return layout;
        }
        var layouts = TableLayout.FitGroup(run, shaper, theme, width);
        for (var i = 0; i < run.Count; i++)
        {
            if (Known(run[i], width) is null)
                Keep(run[i], width, layouts[i]);
        }
        return Known(table, width)!;
    }

    private TableLayout? Known(Table table, double width)
    {
        if (!tables.TryGetValue(table, out var known))
            return null;
        foreach (var (knownWidth, layout) in known)
        {
            if (Math.Abs(knownWidth - width) < 0.01)
                return layout;
        }
        return null;
    }

    private void Keep(Table table, double width, TableLayout layout)
    {
        if (!tables.TryGetValue(table, out var known))
            tables[table] = known = [];
        known.Add((width, layout));
    }

    private sealed class RunsKey : IEqualityComparer<(IReadOnlyList<TextRun> Runs, double Size, bool Bold)>
    {
        public bool Equals((IReadOnlyList<TextRun> Runs, double Size, bool Bold) a, (IReadOnlyList<TextRun> Runs, double Size, bool Bold) b) =>
            ReferenceEquals(a.Runs, b.Runs) && a.Size.Equals(b.Size) && a.Bold == b.Bold;

        public int GetHashCode((IReadOnlyList<TextRun> Runs, double Size, bool Bold) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Runs), key.Size, key.Bold);
    }

    private sealed class RunsWidthKey : IEqualityComparer<(IReadOnlyList<TextRun> Runs, double Size, bool Bold, double Width)>
    {
        public bool Equals((IReadOnlyList<TextRun> Runs, double Size, bool Bold, double Width) a, (IReadOnlyList<TextRun> Runs, double Size, bool Bold, double Width) b) =>
            ReferenceEquals(a.Runs, b.Runs) && a.Size.Equals(b.Size) && a.Bold == b.Bold && a.Width.Equals(b.Width);

        public int GetHashCode((IReadOnlyList<TextRun> Runs, double Size, bool Bold, double Width) key) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(key.Runs), key.Size, key.Bold, key.Width);
    }
}
