using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using Microsoft.AspNetCore.Http;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// A list drawn and read by its own editor instead of one row or box per item: the budget grid
/// shows many stored lines as one row per cost item. The list keeps its item fields, so the
/// step's paths, answers, conflicts and coverage work on the stored items as for any list.
public interface IListEditor
{
    string Render(ListBlock list, object scope, string path, FormContext context);

    /// Reads the posted form into the list; adds errors by field path and changes nothing when
    /// any part of the post is invalid.
    void Bind(ListBlock list, object scope, string path, IFormCollection form, CultureInfo culture, IDictionary<string, string> errors);

    /// The computed parts of the editor that autosave refreshes: by key, each element as Render
    /// writes it, marked data-live="panel:{key}".
    void Panels(ListBlock list, object scope, string path, FormContext context, IDictionary<string, string> panels);

    /// Where on the page a finding about this stored path is shown ("budget.lines[10].outputId"
    /// is a cell of a grid row), as an element id; null when the path is not this editor's.
    string? AnchorOf(ListBlock list, Proposal proposal, string path);

    /// The ids of the editor's controls that the page marks invalid for these errors: an
    /// autosave reply sends them, since the editor's HTML is not drawn for it.
    IEnumerable<string> InvalidIds(IReadOnlyDictionary<string, string> errors);
}
