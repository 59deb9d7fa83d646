namespace FinanceBuilder.Templates.Content;

/// <summary>
/// The small content model every renderer draws (design D3): what the Markdown of a pack's
/// templates means, with nothing a renderer could fetch or execute — no links, images or HTML.
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
