namespace FinanceBuilder.Templates.Workbook;

/// <summary>A cost item as the cells show it: text cleaned, and an empty key written as a dash.</summary>
internal sealed record CleanItem(
    string Component, string Output, string Activity, string Description, string Category, string Source, string Financier, string Instrument,
    string Unit, decimal? Quantity, decimal? UnitCost, string Currency, IReadOnlyList<BudgetSheetAmount> Amounts, string Note)
{
    public decimal Amount(int? year) => Amounts.Where(a => a.Year == year).Sum(a => a.Amount);

    public decimal Converted(int? year) => Amounts.Where(a => a.Year == year).Sum(a => a.Converted);

    public decimal Total => Amounts.Sum(a => a.Amount);

    public decimal ConvertedTotal => Amounts.Sum(a => a.Converted);
}

/// <summary>
/// The rows every sheet is built from. Keys are cleaned before they are compared, so the sums
/// computed here compare exactly what the cells hold. An empty key becomes "—": a comparison
/// with an empty cell matches nothing in a spreadsheet, and its item would drop out.
/// </summary>
internal sealed class BudgetRows
{
    public const string NoKey = "—";

    public BudgetRows(BudgetSheet sheet)
    {
        Items = sheet.Items.Select(i => new CleanItem(
            Key(i.ComponentId), CellText.Clean(i.Output), CellText.Clean(i.Activity), CellText.Clean(i.Description), Key(i.Category), Key(i.Source),
            CellText.Clean(i.Financier), Key(i.Instrument), CellText.Clean(i.Unit), i.Quantity, i.UnitCost,
            Key(i.Currency), i.Amounts, CellText.Clean(i.Note))).ToList();

        // Components and sources that items name but the lists lack get a row too, so the
        // summaries add up to the items.
        var components = new List<(string Id, string Name)>();
        foreach (var component in sheet.Components)
            AddOnce(components, Key(component.Id), CellText.Clean(component.Name));
        foreach (var item in Items)
            AddOnce(components, item.Component, "");
        Components = components;

        var sources = new List<string>();
        foreach (var source in sheet.Sources.Select(Key).Concat(Items.Select(i => i.Source)))
        {
            if (!sources.Any(s => Same(s, source)))
                sources.Add(source);
        }
        var pairs = new List<(string Source, string Instrument)>();
        foreach (var source in sources)
        {
            foreach (var item in Items.Where(i => Same(i.Source, source)))
            {
                if (!pairs.Any(p => Same(p.Source, source) && Same(p.Instrument, item.Instrument)))
                    pairs.Add((source, item.Instrument));
            }
        }
        SourceInstruments = pairs;

        var categories = new List<string>();
        foreach (var item in Items)
        {
            if (!categories.Any(c => Same(c, item.Category)))
                categories.Add(item.Category);
        }
        Categories = categories;

        Years = sheet.Years.Concat(Items.SelectMany(i => i.Amounts).Where(a => a.Year is not null).Select(a => a.Year!.Value)).Distinct().Order().ToList();
        // Amounts without a year get a column of their own; so does a budget without years at all.
        HasNoYear = Years.Count == 0 || Items.Any(i => i.Amounts.Any(a => a.Year is null));

        var rates = new List<BudgetSheetRate>();
        foreach (var rate in sheet.Rates.Where(r => r.Given > 0))
        {
            var clean = rate with { Currency = Key(rate.Currency), Source = CellText.Clean(rate.Source) };
            if (!rates.Any(r => r.Currency == clean.Currency))
                rates.Add(clean);
        }
        if (!rates.Any(r => r.Currency == Key(sheet.Currency)))
            rates.Insert(0, new BudgetSheetRate(Key(sheet.Currency), 1m, false, null, ""));
        Rates = rates;
    }

    public IReadOnlyList<CleanItem> Items { get; }

    public IReadOnlyList<(string Id, string Name)> Components { get; }

    public IReadOnlyList<(string Source, string Instrument)> SourceInstruments { get; }

    public IReadOnlyList<string> Categories { get; }

    public IReadOnlyList<int> Years { get; }

    public bool HasNoYear { get; }

    public IReadOnlyList<BudgetSheetRate> Rates { get; }

    /// <summary>The year columns in order: the years, then null for "no year" when there is one.</summary>
    public IEnumerable<int?> YearColumns => Years.Select(y => (int?)y).Concat(HasNoYear ? [null] : []);

    /// <summary>Spreadsheet text comparison ignores case; so do the sums computed here.</summary>
    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static string Key(string? text)
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
