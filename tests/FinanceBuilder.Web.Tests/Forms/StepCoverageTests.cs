using System.Reflection;
using System.Text.Json;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Tests.Forms;

/// The wizard asks for every part of the proposal model: a field added to the model without a
/// page to answer it fails here.
public sealed class StepCoverageTests
{
    /// Answers no page asks, each with who sets it instead.
    private static readonly Dictionary<string, string> SetElsewhere = new(StringComparer.Ordinal)
    {
        ["schemaVersion"] = "written by FinanceBuilder when it saves",
        // The cover's "V.001": an officer never types it (Submissions/SubmitProposal.WithVersionNumber).
        ["basics.versionNumber"] = "set by submission",
        // The access modality follows from the AE's kind (AccreditedEntity.Settle): asking both
        // would let them disagree.
        ["applicant.accreditedEntity.accessModality"] = "follows from the accredited entity's kind",
        // The design's numbers follow the items' places (DesignNumbering): nobody types them.
        ["components.id"] = "numbered by position",
        ["components.outputs.id"] = "numbered by position",
        ["components.outputs.activities.id"] = "numbered by position",
        // What the server measured of each uploaded file (Storage/AttachedFiles): the annex
        // files page attaches them; nobody types them.
        ["annexes.files"] = "attached on the annex files page",
    };

    [Fact]
    public void EveryAnswerOfTheModel_IsAskedOnSomePage()
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in StepCatalogue.All)
            Collect(step.Blocks, "", asked);
        var missing = Leaves(typeof(Proposal), "", asked).Where(p => !SetElsewhere.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, "Not asked on any page: " + string.Join(", ", missing));
    }

    [Fact]
    public void AnswersSetElsewhere_AreAskedOnNoPage()
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in StepCatalogue.All)
            Collect(step.Blocks, "", asked);
        var askedAnyway = SetElsewhere.Keys.Where(asked.Contains).ToList();
        Assert.True(askedAnyway.Count == 0, "Asked on a page although set elsewhere: " + string.Join(", ", askedAnyway));
    }

    [Fact]
    public void EveryQuestion_HasAKindTheFormsKnow() =>
        // WizardKeys resolves the shape of every question of every page (throws on an unknown type).
        Assert.NotEmpty(WizardKeys.Required());

    [Fact]
    public void StepIds_AreUnique_AndGroupsFollowTheTemplateOrder()
    {
        Assert.Equal(StepCatalogue.All.Count, StepCatalogue.All.Select(s => s.Id).Distinct().Count());
        var groups = StepCatalogue.All.Select(s => (int)s.Group).ToList();
        Assert.Equal(groups.Order(), groups);
    }

    private static void Collect(IReadOnlyList<Block> blocks, string prefix, HashSet<string> asked)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock field:
                    asked.Add(ModelPath.Combine(prefix, field.Path));
                    break;
                case ListBlock list:
                    asked.Add(ModelPath.Combine(prefix, list.Path) + "[]");
                    Collect(list.Item, ModelPath.Combine(prefix, list.Path), asked);
                    break;
                case GroupBlock group:
                    Collect(group.Blocks, prefix, asked);
                    break;
                case WhenBlock conditional:
                    Collect(conditional.Blocks, prefix, asked);
                    break;
            }
        }
    }

    /// Paths of every answer: scalars, and lists of scalars; blocks are walked into.
    private static IEnumerable<string> Leaves(Type type, string prefix, HashSet<string> asked)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = ModelPath.Combine(prefix, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            if (asked.Contains(path))
                continue;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = ModelPath.ElementType(propertyType);
            if (element is not null && IsBlock(element) && asked.Contains(path + "[]"))
            {
                foreach (var leaf in Leaves(element, path, asked))
                    yield return leaf;
            }
            else if (element is null && IsBlock(propertyType))
            {
                foreach (var leaf in Leaves(propertyType, path, asked))
                    yield return leaf;
            }
            else
                yield return path;
        }
    }

    private static bool IsBlock(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(Proposal).Namespace;
}
