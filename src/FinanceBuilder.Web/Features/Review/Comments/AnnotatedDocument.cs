using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Data.Submissions;

namespace FinanceBuilder.Web.Features.Review.Comments;

/// A submitted version's document (the pack's HTML rendering) with the review comments shown
/// under the section they are about, for the reviewer beside the sheet and for the applicant once
/// the decision is released. Sections are the document's headings, which the renderer numbers
/// (id="s12"); a comment keeps its heading's text too, so that it finds its section again even if
/// a later version of the pack numbers them differently.
public static partial class AnnotatedDocument
{
    public sealed record Section(string Id, string Heading, int Level);

    [GeneratedRegex("<h([1-3]) id=\"(s[0-9]+)\">(.*?)</h\\1>", RegexOptions.Singleline)]
    private static partial Regex Headings();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    public static IReadOnlyList<Section> Sections(string html) =>
        Headings().Matches(html)
            .Select(m => new Section(m.Groups[2].Value, WebUtility.HtmlDecode(Tags().Replace(m.Groups[3].Value, "")).Trim(), m.Groups[1].Value[0] - '0'))
            .Where(s => s.Heading.Length > 0)
            .ToList();

    /// The section a comment belongs to now: its own position when the heading there still reads
    /// the same, else the first heading with its text, else none.
    public static Section? Find(IReadOnlyList<Section> sections, SectionComment comment) =>
        sections.FirstOrDefault(s => s.Id == comment.SectionId && s.Heading == comment.Section)
        ?? sections.FirstOrDefault(s => s.Heading == comment.Section);

    /// The document with each section's comments (and their answers) after its heading; comments
    /// whose section cannot be found any more come first, under their heading's text.
    public static string Annotate(string html, IReadOnlyList<SectionComment> comments, CultureInfo culture)
    {
        if (comments.Count == 0)
            return html;
        var sections = Sections(html);
        var roots = comments.Where(c => c.AnswersId is null).OrderBy(c => c.CreatedAt).ToList();
        var answers = comments.Where(c => c.AnswersId is not null).OrderBy(c => c.CreatedAt).ToLookup(c => c.AnswersId!.Value);
        var bySection = roots.GroupBy(c => Find(sections, c)?.Id ?? "").ToDictionary(g => g.Key, g => g.ToList());
        var result = Headings().Replace(html, m =>
            bySection.TryGetValue(m.Groups[2].Value, out var here) ? m.Value + Aside(here, answers, culture) : m.Value);
        return bySection.TryGetValue("", out var lost) ? Aside(lost, answers, culture, withSection: true) + result : result;
    }

    private static string Aside(List<SectionComment> roots, ILookup<Guid, SectionComment> answers, CultureInfo culture, bool withSection = false)
    {
        var html = new StringBuilder("<aside class=\"section-comments\" aria-label=\"")
            .Append(WebUtility.HtmlEncode(ReviewText.Texts.Format(culture, "Comments.Aside"))).Append("\">");
        foreach (var comment in roots)
        {
            html.Append("<div class=\"section-comment\" id=\"c-").Append(comment.Id.ToString("N")).Append("\">");
            if (withSection)
                html.Append("<p class=\"section-comment__section\">").Append(WebUtility.HtmlEncode(comment.Section)).Append("</p>");
            One(html, comment, culture);
            foreach (var answer in answers[comment.Id])
            {
                html.Append("<div class=\"section-comment__answer\">");
                One(html, answer, culture);
                html.Append("</div>");
            }
            html.Append("</div>");
        }
        return html.Append("</aside>").ToString();
    }

    private static void One(StringBuilder html, SectionComment comment, CultureInfo culture) =>
        html.Append("<p class=\"section-comment__by\">")
            .Append(WebUtility.HtmlEncode(ReviewText.Texts.Format(culture, comment.ByApplicant ? "Comments.AnswerBy" : "Comments.By", comment.AuthorName, Localization.DateText.Time(comment.CreatedAt, culture))))
            .Append("</p><p class=\"section-comment__text\">").Append(WebUtility.HtmlEncode(comment.Text)).Append("</p>");
}
