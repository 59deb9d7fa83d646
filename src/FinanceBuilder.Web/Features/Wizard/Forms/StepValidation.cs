using System.Globalization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// The field checks of one save: what the binder could not read, the step's FluentValidation
/// rules (run explicitly, once — style §6), and the model's own limits as a last guard.
public static class StepValidation
{
    public static Dictionary<string, string> Check(Step step, Proposal proposal, Dictionary<string, string> bindErrors, CultureInfo culture)
    {
        step.Settle?.Invoke(proposal);
        foreach (var path in step.Paths)
            EmptyBlocks.PruneAlong(proposal, path);
        var errors = new Dictionary<string, string>(bindErrors, StringComparer.Ordinal);
        if (step.Validator is { } validator)
        {
            foreach (var failure in validator.Validate(proposal).Errors)
                errors.TryAdd(FieldPath(failure.PropertyName), failure.ErrorMessage);
        }
        if (errors.Count == 0)
        {
            // The model's limits, on this page's answers only: a stored answer elsewhere never
            // stops this page from saving.
            foreach (var error in ProposalInputCheck.Check(proposal, culture, step.Parts).Where(e => step.Owns(e.Path)))
                errors.TryAdd(error.Path.StartsWith("$.", StringComparison.Ordinal) ? error.Path[2..] : error.Path, error.Message);
        }
        return errors;
    }

    /// "Applicant.Proponent.Contact.Email" → "applicant.proponent.contact.email": the names
    /// FluentValidation gives, written as the form and JSON write them.
    public static string FieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
