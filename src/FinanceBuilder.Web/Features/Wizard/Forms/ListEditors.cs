using FinanceBuilder.Web.Features.Wizard.Budget;
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
}
