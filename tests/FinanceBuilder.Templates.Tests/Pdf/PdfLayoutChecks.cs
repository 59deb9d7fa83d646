using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Content;

namespace FinanceBuilder.Templates.Tests.Pdf;

/// <summary>A layout rule a generated PDF breaks.</summary>
public sealed class PdfLayoutException(string message) : Exception(message);

/// <summary>
/// Reads a generated PDF back with PdfPig and checks its layout: letters inside the page and the
/// text column, no overlapping lines, "Page X of Y" footers, table-of-contents numbers, repeated
/// table headers, a mark on every page. Self-contained (PdfPig only) so other test projects can
/// link this file.
/// </summary>
public static partial class PdfLayoutChecks
{
    /// <summary>
    /// Where text may stand, in points from the top-left corner: the text column, plus a header
    /// band above it and a footer band below it (the running header and the page footer).
    /// </summary>
    public sealed record Zones(double PageWidth, double PageHeight, double Left, double Right, double Top, double Bottom, double HeaderTop, double FooterBottom)
    {
        /// <summary>Zones from margins: the header band takes the lower 44 pt of the top margin, the footer band the upper 48 pt of the bottom one.</summary>
        public static Zones FromMargins(double pageWidth, double pageHeight, double top, double right, double bottom, double left) =>
            new(pageWidth, pageHeight, left, pageWidth - right, top, pageHeight - bottom, top - 44, pageHeight - bottom + 48);

        /// <summary>The same margins on the page turned to landscape (a table too wide for portrait).</summary>
        public Zones Turned() => FromMargins(PageHeight, PageWidth, Top, PageWidth - Right, PageHeight - Bottom, Left);
    }

    /// <summary>A line of text: the letters of one page on one baseline, left to right. Coordinates from the top-left corner.</summary>
    public sealed record TextLine(int Page, double Baseline, double Left, double Right, double Top, double Bottom, string Text, IReadOnlyList<(double Left, double Top, double Right, double Bottom)> Boxes);

