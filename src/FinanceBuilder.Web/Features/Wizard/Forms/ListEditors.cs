using FinanceBuilder.Web.Features.Wizard.Budget;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// The editor a catalogue list names, or null for rows and boxes.
public static class ListEditors
{
    public static IListEditor? For(ListBlock list) => list.Editor switch
    {
        ListEditorKind.BudgetGrid => BudgetGridEditor.Instance,
        _ => null,
    };

    /// The element a finding about this path links to on the step's page: a dedicated editor
    /// may show the stored path elsewhere (a budget line is a cell of a grid row).
    public static string AnchorOf(Step step, Proposal proposal, string findingPath)
    {
        var path = findingPath.StartsWith("$.", StringComparison.Ordinal) ? findingPath[2..] : findingPath;
        foreach (var list in step.Blocks.OfType<ListBlock>())
        {
            if (For(list) is { } editor && editor.AnchorOf(list, proposal, path) is { } anchor)
                return anchor;
        }
        return ModelPath.HtmlId(path);
    }
}
