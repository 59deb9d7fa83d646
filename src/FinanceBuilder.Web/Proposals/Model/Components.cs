namespace FinanceBuilder.Web.Proposals.Model;

/// Project design (B.3): components → outputs → activities. Identifiers are the numbering
/// users see ("1", "1.1", "1.1.1") and what budget lines, indicators and timetable refer to.
public sealed class Component
{
    [Identifier] public required string Id { get; set; }
    [ShortText] public string? Name { get; set; }
    /// What the component does and how, printed under B.3 (C.2 of a SAP): a real proposal's run
    /// to several pages (800 words and more), so a narrative, not a paragraph.
    [Narrative] public string? Description { get; set; }
    /// 20 components × 10 outputs × 20 activities: 4,000 activities, far above a real proposal
    /// (the largest samples have 4 × 4 × 5) and within what a template may loop over
    /// (SafeTemplate.LoopLimit, checked by ModelLimitTests).
    [MaxItems(10)] public List<Output> Outputs { get; set; } = [];
}

public sealed class Output
{
    [Identifier] public required string Id { get; set; }
    [ShortText] public string? Name { get; set; }
    [LongText] public string? Description { get; set; }
    /// Outcomes this output contributes to (R-047: at least one).
    [MaxItems(20)] public List<string> OutcomeIds { get; set; } = [];
    [MaxItems(20)] public List<Activity> Activities { get; set; } = [];
}

public sealed class Activity
{
    [Identifier] public required string Id { get; set; }
    [ShortText] public string? Name { get; set; }
    [LongText] public string? Description { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
}
