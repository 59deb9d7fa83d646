using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Wizard;

/// "1 erreur à corriger…, 0 avertissement à accepter…": the task list and check-answers say the
/// same thing, each count agreeing with its own noun.
public static class FindingCountText
{
    public static string Of(int errors, int warnings, CultureInfo culture) =>
        ProposalText.Format(culture, "Ui.FindingCounts",
            ProposalText.Format(culture, Plural.Key("Ui.ErrorCount", errors, culture), errors),
            ProposalText.Format(culture, Plural.Key("Ui.WarningCount", warnings, culture), warnings));
}
