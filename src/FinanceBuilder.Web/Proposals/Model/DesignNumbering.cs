namespace FinanceBuilder.Web.Proposals.Model;

/// The project design is numbered by position, as the GCF template numbers it: component "1",
/// its outputs "1.1", "1.2", their activities "1.1.1". Nobody types these numbers: after the
/// design page is read, and after an item is added or removed there, every item takes the number
/// of its place and everything that refers to it (budget lines, measures, indicators, the
/// timetable) follows, so removing component 1 makes component 2 the new "1" without leaving a
/// budget line pointing at the wrong one.
public static class DesignNumbering
{
    public static void Renumber(Proposal proposal)
    {
        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var activities = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < proposal.Components.Count; c++)
        {
            var component = proposal.Components[c];
            var componentId = Number(c);
            components.TryAdd(component.Id, componentId);
            component.Id = componentId;
            for (var o = 0; o < component.Outputs.Count; o++)
            {
                var output = component.Outputs[o];
                var outputId = componentId + "." + Number(o);
                outputs.TryAdd(output.Id, outputId);
                output.Id = outputId;
                for (var a = 0; a < output.Activities.Count; a++)
                {
                    var activity = output.Activities[a];
                    var activityId = outputId + "." + Number(a);
                    activities.TryAdd(activity.Id, activityId);
                    activity.Id = activityId;
                }
            }
        }

        foreach (var line in proposal.Budget.Lines)
        {
            line.ComponentId = Follow(line.ComponentId, components);
            line.OutputId = Follow(line.OutputId, outputs);
        }
        foreach (var measure in proposal.MitigationMeasures)
            measure.ComponentId = Follow(measure.ComponentId, components);
        foreach (var measure in proposal.AdaptationMeasures)
            measure.ComponentId = Follow(measure.ComponentId, components);
        foreach (var measure in proposal.ResourceProtection)
            measure.ComponentId = Follow(measure.ComponentId, components);
        // An indicator measures an outcome ("O1", never renumbered) or an output.
        var outcomes = proposal.Results.Outcomes.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var indicator in proposal.Results.Indicators)
            indicator.MeasuresId = indicator.MeasuresId is { } measured && outcomes.Contains(measured) ? measured : Follow(indicator.MeasuresId, outputs);
        foreach (var item in proposal.Timetable)
            item.ActivityId = Follow(item.ActivityId, activities);
    }

    private static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// A reference to a renumbered item takes its new number; one to an item that is gone is
    /// dropped, because its old number may soon name another item (remove component 1, add a
    /// third output to the new component 1) and it would silently point at the wrong one.
    private static string? Follow(string? id, Dictionary<string, string> renamed) =>
        id is not null && renamed.TryGetValue(id, out var now) ? now : null;
}
