using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Order without going back: no page asks for a choice among things only a later page creates
/// (unless the page lets them be created on the spot), and the texts to write last come last.
public sealed class StepOrderTests
{
    /// Where each list of choices takes its options from: the model path its items live at.
    /// A new kind of choice must say so here, or the test fails.
    private static readonly Dictionary<string, string[]> Sources = new(StringComparer.Ordinal)
    {
        [nameof(Choices.Components)] = ["components"],
        [nameof(Choices.Outputs)] = ["components"],
        [nameof(Choices.Activities)] = ["components"],
        [nameof(Choices.Outcomes)] = ["results.outcomes"],
        [nameof(Choices.OutcomesAndOutputs)] = ["results.outcomes", "components"],
        [nameof(Choices.CoFinanciers)] = ["financing.coFinancing"],
        [nameof(Choices.AdaptationMeasures)] = ["adaptationMeasures"],
        [nameof(Choices.TemplateVersions)] = [],
        // The warnings of the whole proposal: the accepted-warnings page is the last one.
        [nameof(Choices.WarningRules)] = [],
    };

    [Fact]
    public void NoPage_AsksToChooseAmongThingsALaterPageCreates()
    {
        var order = StepCatalogue.All.Select((step, index) => (step, index)).ToList();
        var late = new List<string>();
        foreach (var (step, index) in order)
        {
            foreach (var field in Fields(step.Blocks))
            {
                var source = field.Options!.Method.Name;
                Assert.True(Sources.ContainsKey(source), $"{step.Id}: the choices of {field.Path} ({source}) have no declared source in this test.");
                foreach (var path in Sources[source])
                {
                    var creator = order.First(s => s.step.Owns(path));
                    if (creator.index > index && field.New is null)
                        late.Add($"{step.Id} asks for {field.Path} among {path}, created on the later page {creator.step.Id}");
                }
            }
        }
        Assert.Empty(late);
    }

    [Fact]
    public void OutputsName_OutcomesCreatedOnTheSpot_BecauseTheOutcomesPageComesLater()
    {
        var components = StepCatalogue.Find("components")!;
        var outcomes = StepCatalogue.Find("outcomes")!;
        Assert.True(StepCatalogue.All.ToList().IndexOf(outcomes) > StepCatalogue.All.ToList().IndexOf(components));
        Assert.NotNull(Fields(components.Blocks).Single(f => f.Path == "outcomeIds").New);
    }

    [Fact]
    public void TheExecutiveSummary_IsWrittenLast()
    {
        var writing = StepCatalogue.All.Where(s => s.Id != "accepted-warnings").ToList();
        Assert.Equal("executive-summary", writing[^1].Id);
        Assert.True(writing[^1].Owns("$.narratives.executiveSummary"));
        Assert.Single(StepCatalogue.All, s => s.Owns("$.narratives.executiveSummary"));
    }

    private static IEnumerable<FieldBlock> Fields(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock { Options: not null } field: yield return field; break;
                case GroupBlock group: foreach (var f in Fields(group.Blocks)) yield return f; break;
                case WhenBlock conditional: foreach (var f in Fields(conditional.Blocks)) yield return f; break;
                case ListBlock list: foreach (var f in Fields(list.Item)) yield return f; break;
            }
        }
    }
}
