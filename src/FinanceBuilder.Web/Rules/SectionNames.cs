using System.Globalization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Rules;

/// A template section as the route's own template letters it: the funding proposal's
/// "D. Investment criteria" is the SAP's "E. Expected performance against investment criteria".
/// A route whose template keeps the funding proposal's lettering has no names of its own.
public static class SectionNames
{
    public static string Of(TemplateSection section, Route route, CultureInfo culture) =>
        ProposalText.Resources.GetString($"Enum.TemplateSection.{route}.{section}", culture)
        ?? ProposalText.Get($"Enum.TemplateSection.{section}", culture);

    /// Where the answers on the recipient's needs and on efficiency are, for a message that
    /// sends the user there: D.4 and D.6 of a funding proposal, E.4 and E.6 of a SAP, B.3 (the
    /// criteria together) of a concept note.
    public static (string Needs, string? Efficiency) NeedsAndEfficiency(Route route) => route switch
    {
        Route.Sap => ("E.4", "E.6"),
        Route.ConceptNote => ("B.3", null),
        _ => ("D.4", "D.6"),
    };
}
