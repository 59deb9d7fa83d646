namespace FinanceBuilder.Templates.Rendering;

/// <summary>
/// What a renderer needs to know about a document besides its content: its metadata, the running
/// header, the words it writes itself in the document's language, and whether it is a draft
/// (a proposal with error-level findings: every page then says so).
/// </summary>
public sealed record DocumentInfo
{
    /// <summary>The document title (the proposal's title).</summary>
    public required string Title { get; init; }

    /// <summary>The author written in the metadata (the accredited entity or the applicant).</summary>
    public required string Author { get; init; }

    /// <summary>The subject in the metadata ("GCF funding proposal").</summary>
    public string Subject { get; init; } = "";

    /// <summary>The document language as a BCP 47 tag ("en", "fr").</summary>
    public required string Language { get; init; }

    /// <summary>The running header text on every page but the cover.</summary>
    public string Header { get; init; } = "";

    /// <summary>The words the renderers write themselves.</summary>
    public required DocumentLabels Labels { get; init; }

    /// <summary>Whether every page is marked as a draft.</summary>
    public bool Draft { get; init; }

    /// <summary>When the document was generated (metadata).</summary>
    public DateTimeOffset Created { get; init; }
}

/// <summary>The renderers' own words, in the document's language.</summary>
/// <param name="PageOfTotal">The footer, with {0} the page and {1} the page count: "Page {0} of {1}".</param>
/// <param name="Contents">The heading of the table of contents.</param>
/// <param name="Draft">The mark on every page of a draft: "DRAFT".</param>
public sealed record DocumentLabels(string PageOfTotal, string Contents, string Draft)
{
    /// <summary>English labels.</summary>
    public static DocumentLabels English { get; } = new("Page {0} of {1}", "Contents", "DRAFT");

    /// <summary>French labels.</summary>
    public static DocumentLabels French { get; } = new("Page {0} sur {1}", "Table des matières", "BROUILLON");
}
