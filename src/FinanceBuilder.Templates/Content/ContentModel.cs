namespace FinanceBuilder.Templates.Content;

/// <summary>
/// The small content model every renderer draws (design D3): what the Markdown of a pack's
/// templates means, with nothing a renderer could fetch or execute — no links or HTML, and
/// pictures only as bytes the caller handed over.
/// </summary>
public sealed record ContentDocument(IReadOnlyList<ContentBlock> Blocks);

/// <summary>One block of a document.</summary>
public abstract record ContentBlock;

/// <summary>A heading, level 1 to 6.</summary>
public sealed record Heading(int Level, IReadOnlyList<TextRun> Runs) : ContentBlock;

/// <summary>A paragraph of text runs; a run's text may hold "\n" for a line break.</summary>
public sealed record Paragraph(IReadOnlyList<TextRun> Runs) : ContentBlock;

/// <summary>A bulleted or numbered list; each item holds blocks (paragraphs, nested lists).</summary>
public sealed record BulletList(bool Ordered, IReadOnlyList<IReadOnlyList<ContentBlock>> Items) : ContentBlock;

/// <summary>A table: rows of cells of text runs; the first <see cref="HeaderRows"/> rows repeat on each page.</summary>
public sealed record Table(IReadOnlyList<IReadOnlyList<IReadOnlyList<TextRun>>> Rows, int HeaderRows, IReadOnlyList<CellAlignment> Alignments) : ContentBlock;

/// <summary>The next block starts on a new page.</summary>
public sealed record PageBreak : ContentBlock;

/// <summary>Where the table of contents goes.</summary>
public sealed record TableOfContents : ContentBlock;

/// <summary>
/// A chart drawn from a small table (<c>::: chart bar|column|line</c> in a template): one label
/// per category and one or more series of values. Renderers draw it as vectors (PDF) or as an
/// image (DOCX); the preview shows it too. Values are plain invariant numbers written by the
/// mapper; a chart whose values cannot be read stays a table.
/// </summary>
public sealed record Chart(ChartKind Kind, string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series) : ContentBlock;

/// <summary>One named series of a chart, one value per label.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>How a chart is drawn.</summary>
public enum ChartKind
{
    /// <summary>Horizontal bars, one per label: for long labels such as component names.</summary>
    Bar,

    /// <summary>Vertical columns, grouped by label: for values per year.</summary>
    Column,

    /// <summary>A line per series over the labels: for values over time.</summary>
    Line,
}

/// <summary>
/// A picture the applicant gave (a theory-of-change diagram, an organisation chart), drawn at
/// the text's width with its caption under it (<c>::: figure key</c> in a template, the picture
/// handed to the reader by key: nothing is loaded from a path or an address). The alternative
/// text is what a screen reader says in its place.
/// </summary>
public sealed record Figure(DocumentImage Image, string Caption, string AlternativeText) : ContentBlock;

/// <summary>A picture's bytes, PNG or JPEG, with its size in pixels.</summary>
public sealed record DocumentImage(byte[] Data, DocumentImageFormat Format, int PixelWidth, int PixelHeight);

/// <summary>How a <see cref="DocumentImage"/> is encoded.</summary>
public enum DocumentImageFormat
{
    /// <summary>PNG: diagrams, charts, anything drawn.</summary>
    Png,

    /// <summary>JPEG: photographs and scans.</summary>
    Jpeg,
}

/// <summary>A piece of text with its emphasis.</summary>
public sealed record TextRun(string Text, bool Bold = false, bool Italic = false);

/// <summary>How a table column's text is aligned.</summary>
public enum CellAlignment
{
    /// <summary>Left (the default).</summary>
    Left,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>Right (figures).</summary>
    Right,
}