    /// <summary>Every horizontal text line of every page (rotated text such as a watermark is left out), top to bottom.</summary>
    public static IReadOnlyList<TextLine> Lines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<TextLine>();
        foreach (var page in document.GetPages())
            lines.AddRange(Lines(page));
        return lines;
    }

    /// <summary>The text of each page, its lines top to bottom joined by "\n".</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join('\n', Lines(p).Select(l => l.Text))).ToList();
    }

    /// <summary>Every letter is inside the page; body letters inside the text column, header and footer letters in their bands.</summary>
    public static void AssertLettersInsideMargins(byte[] pdf, Zones portrait)
    {
        const double tolerance = 0.75;
        var problems = new List<string>();
        using var document = PdfDocument.Open(pdf);
        var landscape = document.GetPages().Where(p => p.Width > p.Height).Select(p => p.Number).ToHashSet();
        foreach (var line in Lines(pdf))
        {
            var zones = landscape.Contains(line.Page) ? portrait.Turned() : portrait;
            foreach (var box in line.Boxes)
            {
                var inColumn = box.Left >= zones.Left - tolerance && box.Right <= zones.Right + tolerance;
                var inBody = box.Top >= zones.Top - tolerance && box.Bottom <= zones.Bottom + tolerance;
                var inHeader = box.Top >= zones.HeaderTop - tolerance && box.Bottom <= zones.Top + tolerance;
                var inFooter = box.Top >= zones.Bottom - tolerance && box.Bottom <= zones.FooterBottom + tolerance;
                if (!inColumn || !(inBody || inHeader || inFooter))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"page {line.Page}: a letter of \"{Short(line.Text)}\" at ({box.Left:F1}, {box.Top:F1})–({box.Right:F1}, {box.Bottom:F1}) is outside the margins"));
                    break;
                }
            }
        }
        Fail(problems);
    }

    /// <summary>No letter of a line overlaps a letter of another line of the same page.</summary>
    public static void AssertNoOverlappingLines(byte[] pdf)
    {
        const double shrink = 0.3;
        var problems = new List<string>();
        foreach (var page in Lines(pdf).GroupBy(l => l.Page))
        {
            var lines = page.ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                for (var j = i + 1; j < lines.Count; j++)
                {
                    var a = lines[i];
                    var b = lines[j];
                    if (a.Right <= b.Left || b.Right <= a.Left || a.Bottom - shrink <= b.Top || b.Bottom - shrink <= a.Top)
                        continue;
                    var overlap = a.Boxes.Any(p => b.Boxes.Any(q =>
                        p.Left + shrink < q.Right - shrink && q.Left + shrink < p.Right - shrink && p.Top + shrink < q.Bottom - shrink && q.Top + shrink < p.Bottom - shrink));
                    if (overlap)
                        problems.Add($"page {page.Key}: \"{Short(a.Text)}\" overlaps \"{Short(b.Text)}\"");
                }
            }
        }
        Fail(problems);
    }

    /// <summary>Every page has the footer <paramref name="pageOfTotal"/> ("Page {0} of {1}") with its own number and the page count.</summary>
    public static void AssertFooters(byte[] pdf, string pageOfTotal)
    {
        var pages = PageTexts(pdf);
        var problems = new List<string>();
        for (var i = 0; i < pages.Count; i++)
        {
            var footer = string.Format(CultureInfo.InvariantCulture, pageOfTotal, i + 1, pages.Count);
            if (!pages[i].Split('\n').Any(l => l.Trim() == footer))
                problems.Add($"page {i + 1}: no footer \"{footer}\"");
        }
        Fail(problems);
    }

    /// <summary>The page number each table-of-contents line shows, by heading text: lines "text ..... 12".</summary>
    public static IReadOnlyDictionary<string, (int Page, int Number)> ContentsEntries(byte[] pdf)
    {
        var entries = new Dictionary<string, (int Page, int Number)>(StringComparer.Ordinal);
        foreach (var line in Lines(pdf))
        {
            var match = ContentsLine().Match(line.Text);
            if (match.Success)
                entries.TryAdd(match.Groups[1].Value.Trim(), (line.Page, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
        }
        return entries;
    }

    /// <summary>Each heading's table-of-contents number is the page where a line with exactly its text first appears after the contents.</summary>
    public static void AssertContentsPageNumbers(byte[] pdf, IEnumerable<string> headings)
    {
        var entries = ContentsEntries(pdf);
        var lines = Lines(pdf);
        var problems = new List<string>();
        foreach (var heading in headings)
        {
            // A long heading wraps: in the contents its number stands on its last line, on its
            // page its first line starts it.
            var key = entries.ContainsKey(heading) ? heading : entries.Keys.Where(k => k.Length >= 3 && heading.EndsWith(" " + k, StringComparison.Ordinal)).MaxBy(k => k.Length);
            if (key is null)
            {
                problems.Add($"\"{heading}\" is not in the table of contents");
                continue;
            }
            var entry = entries[key];
            var actual = lines.FirstOrDefault(l => l.Page > entry.Page && (l.Text.Trim() == heading || (l.Text.Trim().Length >= Math.Min(heading.Length, 12) && heading.StartsWith(l.Text.Trim(), StringComparison.Ordinal))))?.Page;
            if (actual != entry.Number)
                problems.Add($"\"{heading}\": the contents say page {entry.Number}, it is on page {actual?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }
        Fail(problems);
    }

    /// <summary>
    /// Every table-of-contents line is covered by a link whose destination is the page the line
    /// names; returns the number of links checked.
    /// </summary>
    public static int AssertContentsLinks(byte[] pdf)
    {
        var problems = new List<string>();
        var checkedLinks = 0;
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var entries = Lines(page).Where(l => ContentsLine().IsMatch(l.Text)).ToList();
            if (entries.Count == 0)
                continue;
            var links = page.GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
            foreach (var entry in entries)
            {
                var number = int.Parse(ContentsLine().Match(entry.Text).Groups[2].Value, CultureInfo.InvariantCulture);
                var baseline = page.Height - entry.Baseline;
                var link = links.FirstOrDefault(a => a.Rectangle.Bottom <= baseline && baseline <= a.Rectangle.Top && a.Rectangle.Left <= entry.Left + 1 && entry.Right - 1 <= a.Rectangle.Right);
                var target = (link?.Action as AbstractGoToAction)?.Destination?.PageNumber;
                if (target != number)
                    problems.Add($"page {page.Number}: the contents line \"{Short(entry.Text)}\" links to page {target?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
                else
                    checkedLinks++;
            }
        }
        Fail(problems);
        return checkedLinks;
    }

    /// <summary>
    /// On every page holding a body row of the table (a line matching <paramref name="rowPattern"/>), a line
    /// containing <paramref name="headerText"/> stands above the rows; on the pages after the first it is
    /// the first line of the text column.
    /// </summary>
    public static void AssertTableHeaderOnEveryPage(byte[] pdf, string headerText, string rowPattern, Zones zones)
    {
        var problems = new List<string>();
        var pages = Lines(pdf).Where(l => l.Top >= zones.Top - 1 && l.Bottom <= zones.Bottom + 1).GroupBy(l => l.Page).Where(g => g.Any(l => Regex.IsMatch(l.Text, rowPattern))).ToList();
        if (pages.Count == 0)
            problems.Add("no page holds a row of the table");
        for (var i = 0; i < pages.Count; i++)
        {
            var lines = pages[i].OrderBy(l => l.Top).ToList();
            var header = lines.FindIndex(l => l.Text.Contains(headerText, StringComparison.Ordinal));
            var firstRow = lines.FindIndex(l => Regex.IsMatch(l.Text, rowPattern));
            if (header < 0 || header > firstRow)
                problems.Add($"page {pages[i].Key}: the header \"{headerText}\" is not above the rows");
            else if (i > 0 && header != 0)
                problems.Add($"page {pages[i].Key}: the header \"{headerText}\" is not at the top of the page");
        }
        Fail(problems);
    }

    /// <summary>Every page shows <paramref name="text"/> (the DRAFT mark) as extractable text.</summary>
    public static void AssertOnEveryPage(byte[] pdf, string text)
    {
        using var document = PdfDocument.Open(pdf);
        var problems = document.GetPages().Where(p => !p.Text.Contains(text, StringComparison.Ordinal)).Select(p => $"page {p.Number}: no \"{text}\"").ToList();
        Fail(problems);
    }

    private static List<TextLine> Lines(Page page)
    {
        var height = page.Height;
        return page.Letters
            .Where(l => l.TextOrientation == TextOrientation.Horizontal)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y * 2) / 2)
            .Select(g =>
            {
                var letters = g.OrderBy(l => l.StartBaseLine.X).ToList();
                var text = new StringBuilder();
                foreach (var letter in letters)
                    text.Append(letter.Value);
                var boxes = letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Width > 0)
                    .Select(l => (l.BoundingBox.Left, height - l.BoundingBox.Top, l.BoundingBox.Right, height - l.BoundingBox.Bottom))
                    .ToList();
                return new TextLine(
                    page.Number,
                    height - g.Key,
                    boxes.Count > 0 ? boxes.Min(b => b.Item1) : letters[0].StartBaseLine.X,
                    boxes.Count > 0 ? boxes.Max(b => b.Item3) : letters[0].StartBaseLine.X,
                    boxes.Count > 0 ? boxes.Min(b => b.Item2) : height - g.Key,
                    boxes.Count > 0 ? boxes.Max(b => b.Item4) : height - g.Key,
                    text.ToString(),
                    boxes);
            })
            .OrderBy(l => l.Baseline)
            .ToList();
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static void Fail(List<string> problems)
    {
        if (problems.Count > 0)
            throw new PdfLayoutException(string.Join('\n', problems.Take(20)) + (problems.Count > 20 ? $"\n… and {problems.Count - 20} more" : ""));
    }

    [GeneratedRegex(@"^(.+?)\s*\.{3,}\s*(\d+)\s*$")]
    private static partial Regex ContentsLine();
}
