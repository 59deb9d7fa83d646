using System.Globalization;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Localization;

/// The activity page names each audited action in the reader's language: an action the code
/// records without a label showed its code ("input-assisted") to the officer.
public sealed partial class ActivityLabelTests
{
    /// The actions the code records through AuditTrail.Event, read from the sources: each literal
    /// action, and "grievance-" with each step of the grievance register.
    private static IEnumerable<string> RecordedActions()
    {
        var source = Path.Combine(Samples.RepositoryRoot, "src", "FinanceBuilder.Web");
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match call in AuditCall().Matches(text))
                foreach (Match literal in ActionLiteral().Matches(call.Value))
                    if (!literal.Groups[1].Value.EndsWith('-'))
                        yield return literal.Groups[1].Value;
            if (text.Contains("\"grievance-\" + step", StringComparison.Ordinal))
                foreach (Match step in GrievanceStep().Matches(text))
                    yield return "grievance-" + step.Groups[1].Value;
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void EveryRecordedAction_HasALabel(string language)
    {
        var actions = RecordedActions().Distinct().Order(StringComparer.Ordinal).ToList();
        var culture = CultureInfo.GetCultureInfo(language);

        Assert.Contains("input-assisted", actions); // the scan finds the actions
        Assert.Contains("grievance-closed", actions);
        var unlabelled = actions.Where(a => CollaborationText.Texts.Get("Action." + a, culture).StartsWith("Action.", StringComparison.Ordinal)).ToList();
        Assert.True(unlabelled.Count == 0, "No label for " + string.Join(", ", unlabelled));
    }

    [GeneratedRegex(@"AuditTrail\.Event\([^;]*;")]
    private static partial Regex AuditCall();

    [GeneratedRegex(@"""([a-z]+(?:-[a-z]*)*)""")]
    private static partial Regex ActionLiteral();

    [GeneratedRegex(@"StepAsync\(id, grievance, ""([a-z]+)""")]
    private static partial Regex GrievanceStep();
}
