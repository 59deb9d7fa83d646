namespace FinanceBuilder.Templates.Pdf.Writing;

/// <summary>
/// The document's logical structure (a tagged PDF): a Document element holding headings,
/// paragraphs, lists, tables and figures, each pointing at the marked-content sequences
/// (page and MCID) that draw it. Built while the pages are painted, written after the save by
/// <see cref="StructureWriter"/>.
/// </summary>
internal sealed class StructureTree
{
    private readonly List<List<StructureElement>> marks = [];

    /// <summary>The root element (/Document).</summary>
    public StructureElement Document { get; } = new("Document", null, null);

    /// <summary>For each page, the element of each MCID in order: the parent tree.</summary>
    public IReadOnlyList<List<StructureElement>> Marks => marks;

    /// <summary>Opens a child element of <paramref name="parent"/>.</summary>
    public static StructureElement Open(string tag, StructureElement parent, string? alternative = null, double[]? box = null)
    {
        var element = new StructureElement(tag, parent, alternative) { Box = box };
        parent.Kids.Add(element);
        return element;
    }

    /// <summary>A new marked-content sequence of <paramref name="element"/> on page <paramref name="page"/> (0-based): its MCID.</summary>
    public int Mark(StructureElement element, int page)
    {
        while (marks.Count <= page)
            marks.Add([]);
        var mcid = marks[page].Count;
        marks[page].Add(element);
        element.Kids.Add(new MarkedContent(page, mcid));
        return mcid;
    }
}

/// <summary>One element of the structure tree.</summary>
/// <param name="tag">Its standard structure type without the slash ("P", "TD", "Figure").</param>
/// <param name="parent">Its parent; null for the document.</param>
/// <param name="alternative">The alternative text of a figure.</param>
internal sealed class StructureElement(string tag, StructureElement? parent, string? alternative)
{
    /// <summary>Its standard structure type without the slash.</summary>
    public string Tag { get; } = tag;

    /// <summary>Its parent; null for the document.</summary>
    public StructureElement? Parent { get; } = parent;

    /// <summary>The alternative text of a figure.</summary>
    public string? Alternative { get; } = alternative;

    /// <summary>A figure's bounding box on its page, in PDF coordinates (left, bottom, right, top).</summary>
    public double[]? Box { get; init; }

    /// <summary>Child elements and marked-content sequences, in reading order.</summary>
    public List<object> Kids { get; } = [];

    /// <summary>The object number it is written as (set by the writer).</summary>
    public int Number { get; set; }
}

/// <summary>A marked-content sequence: the page (0-based) and its MCID there.</summary>
internal readonly record struct MarkedContent(int Page, int Mcid);
