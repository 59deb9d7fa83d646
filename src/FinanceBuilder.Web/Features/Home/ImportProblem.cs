using System.Globalization;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Home;

/// A problem in an imported file, as an officer reads it: the question it concerns (by its label
/// in the wizard) or, when no question matches, the section; then what is wrong, without the
/// JSON path or the file format's vocabulary the API gives developers.
public sealed partial record ImportProblem(string? Place, string Message)
{
    public static ImportProblem From(ProposalInputError error, CultureInfo culture)
    {
        var texts = ImportText.Texts;
        // Each message's placeholders are the same as in Messages.resx; the path ({0} in most) is
        // left out of the plain wording, which names the place apart.
        var key = error.Key is { } k && texts.Get("Problem." + k, culture) is var found && found != "Problem." + k ? "Problem." + k : "Problem.Unreadable";
        var message = string.Format(culture, texts.Get(key, culture), [.. error.Args]);
        var place = PlaceOf(error.Path, culture);
        return new(place, place is null ? char.ToUpper(message[0], culture) + message[1..] : message);
    }

    /// "Budget › Amount (item 3)"; "Project basics" when the file has an answer no question
    /// asks; null for the file as a whole.
    private static string? PlaceOf(string path, CultureInfo culture)
    {
        if (!path.StartsWith("$.", StringComparison.Ordinal) || path == "$.schemaVersion")
            return null;
        var relative = path[2..];
        var step = StepCatalogue.All.FirstOrDefault(s => s.Owns(relative))
            ?? StepCatalogue.All.FirstOrDefault(s => s.Paths.Any(p => Top(p) == Top(relative)));
        var label = Label(relative, culture);
        var section = step is null ? null : ProposalText.Get("Step." + step.Id, culture);
        var place = (section, label) switch
        {
            ({ } s, { } l) when s != l => $"{s} › {l}",
            ({ } s, _) => s,
            (null, { } l) => l,
            _ => null,
        };
        if (place is null)
            return null;
        var index = Index().Matches(relative);
        return index.Count == 0 || label is null
            ? place
            : place + " " + ImportText.Texts.Format(culture, "Problem.Item", int.Parse(index[^1].Groups[1].Value, CultureInfo.InvariantCulture) + 1);
    }

    /// The question's label, or the label of the answer it is part of (an amount's currency).
    private static string? Label(string path, CultureInfo culture)
    {
        for (var at = path; at.Length > 0; at = at.LastIndexOf('.') is var dot and > 0 ? at[..dot] : "")
        {
            var key = "Field." + FinanceBuilder.Web.Proposals.Model.ModelPath.Normalize(at);
            if (ProposalText.Get(key, culture) is var text && text != key)
                return text;
        }
        return null;
    }

    private static string Top(string path) => FinanceBuilder.Web.Proposals.Model.ModelPath.Normalize(path).Split('.')[0];

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}
