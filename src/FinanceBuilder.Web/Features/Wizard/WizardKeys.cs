using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard;

/// Every resource key the step catalogue needs (labels, legends, list texts, choices), read from
/// the catalogue itself: a test checks each exists in every language, so a new question cannot
/// reach a user without its label, and a translator gets the list to translate.
public static class WizardKeys
{
    public static IEnumerable<string> Required()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in Enum.GetValues<StepGroup>())
            keys.Add("Group." + group);
        foreach (var step in StepCatalogue.All)
        {
            keys.Add("Step." + step.Id);
            keys.Add("Step." + step.Id + ".Intro");
            Walk(step.Blocks, typeof(Proposal), "", keys);
        }
        return keys;
    }

    private static void Walk(IReadOnlyList<Block> blocks, Type scope, string prefix, SortedSet<string> keys)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock field:
                    var path = ModelPath.Combine(prefix, field.Path);
                    keys.Add("Field." + path);
                    var shape = FieldShape.Of(ModelPath.PropertyAt(scope, field.Path), field);
                    if (shape.EnumType is { } enumType)
                        foreach (var name in Enum.GetNames(enumType))
                            keys.Add($"Enum.{enumType.Name}.{name}");
                    if (shape.Kind == FieldKind.References)
                        keys.Add("Ui.NoOptions." + path);
                    break;
                case ListBlock list:
                    var listPath = ModelPath.Combine(prefix, list.Path);
                    keys.Add("Field." + listPath);
                    keys.Add("Item." + listPath);
                    keys.Add("Add." + listPath);
                    keys.Add("AddAnother." + listPath);
                    foreach (var preset in list.Presets)
                        keys.Add(preset.Key);
                    var property = ModelPath.PropertyAt(scope, list.Path);
                    Walk(list.Item, ModelPath.ElementType(property.PropertyType)!, listPath, keys);
                    break;
                case GroupBlock group:
                    keys.Add("Legend." + group.Key);
                    Walk(group.Blocks, scope, prefix, keys);
                    break;
                case WhenBlock conditional:
                    Walk(conditional.Blocks, scope, prefix, keys);
                    break;
                case GuidanceBlock guide:
                    keys.Add(guide.Key);
                    break;
            }
        }
    }
}
