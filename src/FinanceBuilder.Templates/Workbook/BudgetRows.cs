namespace FinanceBuilder.Templates.Workbook;

/// <summary>A budget line as the cells show it: text cleaned, and an empty key written as a dash.</summary>
internal sealed record CleanLine(
    string Component, string Description, string Category, string Source, string Financier, string Instrument,
    int? Year, string OriginalCurrency, decimal OriginalAmount, decimal Amount);

/// <summary>
/// The rows every sheet is built from. Keys are cleaned before they are compared, so the sums
/// computed here compare exactly what the cells hold. An empty key becomes "—": a criterion
/// pointing at an empty cell matches nothing in a spreadsheet, and its line would drop out.
/// </summary>
internal sealed class BudgetRows
{
    public const string NoKey = "—";

    public BudgetRows(BudgetSheet sheet)
    {
        Lines = sheet.Lines.Select(l => new CleanLine(
            Key(l.ComponentId), CellText.Clean(l.Description), CellText.Clean(l.Category), Key(l.Source),
            CellText.Clean(l.Financier), Key(l.Instrument), l.Year, CellText.Clean(l.OriginalCurrency), l.OriginalAmount, l.Amount)).ToList();

        // Components and sources that lines name but the lists lack get a row too, so the
        // summaries add up to the lines.
        var components = new List<(string Id, string Name)>();
        foreach (var component in sheet.Components)
            AddOnce(components, Key(component.Id), CellText.Clean(component.Name));
        foreach (var line in Lines)
            AddOnce(components, line.Component, "");
        Components = components;

        var sources = new List<(string Id, string Name)>();
        foreach (var source in sheet.Sources)
            AddOnce(sources, Key(source), "");
        foreach (var line in Lines)
            AddOnce(sources, line.Source, "");
        Sources = sources.Select(s => s.Id).ToList();

        var pairs = new List<(string Source, string Instrument)>();
        foreach (var source in Sources)
        {
            foreach (var line in Lines.Where(l => Same(l.Source, source)))
            {
                if (!pairs.Any(p => Same(p.Source, source) && Same(p.Instrument, line.Instrument)))
                    pairs.Add((source, line.Instrument));
            }
        }
        SourceInstruments = pairs;

        Years = sheet.Years.Concat(Lines.Where(l => l.Year is not null).Select(l => l.Year!.Value)).Distinct().Order().ToList();
    }

    public IReadOnlyList<CleanLine> Lines { get; }

    public IReadOnlyList<(string Id, string Name)> Components { get; }

    public IReadOnlyList<string> Sources { get; }

    public IReadOnlyList<(string Source, string Instrument)> SourceInstruments { get; }

    public IReadOnlyList<int> Years { get; }

    /// <summary>Spreadsheet text comparison ignores case; so do the sums computed here.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Key(string? text)
    {
        var clean = CellText.Clean(text);
        return clean.Length == 0 ? NoKey : clean;
    }

    private static void AddOnce(List<(string Id, string Name)> list, string id, string name)
    {
        if (!list.Any(e => Same(e.Id, id)))
            list.Add((id, name));
    }
}
