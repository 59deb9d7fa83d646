using System.Globalization;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules.Narrative;

namespace FinanceBuilder.Web.Rules.Catalogue;

// gcf-reference §10.6 — consistency of the key figures (R-077).

/// <summary>
/// The key figures hold by construction where FinanceBuilder computes them (the summary, the
/// tables, the annexes come from one proposal), but not in what people type: a summary saying
/// "a GCF grant of USD 38.4 million" beside a financing table of 38,500,000 passes unseen. This
/// rule reads the amounts, tonnes, beneficiaries and shares written in every narrative, relates
/// each to the key figure its sentence names (by the words before it: "GCF", "co-financing",
/// "total", "beneficiaries"…), and reports one that matches none of that figure's values — the
/// total or any of its parts, e.g. one instrument or one measure — within the precision it is
/// written to ("38.4 million" stands for 38.35 to 38.45 million; a figure written to the dollar
/// is compared to the dollar). A figure it cannot relate to a key figure is left alone.
/// </summary>
public sealed partial class R077TextFigures : Rule
{
    public override string Id => "R-077";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template: key figures identical across the body and annexes (totals, GCF request, tCO2eq, beneficiaries)";
    public override TemplateSection Section => TemplateSection.Summary;

    private enum Subject { None, Gcf, CoFinancing, Total }

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        var data = new DataFigures(context);
        // Every narrative the documents print, the components' descriptions included.
        foreach (var (path, text) in NarrativeWords.All(p))
        {
            foreach (var figure in FigureFinder.Find(text, p.Language))
            {
                if (Check(figure, data) is not { } mismatch)
                    continue;
                yield return Found(context, mismatch.Variant, path, new FieldsArg([path]), figure.Written, Quote(figure.Sentence), mismatch.Data);
            }
            if (Dates(text, p.Basics) is { } dates)
                yield return Found(context, "Dates", path, new FieldsArg([path]), dates.Written, Quote(dates.Sentence), $"{p.Basics.ImplementationStart!.Value.Year}–{p.Basics.ImplementationEnd!.Value.Year}");
        }
    }

    /// "Implementation runs from 2027 to 2032", "mise en œuvre de 2027 à 2032", "2027–2032": a
    /// range of years the text gives for the implementation, against its dates (A.11).
    private static (string Written, string Sentence)? Dates(string? text, ProjectBasics b)
    {
        if (string.IsNullOrEmpty(text) || b.ImplementationStart is not { } start || b.ImplementationEnd is not { } end)
            return null;
        foreach (Match range in YearRange().Matches(text))
        {
            var sentenceStart = text.LastIndexOfAny(['.', '\n', '!', '?'], Math.Max(0, range.Index - 1)) + 1;
            // Only a range the words just before it give as the implementation's: other
            // programmes, plans and loans have periods of their own.
            var before = text[Math.Max(sentenceStart, range.Index - 50)..range.Index];
            if (!Implementing().IsMatch(before) || FinancingTerm().IsMatch(before))
                continue;
            var from = int.Parse(range.Groups["from"].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(range.Groups["to"].Value, CultureInfo.InvariantCulture);
            if (from == start.Year && to == end.Year)
                continue;
            return (range.Value.Trim(), SentenceOf(text, sentenceStart, range));
        }
        // "The project starts in January 2027", "le projet s’achèvera en 2032": one end of the
        // period, given as the project's or its implementation's; its month too when written.
        foreach (Match date in StartOrEnd().Matches(text))
        {
            var sentenceStart = text.LastIndexOfAny(['.', '\n', '!', '?'], Math.Max(0, date.Index - 1)) + 1;
            var clause = text[sentenceStart..date.Index];
            clause = clause[(clause.LastIndexOfAny([',', ';', ':', '(']) + 1)..];
            if (!(Implementing().IsMatch(clause) || ProjectWords().IsMatch(clause)) || FinancingTerm().IsMatch(clause + date.Value))
                continue;
            var given = date.Groups["start"].Success ? start : end;
            var year = int.Parse(date.Groups["year"].Value, CultureInfo.InvariantCulture);
            var month = date.Groups["month"].Success ? MonthNumber(date.Groups["month"].Value) : given.Month;
            if (year == given.Year && month == given.Month)
                continue;
            var written = text[date.Groups["when"].Index..(date.Index + date.Length)];
            return (written, SentenceOf(text, sentenceStart, date));
        }
        return null;
    }

    private static string SentenceOf(string text, int sentenceStart, Match match)
    {
        var sentenceEnd = text.IndexOfAny(['.', '\n', '!', '?'], match.Index + match.Length);
        return text[sentenceStart..(sentenceEnd < 0 ? text.Length : sentenceEnd + 1)].Trim();
    }

    private static int MonthNumber(string name) => Months.First(m => m.Names.Contains(name.ToLowerInvariant())).Number;

    private static readonly (int Number, string[] Names)[] Months =
    [
        (1, ["january", "janvier", "enero"]), (2, ["february", "février", "febrero"]), (3, ["march", "mars", "marzo"]),
        (4, ["april", "avril", "abril"]), (5, ["may", "mai", "mayo"]), (6, ["june", "juin", "junio"]),
        (7, ["july", "juillet", "julio"]), (8, ["august", "août", "agosto"]), (9, ["september", "septembre", "septiembre", "setiembre"]),
        (10, ["october", "octobre", "octubre"]), (11, ["november", "novembre", "noviembre"]), (12, ["december", "décembre", "diciembre"]),
    ];

    // A start ("starts in", "begins in", "démarre en", "comenzará en") or an end ("ends in",
    // "until", "s’achève en", "hasta") followed by a year, with a month name if there is one.
    [GeneratedRegex(@"(?<![\p{L}])(?:(?<start>starts?|starting|started|begins?|beginning|began|commences?|commencing|will start|will begin|launch(?:es|ed)? in|démarre(?:ra)?|démarrant|débute(?:ra)?|débutant|commence(?:ra)?|commençant|inicia(?:rá)?|comienza|comenzará|empieza|empezará|arranca(?:rá)?)|(?<end>ends?|ending|ended|will end|closes?|closing|is completed|will be completed|completion|until|s[’']achève(?:ra)?|s[’']achevant|se termine(?:ra)?|prend(?:ra)? fin|jusqu[’']en|termina(?:rá)?|finaliza(?:rá)?|concluye|concluirá|hasta))\s+(?:(?:in|on|by|en|au|à|de|el|la|fin)\s+)?(?<when>(?:(?<month>january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)\s+(?:de\s+|del\s+)?)?(?<year>(?:19|20)\d\d))(?![\d–-])", RegexOptions.IgnoreCase)]
    private static partial Regex StartOrEnd();

    [GeneratedRegex(@"(?<![\p{L}])(?:implementation|implemented|implementing|mise en œuvre|mis en œuvre|ejecución|implementación|ejecutará|exécuté|exécution)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Implementing();

    [GeneratedRegex(@"(?<![\d\p{L}])(?<from>(?:19|20)\d\d)\s*(?:–|-|—|to|à|a|until|jusqu[’']en)\s*(?<to>(?:19|20)\d\d)(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex YearRange();

    private static string Quote(string sentence) => sentence.Length <= 240 ? sentence : sentence[..237].TrimEnd() + "…";

    private sealed record Mismatch(string Variant, object Data);

    private static Mismatch? Check(TextFigure figure, DataFigures data)
    {
        switch (figure.Kind)
        {
            case FigureKind.Money when !PerUnit().IsMatch(figure.After):
                var subject = SubjectOf(figure);
                if (subject == Subject.None || data.Money(subject, figure.Currency!) is not { Count: > 0 } amounts)
                    return null;
                // More GCF money than the whole request is a contradiction however far off (a
                // misplaced decimal: "USD 94 million" for 9.4); other subjects may name a wider
                // programme's total, so only amounts near theirs are compared.
                if (!Plausible(figure, amounts) && !(subject == Subject.Gcf && figure.Value > amounts.Max() + figure.HalfUnit))
                    return null;
                return Matches(figure, amounts) ? null : new Mismatch(subject.ToString(), new MoneyArg(Nearest(figure, amounts), figure.Currency!));
            case FigureKind.Tonnes when ClaimsReductions(figure):
                return data.Tonnes.Count == 0 || !Plausible(figure, data.Tonnes) || Matches(figure, data.Tonnes) ? null : new Mismatch("Tonnes", Math.Round(Nearest(figure, data.Tonnes)));
            case FigureKind.People when Benefits().IsMatch(figure.Before + " " + figure.After):
                return data.People.Count == 0 || !Plausible(figure, data.People) || Matches(figure, data.People) ? null : new Mismatch("Beneficiaries", (long)Nearest(figure, data.People));
            // More places than the proposal lists is a contradiction; fewer is most often a part
            // of them ("about 60 of the 120 gewogs receive grants", "9 communes already have"),
            // unless the sentence gives them as the project's whole list ("the project covers 20
            // communes", "les 20 communes cibles").
            case FigureKind.Places when data.Places.Count > 0 && (figure.Value > data.Places.Max() || TheWholeList(figure)) && !AboutTheCountry(figure, data.Countries):
                return Matches(figure, data.Places) ? null : new Mismatch("Places", (long)Nearest(figure, data.Places));
            // "52% of the beneficiaries are women", "dont 51 % de femmes".
            case FigureKind.Percent when data.WomenShares.Count > 0 && AboutWomenBeneficiaries(figure):
                return Matches(figure, data.WomenShares) ? null : new Mismatch("WomenShare", new PercentArg(Math.Round(Nearest(figure, data.WomenShares), 1)));
            // "over 72 months", "a six-year programme", "durée de vie de 25 ans": the
            // implementation period or the lifespan, when the clause says which.
            case FigureKind.Duration when DurationOf(figure) is { } which && data.Months(which) is { } months:
                return Math.Abs(figure.Value - months) <= figure.HalfUnit ? null
                    : new Mismatch(which, which == "Lifespan" ? months / 12 : months);
            case FigureKind.Percent when data.GcfShare is { } share && ShareOfTotal().IsMatch(figure.After):
                var shareSubject = SubjectOf(figure);
                if (shareSubject is not (Subject.Gcf or Subject.CoFinancing))
                    return null;
                var expected = shareSubject == Subject.Gcf ? share : 100m - share;
                return Matches(figure, [expected]) ? null : new Mismatch(shareSubject == Subject.Gcf ? "GcfShare" : "CoFinancingShare", new PercentArg(Math.Round(expected, 1)));
            default:
                return null;
        }
    }

    /// Which period a duration is: the lifespan when the clause says so, the implementation
    /// period when it speaks of the project or its implementation; none for the other periods a
    /// text names ("every 2 years", "within 3 months", "the 10 years before").
    private static string? DurationOf(TextFigure figure)
    {
        var before = figure.Before.Length > 80 ? figure.Before[^80..] : figure.Before;
        var clause = before[(before.LastIndexOfAny([',', ';', ':', '(']) + 1)..];
        var next = figure.After.Length > 25 ? figure.After[..25] : figure.After; // "25 years of useful life"
        if (OtherPeriod().IsMatch(before) || FinancingTerm().IsMatch(clause + " " + next))
            return null;
        if (LifespanWords().IsMatch(clause))
            return "Lifespan";
        if (ImplementationWords().IsMatch(clause))
            return "Duration";
        return LifespanWords().IsMatch(next) ? "Lifespan" : ImplementationAfter().IsMatch(next) || NamesTheProject().IsMatch(next) ? "Duration" : null;
    }

    // "a six-year programme", "a 5-year project": the unit, then the project it measures.
    [GeneratedRegex(@"^[\s-]*\p{L}+\s+(?:project|programme|program|implementation period)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex NamesTheProject();

    [GeneratedRegex(@"(?:\bevery|\beach|\bper|\bwithin|\bafter|\bbefore|\blast|\bpast|\bchaque|\btous les|\bdans les|\baprès|\bavant|\bdepuis|\bcada|\bdespués|\bantes)\s+(?:the\s+|les\s+|los\s+)?(?:first\s+|premiers\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OtherPeriod();

    // A loan's tenor, a grace period, a lease or a contract: terms, not the project's period.
    [GeneratedRegex(@"(?<![\p{L}])(?:loans?|tenor|grace|lease[ds]?|contracts?|bonds?|prêts?|différé|crédits?|contrats?|préstamos?|gracia|contratos?)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex FinancingTerm();

    [GeneratedRegex(@"^\s*(?:of|de|d[’'])\s*(?:implementation|mise en œuvre|ejecución|implementación)", RegexOptions.IgnoreCase)]
    private static partial Regex ImplementationAfter();

    [GeneratedRegex(@"lifespan|lifetime|life of|useful life|durée de vie|vida útil", RegexOptions.IgnoreCase)]
    private static partial Regex LifespanWords();

    [GeneratedRegex(@"(?<![\p{L}])(?:projects?|programmes?|programs?|implementation|implemented|duration|mise en œuvre|projets?|durée|proyectos?|programas?|implementación|ejecución|duración)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ImplementationWords();

    /// Whether a count of places is given as all the project's places: the project covers,
    /// targets or works in them ("the project covers 20 communes", "le projet intervient dans 20
    /// communes"), or they are its target or partner places ("20 target communes", "les 20
    /// communes bénéficiaires du projet") — and the clause does not single out a part of them
    /// ("of the", "among", "first", "pilot", "already").
    private static bool TheWholeList(TextFigure figure)
    {
        var clause = figure.Before[(figure.Before.LastIndexOfAny([',', ';', ':', '(']) + 1)..];
        var next = figure.After.Length > 50 ? figure.After[..50] : figure.After;
        if (PartOfThem().IsMatch(clause) || PartAfter().IsMatch(next) || PartOfThem().IsMatch(figure.Written))
            return false;
        return (Covering().IsMatch(clause) && ProjectWords().IsMatch(clause)) || TargetPlaces().IsMatch(figure.Written + next);
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:covers?|covering|targets?|targeting|spans?|spanning|reaches|operates in|works in|is implemented in|will be implemented in|across|couvre|couvrira|couvrant|cible|ciblera|concerne|concernera|touche|intervient dans|interviendra dans|est mis en œuvre dans|sera mis en œuvre dans|abarca|abarcará|cubre|cubrirá|se ejecuta en|se ejecutará en|interviene en)\s+(?:(?:the|les|los|las|ses|its|sus)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Covering();

    [GeneratedRegex(@"(?<![\p{L}])(?:of the|of its|among|out of|first|pilot|already|some|several|other|remaining|new|dont|parmi|sur les|premières?|pilotes?|déjà|certaines|plusieurs|autres|nouvelles|de los|de las|entre|primer[oa]s|piloto|ya|algun[oa]s|otr[oa]s)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfThem();

    // "20 communes out of 25", "20 communes sur les 25", "20 communes pilotes" (but "20 communes
    // des quatre départements" are the project's, named by where they are).
    [GeneratedRegex(@"^\s*\p{L}+\s+(?:(?:of the|among|out of|sur|parmi|des|de los|de las|entre)\s+(?:les\s+|the\s+|los\s+|las\s+)?\d|pilot|pilotes?|piloto)", RegexOptions.IgnoreCase)]
    private static partial Regex PartAfter();

    // "20 target communes", "20 communes cibles", "20 municipios beneficiarios del proyecto".
    [GeneratedRegex(@"(?<![\p{L}])(?:target(?:ed)?|partner|participating|cibles?|ciblées?|partenaires|bénéficiaires|participantes?|concernées|du projet|of the project|covered by the project|couvertes par le projet|beneficiari[oa]s|participantes|del proyecto|objetivo)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex TargetPlaces();

    /// A percentage that gives the women's share of the beneficiaries: women (femmes, mujeres)
    /// and beneficiaries named close by, and not a share of the population or of a committee.
    private static bool AboutWomenBeneficiaries(TextFigure figure)
    {
        var window = (figure.Before.Length > 60 ? figure.Before[^60..] : figure.Before) + " " + (figure.After.Length > 60 ? figure.After[..60] : figure.After);
        return Women().IsMatch(window) && Benefits().IsMatch(window) && !NotBeneficiaries().IsMatch(figure.After.Length > 30 ? figure.After[..30] : figure.After);
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:women|female|femmes|féminins?|mujeres|femeninos?)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex Women();

    [GeneratedRegex(@"^\s*(?:of|de|du|des|del)\s+(?:the\s+|la\s+|les\s+|los\s+)?(?:population|households|ménages|hogares|committee|comité|staff|personnel|members|membres|miembros|seats|sièges)", RegexOptions.IgnoreCase)]
    private static partial Regex NotBeneficiaries();

    /// "Benin has 77 communes", "le pays compte 77 communes": a count of the country's places,
    /// not of the project's — when the clause before the number names the country (or "the
    /// country") and not the project.
    private static bool AboutTheCountry(TextFigure figure, IReadOnlyList<string> countries)
    {
        var clause = figure.Before[(figure.Before.LastIndexOfAny([',', ';', ':']) + 1)..];
        if (ProjectWords().IsMatch(clause))
            return false;
        return CountryWords().IsMatch(figure.Before) || countries.Any(code => CountryNames.Mentions(figure.Before, code));
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:projects?|projets?|programmes?|programs?|proyectos?|programas?|facility|facilité|SAP|PPF)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectWords();

    [GeneratedRegex(@"(?<![\p{L}])(?:the country|country's|le pays|du pays|au pays|el país|del país|national|nationwide|nationale?s?|nacional(?:es)?)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex CountryWords();

    /// Whether one of <paramref name="values"/> is what the figure says, within its precision;
    /// "about" widens it tenfold, "more than" and "up to" only bound it on one side.
    private static bool Matches(TextFigure figure, IReadOnlyCollection<decimal> values)
    {
        var before = figure.Before.TrimEnd();
        var tolerance = figure.HalfUnit + 0.005m;
        if (About().IsMatch(before))
            tolerance *= 10;
        if (AtLeast().IsMatch(before))
            return values.Any(v => v >= figure.Value - tolerance);
        if (AtMost().IsMatch(before))
            return values.Any(v => v <= figure.Value + tolerance);
        return values.Any(v => Math.Abs(v - figure.Value) <= tolerance);
    }

    /// A figure far from every value of the key figure (a twentieth of a co-financier, forty
    /// times the total) is some other quantity the sentence also names — a budget line, a cost
    /// per tonne, the region's emissions — not a misquoted key figure.
    private static bool Plausible(TextFigure figure, IReadOnlyCollection<decimal> values) =>
        values.Any(v => v > 0) && figure.Value >= values.Where(v => v > 0).Min() / 4 && figure.Value <= values.Max() * 4;

    /// Tonnes the project avoids or removes, written as such (a reduction verb or a period), and
    /// not the baseline, an emission factor or a benefit the text says it leaves out.
    private static bool ClaimsReductions(TextFigure figure)
    {
        var before = figure.Before.Length > 60 ? figure.Before[^60..] : figure.Before;
        var after = figure.After.Length > 40 ? figure.After[..40] : figure.After;
        if (after.TrimStart().StartsWith('/') || Baseline().IsMatch(before) || Excluded().IsMatch(figure.Sentence))
            return false;
        return Reduction().IsMatch(figure.Before + " " + after) || Period().IsMatch(after);
    }

    private static decimal Nearest(TextFigure figure, IReadOnlyCollection<decimal> values) =>
        values.MinBy(v => Math.Abs(v - figure.Value));

    /// The key figure the words nearest before the amount name ("a GCF grant of", "co-financing
    /// of", "a total cost of"); failing that, those just after it ("… from the GCF").
    /// Only the figure's own clause counts: in "USD 4.66 million (36% of the total): AFD USD 2.70
    /// million", AFD's amount is not the total.
    private static Subject SubjectOf(TextFigure figure)
    {
        var clause = Clause().Split(figure.Before)[^1];
        var nearest = Subjects().Matches(clause).LastOrDefault();
        if (nearest is null && NamedAfter().Match(figure.After) is { Success: true } named)
            nearest = Subjects().Match(named.Value);
        if (nearest is null)
            return Subject.None;
        if (nearest.Groups["co"].Success)
            return Subject.CoFinancing;
        return nearest.Groups["gcf"].Success ? Subject.Gcf : Subject.Total;
    }

    [GeneratedRegex(@"(?<co>co-?financ|cofinanc)|(?<gcf>\bGCF\b|Green Climate Fund|\bFVC\b|Fonds vert|Fondo Verde)|(?<total>\btotal\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Subjects();

    [GeneratedRegex(@"[,;:()\[\]]|\s[—–]\s|\s(?:and|et|y)\s")]
    private static partial Regex Clause();

    // "… de don du FVC", "… from the GCF", "… of GCF grant": the key figure named just after.
    [GeneratedRegex(@"^\s*(?:(?:of|from|de|du|del|des|d’|d')\s*(?:the\s+|la\s+|le\s+|l’|l')?(?:\p{L}+\s+){0,2}?(?:du\s+|of\s+the\s+|from\s+the\s+|de\s+la\s+)?)(?:GCF|FVC|Green Climate Fund|Fonds vert|Fondo Verde|co-?financ\p{L}*|cofinanc\p{L}*)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAfter();

    // An amount per unit or per period is not a key figure: "USD 159 per tCO2", "USD 210,000 a year".
    [GeneratedRegex(@"^\s*(?:per|/|a year|an?\s+year|each|every|par|por|à l’an|l’an|al año|chacun)", RegexOptions.IgnoreCase)]
    private static partial Regex PerUnit();

    [GeneratedRegex(@"reduc|avoid|abat|sequest|remov|saving|réduc|évit|séquest|absor|reducc|evit|secuest", RegexOptions.IgnoreCase)]
    private static partial Regex Reduction();

    [GeneratedRegex(@"^\s*(?:t\S*\s+)?(?:a year|per year|annually|each year|over the|over \d|in total|over its|par an|chaque année|sur la durée|sur \d|al año|por año|durante)", RegexOptions.IgnoreCase)]
    private static partial Regex Period();

    [GeneratedRegex(@"baseline|emitted|emits|ligne de base|émis|situation de référence|línea de base|emitió", RegexOptions.IgnoreCase)]
    private static partial Regex Baseline();

    [GeneratedRegex(@"not counted|not included|excluded|is not claimed|non comptabilis|pas comptabilis|exclu|no se contabiliz|excluid", RegexOptions.IgnoreCase)]
    private static partial Regex Excluded();

    [GeneratedRegex(@"benefici|bénéfici", RegexOptions.IgnoreCase)]
    private static partial Regex Benefits();

    // "46.4% of total financing", "60 % du financement total": a share of the whole.
    [GeneratedRegex(@"^\s*(?:of|du|de la|del|de)\s+(?:the\s+)?(?:total|financ|coût total|costo total|project cost|projet|proyecto)", RegexOptions.IgnoreCase)]
    private static partial Regex ShareOfTotal();

    [GeneratedRegex(@"(?:\babout|\bapproximately|\baround|\bsome|\bnearly|\balmost|\broughly|\benviron|\bprès de|\bquelque|\bpresque|\baproximadamente|\bunos|\bunas|\bcasi|~)\s*(?:US\$|\$|€|[A-Z]{3})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex About();

    [GeneratedRegex(@"(?:\bmore than|\bover|\bat least|\bplus de|\bau moins|\bmás de|\bal menos)\s*(?:US\$|\$|€|[A-Z]{3})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AtLeast();

    [GeneratedRegex(@"(?:\bless than|\bunder|\bup to|\bat most|\bmoins de|\bjusqu[’']à|\bau plus|\bmenos de|\bhasta)\s*(?:US\$|\$|€|[A-Z]{3})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AtMost();

    /// The values each key figure may be quoted as: the total and its parts.
    private sealed class DataFigures
    {
        private readonly Proposal proposal;
        private readonly CurrencyConverter converter;
        private readonly string currency;
        private readonly Dictionary<Subject, List<decimal>> money = [];

        public DataFigures(RuleContext context)
        {
            proposal = context.Proposal;
            var figures = context.Figures;
            currency = figures.ReportingCurrency;
            converter = new CurrencyConverter(proposal.Financing.ExchangeRates);
            var financing = proposal.Financing;
            var gcf = financing.GcfInstruments.Select(g => converter.Convert(g.Amount, currency)).ToList();
            var co = financing.CoFinancing.Select(c => (c.Type, c.Instrument, Amount: converter.Convert(c.Amount, currency))).ToList();
            money[Subject.Gcf] = [.. Known(figures.GcfRequest), .. gcf.OfType<decimal>(),
                .. financing.GcfInstruments.Zip(gcf).Where(x => x.Second is not null).GroupBy(x => x.First.Instrument).Select(g => g.Sum(x => x.Second!.Value))];
            money[Subject.CoFinancing] = [.. Known(figures.CoFinancing), .. co.Select(c => c.Amount).OfType<decimal>(),
                .. co.Where(c => c.Amount is not null).GroupBy(c => c.Type).Select(g => g.Sum(c => c.Amount!.Value)),
                .. co.Where(c => c.Amount is not null).GroupBy(c => c.Instrument).Select(g => g.Sum(c => c.Amount!.Value))];
            money[Subject.Total] = [.. Known(figures.TotalFinancing)];
            var complete = figures.Emissions.Where(e => e.IsComplete).ToList();
            // The project's first full year is quoted too ("about 4,450 tCO2 a year" when
            // the assets are new), beside its average year and its lifetime.
            Tonnes = [.. Known(figures.AnnualTco2e), .. Known(figures.LifetimeTco2e), .. (complete.Count > 0 ? [complete.Sum(e => e.FirstYearTco2e)] : Array.Empty<decimal>()),
                .. figures.Emissions.Where(e => e.IsComplete).SelectMany(e => new[] { e.FirstYearTco2e, e.AverageAnnualTco2e, e.LifetimeTco2e }.Concat(e.AnnualTco2e))];
            var reached = MeasureBeneficiaries.Of(proposal).Select(m => m.Counts).ToList();
            People = [.. Known(figures.DirectBeneficiaries), .. Known(figures.IndirectBeneficiaries),
                .. Known(figures.DirectBeneficiaries + figures.IndirectBeneficiaries),
                .. reached.SelectMany(b => new[] { b.Direct.Known(), b.Indirect.Known(), b.Direct.Female, b.Direct.Male, b.Indirect.Female, b.Indirect.Male }).OfType<long>().Select(v => (decimal)v),
                .. Known(reached.Sum(b => b.Direct.Female ?? 0)), .. Known(reached.Sum(b => b.Indirect.Female ?? 0))];
            GcfShare = figures.GcfSharePercent;
            // Women's share among the direct, the indirect and all beneficiaries, over the
            // measures that give a sex split.
            var split = reached.Where(b => b.Direct.Female is not null || b.Indirect.Female is not null).ToList();
            WomenShares = [.. Share(split.Sum(b => b.Direct.Female ?? 0), split.Sum(b => b.Direct.Female is null ? 0 : b.Direct.Known() ?? 0)),
                .. Share(split.Sum(b => b.Indirect.Female ?? 0), split.Sum(b => b.Indirect.Female is null ? 0 : b.Indirect.Known() ?? 0)),
                .. Share(split.Sum(b => (b.Direct.Female ?? 0) + (b.Indirect.Female ?? 0)),
                    split.Sum(b => (b.Direct.Female is null ? 0 : b.Direct.Known() ?? 0) + (b.Indirect.Female is null ? 0 : b.Indirect.Known() ?? 0)))];
            // "25 communes": the list's length, or the number at one level ("12 districts").
            var places = proposal.Basics.LocalGovernments;
            Countries = [.. proposal.Basics.Countries.Select(c => c.Code).OfType<string>()];
            Places = places.Count == 0 ? [] : [places.Sum(l => l.Places()), .. places.GroupBy(l => l.Level).Select(g => (decimal)g.Sum(l => l.Places()))];
        }

        public List<decimal> Tonnes { get; }

        public List<string> Countries { get; }

        public List<decimal> People { get; }

        public decimal? GcfShare { get; }

        public List<decimal> WomenShares { get; }

        public List<decimal> Places { get; }

        /// The implementation period in months (A.11, or its dates), or the lifespan in months.
        public decimal? Months(string which)
        {
            var b = proposal.Basics;
            if (which == "Lifespan")
                return b.LifespanYears * 12m;
            if (b.ImplementationMonths is { } months)
                return months;
            return b.ImplementationStart is { } start && b.ImplementationEnd is { } end
                ? (end.Year - start.Year) * 12 + end.Month - start.Month + (end.Day >= start.Day - 1 ? 0 : -1)
                : null;
        }

        /// The subject's values in <paramref name="target"/> (the currency the text writes).
        public List<decimal>? Money(Subject subject, string target)
        {
            if (!money.TryGetValue(subject, out var values) || values.Count == 0)
                return null;
            if (string.Equals(target, currency, StringComparison.OrdinalIgnoreCase))
                return values;
            var converted = values.Select(v => converter.Convert(new Money { Amount = v, Currency = currency }, target)).ToList();
            return converted.Any(v => v is null) ? null : converted.Select(v => v!.Value).ToList();
        }

        private static IEnumerable<decimal> Known(decimal? value) => value is { } v ? [v] : [];

        private static IEnumerable<decimal> Share(long part, long whole) => whole > 0 ? [100m * part / whole] : [];

        private static IEnumerable<decimal> Known(long? value) => value is { } v ? [v] : [];
    }
}
