using System.Globalization;
using Sylvan.Data.Csv;

namespace FinanceBuilder.Web.Proposals.Reference;

/// An ISO 4217 currency with its names in the two UI languages.
public sealed record Currency(string Code, string NameEn, string NameFr)
{
    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? NameFr : NameEn;

    /// "XOF — Franc CFA (BCEAO)": the code first, as people who budget in it know it.
    public string Label(CultureInfo culture) => Code + " — " + Name(culture);
}

/// The ISO 4217 currencies a proposal may use, read from currencies.csv next to this file: the
/// active codes of Debian's iso-codes package 4.15.0 (English names) and its French translation,
/// without XXX ("no currency") and XTS (reserved for tests). docs/directory.md says how to update it.
public static class CurrencyList
{
    public static readonly IReadOnlyList<Currency> All = Load();

    private static readonly Dictionary<string, Currency> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static Currency? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var currency) ? currency : null;

    private static List<Currency> Load()
    {
        using var stream = typeof(CurrencyList).Assembly.GetManifestResourceStream("FinanceBuilder.Web.currencies.csv")
            ?? throw new InvalidOperationException("currencies.csv is missing from the assembly.");
        using var reader = new StreamReader(stream);
        using var csv = CsvDataReader.Create(reader);
        var list = new List<Currency>();
        while (csv.Read())
            list.Add(new Currency(csv.GetString(0), csv.GetString(2), csv.GetString(3)));
        return list;
    }
}
