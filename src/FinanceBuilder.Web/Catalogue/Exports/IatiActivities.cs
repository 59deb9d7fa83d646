using System.Globalization;
using System.Xml;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Catalogue.Exports;

/// A published action as the export sees it: the record and what publishing added.
public sealed record PublishedEntry(Guid Id, Guid OrganisationId, string Publisher, int Revision, DateTime FirstPublishedAt,
    DateTime UpdatedAt, CatalogueAction Action, string PageUrl, string? ReportingOrgRef = null);

/// IATI 2.03 activity XML of published actions (docs/catalogue.md). Elements follow the schema's
/// sequence (an element out of order is a schema error); each action is written as it is read,
/// so the whole catalogue streams without being built in memory. Dates are UTC, decimals
/// invariant, and the same actions give the same bytes.
public static class IatiActivities
{
    /// Local government (IATI OrganisationType 11).
    private const string LocalGovernment = "11";

    public static XmlWriterSettings Settings(bool async) => new()
    {
        Async = async,
        Indent = true,
        IndentChars = "  ",
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        NewLineChars = "\n",
    };

    public static void Start(XmlWriter xml, DateTime generated)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("iati-activities");
        xml.WriteAttributeString("version", "2.03");
        xml.WriteAttributeString("generated-datetime", Stamp(generated));
    }

    public static void End(XmlWriter xml)
    {
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// The identifier an organisation reports under: the one it registered with IATI once an
    /// administrator records it, else the platform names it by its own id (IATI's checker warns
    /// that the prefix is not registered; never a schema error).
    public static string OrganisationRef(PublishedEntry entry) => entry.ReportingOrgRef ?? PlatformRef(entry.OrganisationId);

    public static string PlatformRef(Guid organisation) => "XI-FINANCEBUILDER-" + organisation.ToString("N");

    /// An activity identifier begins with its reporting organisation's identifier (IATI's rule).
    public static string ActivityIdentifier(PublishedEntry entry) => OrganisationRef(entry) + "-FB-" + entry.Id.ToString("N");

    private static string PlatformActivityIdentifier(PublishedEntry entry) => PlatformRef(entry.OrganisationId) + "-FB-" + entry.Id.ToString("N");

    public static void Write(XmlWriter xml, PublishedEntry entry)
    {
        var a = entry.Action;
        var language = Code(a.Language);
        var orgRef = OrganisationRef(entry);
        xml.WriteStartElement("iati-activity");
        xml.WriteAttributeString("xml", "lang", null, language);
        if (Currency(a) is { } currency)
            xml.WriteAttributeString("default-currency", currency);
        xml.WriteAttributeString("last-updated-datetime", Stamp(entry.UpdatedAt));

        xml.WriteElementString("iati-identifier", ActivityIdentifier(entry));
        Org(xml, "reporting-org", orgRef, null, LocalGovernment, entry.Publisher);
        Texts(xml, "title", a.Title, a.Translation?.Title, a.Translation?.Language);
        Texts(xml, "description", a.Summary, a.Translation?.Summary, a.Translation?.Language, ("type", "1"));
        // Who pays (role 1, each source by name) and who carries it out (role 4: the publisher).
        foreach (var source in a.Funding.Select(f => f.Source).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal))
            Org(xml, "participating-org", null, "1", null, source!);
        Org(xml, "participating-org", orgRef, "4", LocalGovernment, entry.Publisher);
        // Under its organisation's own identifier, the activity names the one the platform gave
        // it before (type A3, previous activity identifier), so that harvesters link the two.
        if (entry.ReportingOrgRef is not null)
        {
            xml.WriteStartElement("other-identifier");
            xml.WriteAttributeString("ref", PlatformActivityIdentifier(entry));
            xml.WriteAttributeString("type", "A3");
            xml.WriteEndElement();
        }
        if (a.GcfReference is { Length: > 0 } gcf)
        {
            xml.WriteStartElement("other-identifier");
            xml.WriteAttributeString("ref", gcf);
            xml.WriteAttributeString("type", "A9");
            xml.WriteStartElement("owner-org");
            Narrative(xml, "Green Climate Fund", null);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        Empty(xml, "activity-status", ("code", Status(a.Status)));
        // IATI requires a start date: the planned one, else the first publication's.
        Date(xml, "1", a.PlannedStart ?? (a.ActualStart is null ? DateOnly.FromDateTime(entry.FirstPublishedAt) : null));
        Date(xml, "2", a.ActualStart);
        Date(xml, "3", a.PlannedEnd);
        Date(xml, "4", a.ActualEnd);
        if (a.ContactRole is { Length: > 0 } contact)
        {
            xml.WriteStartElement("contact-info");
            xml.WriteAttributeString("type", "1");
            xml.WriteStartElement("organisation");
            Narrative(xml, entry.Publisher, null);
            xml.WriteEndElement();
            xml.WriteStartElement("department");
            Narrative(xml, contact, null);
            xml.WriteEndElement();
            xml.WriteElementString("website", entry.PageUrl);
            xml.WriteEndElement();
        }
        if (a.CountryCode is { Length: 2 } country)
            Empty(xml, "recipient-country", ("code", country), ("percentage", "100"));
        foreach (var commune in a.Communes.Where(c => !string.IsNullOrWhiteSpace(c.Name)))
        {
            xml.WriteStartElement("location");
            xml.WriteStartElement("name");
            Narrative(xml, commune.Name!, null);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        var sectors = a.Sectors.Select(DacSector).Distinct().DefaultIfEmpty(EnvironmentalPolicy).ToList();
        for (var i = 0; i < sectors.Count; i++)
        {
            var share = 100 / sectors.Count + (i == 0 ? 100 % sectors.Count : 0);
            Empty(xml, "sector", ("vocabulary", "1"), ("code", sectors[i]), ("percentage", share.ToString(CultureInfo.InvariantCulture)));
        }
        // Both climate markers, 0 included: "examined, not targeted" is not "not examined".
        var (mitigation, adaptation) = Markers(a);
        Empty(xml, "policy-marker", ("vocabulary", "1"), ("code", "6"), ("significance", mitigation.ToString(CultureInfo.InvariantCulture)));
        Empty(xml, "policy-marker", ("vocabulary", "1"), ("code", "7"), ("significance", adaptation.ToString(CultureInfo.InvariantCulture)));

        xml.WriteStartElement("document-link");
        xml.WriteAttributeString("format", "text/html");
        xml.WriteAttributeString("url", entry.PageUrl);
        xml.WriteStartElement("title");
        Narrative(xml, a.Title ?? "", null);
        xml.WriteEndElement();
        Empty(xml, "category", ("code", "A12"));
        Empty(xml, "language", ("code", language));
        xml.WriteEndElement();

        foreach (var result in a.Results.Where(r => !string.IsNullOrWhiteSpace(r.Indicator)))
            Result(xml, result);
        xml.WriteEndElement();
    }

    /// One expected result: an outcome with its indicator, baseline, final target and, when the
    /// organisation shows its progress, the approved mid-term target and the value reported for
    /// each year (a period per year, each target in the period of its year).
    private static void Result(XmlWriter xml, ActionResult result)
    {
        var numeric = result.Target is not null || result.Baseline is not null || result.MidTermTarget is not null || result.Actuals.Count > 0;
        xml.WriteStartElement("result");
        xml.WriteAttributeString("type", "2");
        xml.WriteAttributeString("aggregation-status", "0");
        xml.WriteStartElement("title");
        Narrative(xml, result.Indicator!, null);
        xml.WriteEndElement();
        xml.WriteStartElement("indicator");
        xml.WriteAttributeString("measure", numeric ? "1" : "5");
        if (numeric)
            xml.WriteAttributeString("ascending", (result.Target ?? 0) >= (result.Baseline ?? 0) ? "1" : "0");
        xml.WriteStartElement("title");
        Narrative(xml, result.Unit is { Length: > 0 } unit ? $"{result.Indicator} ({unit})" : result.Indicator!, null);
        xml.WriteEndElement();
        if (result.IrmfCore is { } core)
            Empty(xml, "reference", ("vocabulary", "99"), ("code", "GCF-IRMF-CORE-" + ((int)core + 1).ToString(CultureInfo.InvariantCulture)));
        if (numeric && result.Baseline is { } baseline && result.BaselineYear is { } year)
            Empty(xml, "baseline", ("year", year.ToString(CultureInfo.InvariantCulture)), ("value", Number(baseline)));
        var targetYear = numeric && result.Target is not null ? result.TargetYear : null;
        // The mid-term target has its own period, unless the final target falls in the same year.
        var midTermYear = numeric && result.MidTermTarget is not null && result.MidTermYear != targetYear ? result.MidTermYear : null;
        var years = result.Actuals.Select(a => a.Year).Append(targetYear ?? 0).Append(midTermYear ?? 0).Where(y => y > 0).Distinct().Order();
        foreach (var periodYear in years)
        {
            xml.WriteStartElement("period");
            Empty(xml, "period-start", ("iso-date", $"{periodYear:0000}-01-01"));
            Empty(xml, "period-end", ("iso-date", $"{periodYear:0000}-12-31"));
            if (periodYear == targetYear)
                Empty(xml, "target", ("value", Number(result.Target!.Value)));
            else if (periodYear == midTermYear)
                Empty(xml, "target", ("value", Number(result.MidTermTarget!.Value)));
            if (result.Actuals.FirstOrDefault(a => a.Year == periodYear) is { } actual)
                Empty(xml, "actual", ("value", Number(actual.Value)));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// Mitigation and adaptation significance (0 not targeted, 1 significant, 2 principal): the
    /// action's only focus is principal; with both, the one with more GCF result areas is
    /// principal and the other significant (both principal when they are even).
    public static (int Mitigation, int Adaptation) Markers(CatalogueAction action)
    {
        var m = action.Focus.Contains(ActionFocus.Mitigation);
        var ad = action.Focus.Contains(ActionFocus.Adaptation);
        if (m && ad)
        {
            var mAreas = action.ResultAreas.Count(r => r <= ResultArea.M4);
            var aAreas = action.ResultAreas.Count - mAreas;
            return (mAreas >= aAreas ? 2 : 1, aAreas >= mAreas ? 2 : 1);
        }
        return (m ? 2 : 0, ad ? 2 : 0);
    }

    private const string EnvironmentalPolicy = "41010";

    /// The OECD DAC 5-digit purpose code of each sector (none of them withdrawn).
    public static string DacSector(EconomicSector sector) => sector switch
    {
        EconomicSector.Energy => "23210",
        EconomicSector.Transport => "21012",
        EconomicSector.BuildingsAndCities => "43030",
        EconomicSector.Waste => "14050",
        EconomicSector.Water => "14020",
        EconomicSector.AgricultureAndForestry => "31210",
        EconomicSector.Ecosystems => "41030",
        EconomicSector.Health => "12110",
        EconomicSector.Infrastructure => "43060",
        EconomicSector.MultiSector => "43010",
        _ => EnvironmentalPolicy,
    };

    /// IATI's activity status: everything before works start is the pipeline (1).
    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "2",
        ActionStatus.Completed => "3",
        ActionStatus.Abandoned => "5",
        ActionStatus.Paused => "6",
        _ => "1",
    };

    private static string? Currency(CatalogueAction action) =>
        action.TotalCost?.Currency ?? action.Funding.Select(f => f.Amount?.Currency).FirstOrDefault(c => c is not null);

    private static void Org(XmlWriter xml, string element, string? reference, string? role, string? type, string name)
    {
        xml.WriteStartElement(element);
        if (reference is not null)
            xml.WriteAttributeString("ref", reference);
        if (role is not null)
            xml.WriteAttributeString("role", role);
        if (type is not null)
            xml.WriteAttributeString("type", type);
        Narrative(xml, name, null);
        xml.WriteEndElement();
    }

    private static void Texts(XmlWriter xml, string element, string? text, string? other, Language? otherLanguage, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(element);
        foreach (var (name, value) in attributes)
            xml.WriteAttributeString(name, value);
        Narrative(xml, text ?? "", null);
        if (!string.IsNullOrWhiteSpace(other) && otherLanguage is { } l)
            Narrative(xml, other, Code(l));
        xml.WriteEndElement();
    }

    private static void Narrative(XmlWriter xml, string text, string? language)
    {
        xml.WriteStartElement("narrative");
        if (language is not null)
            xml.WriteAttributeString("xml", "lang", null, language);
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void Date(XmlWriter xml, string type, DateOnly? date)
    {
        if (date is { } d)
            Empty(xml, "activity-date", ("type", type), ("iso-date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static void Empty(XmlWriter xml, string element, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(element);
        foreach (var (name, value) in attributes)
            xml.WriteAttributeString(name, value);
        xml.WriteEndElement();
    }

    private static string Code(Language language) => language.ToString().ToLowerInvariant();

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
