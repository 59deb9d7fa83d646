using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FinanceBuilder.Web.Tests.Wizard;

/// A page as received: status, HTML, and the parsed document.
internal sealed class WizardPage
{
    private WizardPage(HttpResponseMessage response, string html)
    {
        Response = response;
        Html = html;
        Document = WizardBrowser.Parse(html);
    }

    public HttpResponseMessage Response { get; }
    public HttpStatusCode Status => Response.StatusCode;
    public string Html { get; }
    public IDocument Document { get; }

    /// The visible text of the body (markup removed, entities decoded).
    public string Text => Document.Body?.TextContent ?? "";

    public static async Task<WizardPage> ReadAsync(HttpResponseMessage response) =>
        new(response, await response.Content.ReadAsStringAsync());

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public IElement Get(string selector)
    {
        if (Document.QuerySelector(selector) is { } element)
            return element;
        var text = Text.Trim();
        throw new Xunit.Sdk.XunitException($"No element '{selector}' on the page ({(int)Status}):\n{text[..Math.Min(2000, text.Length)]}");
    }

    public IHtmlFormElement StepFormElement() => (IHtmlFormElement)Get("form[data-step]");

    /// The wizard step's form, as a browser would send it.
    public FormFields StepForm() => FormFields.Read(StepFormElement());

    public string FormAction() => StepFormElement().GetAttribute("action")!;

    /// The value a field shows: an input's value, a textarea's text, a select's chosen option.
    public string? FieldValue(string htmlId) => Find("#" + htmlId) switch
    {
        IHtmlInputElement input => input.Value,
        IHtmlTextAreaElement area => area.Value,
        IHtmlSelectElement select => select.SelectedOptions.Length > 0 ? select.SelectedOptions[0]!.Value : null,
        _ => null,
    };
}
