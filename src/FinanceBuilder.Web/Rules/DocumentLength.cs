namespace FinanceBuilder.Web.Rules;

/// The length of a generated document as its renderer measured it: pages of the PDF and words
/// of its text. The page-limit rules use it once a package's document is laid out.
public sealed record DocumentLength(int Pages, int Words);

/// The funder's limits on a document's length; null where the template sets none. A SAP
/// proposal may have either at most its pages or at most its words.
public sealed record DocumentLimits(int? Pages, int? Words);

/// A rule on the length of the generated document. While the proposal is
/// being written there is no document yet, so it estimates from the answers and says so; when a
/// package is made, it runs once, after the document is laid out, on the measured length
/// (ProposalValidation.WithLength), so the report and the document never disagree.
public abstract class DocumentLengthRule : Rule
{
    /// The limits this rule applies, with the parameters of the template version checked.
    public abstract DocumentLimits Limits(RuleContext context);
}
