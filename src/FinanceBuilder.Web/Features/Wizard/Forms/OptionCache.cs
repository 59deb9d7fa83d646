using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// The choices of reference questions, computed once per page: 500 budget lines share one list
/// of components, and the warning list needs a rule run.
public sealed class OptionCache(Proposal proposal)
{
    private readonly Dictionary<Func<Proposal, IReadOnlyList<ChoiceOption>>, IReadOnlyList<ChoiceOption>> lists = [];

    public IReadOnlyList<ChoiceOption> For(FieldBlock block)
    {
        var provider = block.Options!;
        if (!lists.TryGetValue(provider, out var options))
            lists[provider] = options = provider(proposal);
        return options;
    }
}
