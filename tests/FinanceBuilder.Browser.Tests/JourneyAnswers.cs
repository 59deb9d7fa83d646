using System.Globalization;
using FinanceBuilder.Browser.Tests.Infrastructure;

namespace FinanceBuilder.Browser.Tests;

/// What a municipal officer of Tamale types on each page: a cross-cutting funding proposal
/// (LED street lighting and flood drainage), every page answered through its own form.
/// Numbers are typed the way the page's language writes them ("1 200 000" / "1,200,000").
public static class JourneyAnswers
{
    public static IReadOnlyList<(string Step, Func<WizardDriver, CultureInfo, Task> Answer)> Pages { get; } =
    [
        ("fund-and-route", async (d, c) => await d.ChooseAsync("target.templateVersion", "GCF-FP-V3.0")),
        ("applicant", async (d, c) =>
        {
            await d.FillAsync("applicant.proponent.name", "Tamale Metropolitan Assembly");
            await d.ChooseAsync("applicant.proponent.type", "Municipality");
            await d.ChooseAsync("applicant.proponent.countryCode", "GH");
            await d.FillAsync("applicant.proponent.population", N(371351, c));
            await d.FillAsync("applicant.proponent.populationYear", "2021");
            await d.FillAsync("applicant.proponent.populationSource", "Ghana Statistical Service, 2021 census");
            await d.FillAsync("applicant.proponent.annualBudget.amount", N(12500000, c));
            await d.FillAsync("applicant.proponent.contact.name", "Abdul-Rahman Issah");
            await d.FillAsync("applicant.proponent.contact.email", "planning@tamale.gov.gh");
        }),
        ("partners", async (d, c) =>
        {
            await d.PressAsync("add:applicant.executingEntities");
            await d.FillAsync("applicant.executingEntities[0].name", "TaMA Works Department");
            await d.ChooseAsync("applicant.executingEntities[0].type", "Municipality");
            await d.FillAsync("applicant.executingEntities[0].budgetSharePercent", "100");
            await d.FillAsync("applicant.accreditedEntity.name", "West African Development Bank");
            await d.ChooseAsync("applicant.accreditedEntity.kind", "RegionalDirectAccess");
            await d.ChooseAsync("applicant.accreditedEntity.scope.maxSize", "Medium");
            await d.ChooseAsync("applicant.accreditedEntity.scope.fiduciaryStandards", "Basic");
            await d.PressAsync("add:applicant.nationalDesignatedAuthorities");
            await d.ChooseAsync("applicant.nationalDesignatedAuthorities[0].countryCode", "GH");
            await d.FillAsync("applicant.nationalDesignatedAuthorities[0].name", "Environmental Protection Agency");
            await d.ChooseAsync("applicant.nationalDesignatedAuthorities[0].noObjectionLetter.status", "Requested");
        }),
        ("basics", async (d, c) =>
        {
            await d.FillAsync("basics.title", "Tamale solar street lighting and flood drainage, Ghana");
            await d.ChooseAsync("basics.focus", "CrossCutting");
            await d.ChooseAsync("basics.kind", "Project");
            await d.ChooseAsync("basics.sector", "Public");
            await d.ChooseAsync("basics.economicSector", "MultiSector");
            await d.ChooseAsync("basics.declaredSizeCategory", "Micro");
        }),
        ("location", async (d, c) =>
        {
            await d.ChooseAsync("basics.countries", "GH");
            await d.PressAsync("add:basics.locations");
            await d.FillAsync("basics.locations[0].name", "Tamale Metropolis");
            await d.ChooseAsync("basics.locations[0].countryCode", "GH");
            await d.FillAsync("basics.locations[0].latitude", N(9.4034m, c));
            await d.FillAsync("basics.locations[0].longitude", N(-0.8424m, c));
        }),
        ("result-areas", async (d, c) =>
        {
            await d.PressAsync("add:basics.resultAreas");
            await d.ChooseAsync("basics.resultAreas[0].area", "M3");
            await d.FillAsync("basics.resultAreas[0].sharePercent", "60");
            await d.PressAsync("add:basics.resultAreas");
            await d.ChooseAsync("basics.resultAreas[1].area", "A3");
            await d.FillAsync("basics.resultAreas[1].sharePercent", "40");
        }),
        ("dates", async (d, c) =>
        {
            await d.FillAsync("basics.implementationStart", "2027-01-01");
            await d.FillAsync("basics.implementationEnd", "2031-12-31");
            await d.FillAsync("basics.implementationMonths", "60");
            await d.FillAsync("basics.lifespanYears", "20");
        }),
        ("climate-context", async (d, c) =>
        {
            await d.FillAsync("climateRationale.context", "Tamale's rainfall now comes in fewer, heavier storms; open drains overflow several times a year.");
            await d.FillAsync("climateRationale.vulnerability.povertyRatePercent", N(23.5m, c));
        }),
        ("hazards", async (d, c) =>
        {
            await d.PressAsync("add:climateRationale.hazards");
            await d.ChooseAsync("climateRationale.hazards[0].type", "FloodPluvial");
            await d.FillAsync("climateRationale.hazards[0].description", "Flash floods after storms of more than 60 mm in a day.");
        }),
        ("baseline-emissions", async (d, c) =>
        {
            await d.FillAsync("climateRationale.baselineEmissions.year", "2022");
            await d.FillAsync("climateRationale.baselineEmissions.totalTco2e", N(180000, c));
            await d.FillAsync("climateRationale.baselineEmissions.source", "TaMA greenhouse-gas inventory 2022");
        }),
        ("barriers-and-policies", async (d, c) =>
        {
            await d.PressAsync("add:climateRationale.barriers");
            await d.ChooseAsync("climateRationale.barriers[0].type", "Financial");
            await d.FillAsync("climateRationale.barriers[0].description", "No access to long-term finance for public lighting.");
            await d.PressAsync("add:climateRationale.policyAlignment");
            await d.ChooseAsync("climateRationale.policyAlignment[0].type", "Ndc");
            await d.FillAsync("climateRationale.policyAlignment[0].title", "Ghana updated NDC (2021)");
        }),
        ("components", async (d, c) =>
        {
            await d.PressAsync("add:components");
            await d.FillAsync("components[0].name", "Solar street lighting");
            await d.PressAsync("add:components[0].outputs");
            await d.FillAsync("components[0].outputs[0].name", "2,000 LED lights installed");
            // The outcome it serves is written here: the outcomes page comes later.
            await d.FillAsync("components[0].outputs[0].outcomeIds.new", "Lower electricity use and emissions of public lighting.");
            await d.PressAsync("add:components[0].outputs[0].activities");
            await d.FillAsync("components[0].outputs[0].activities[0].name", "Procure and install the lights");
            await d.FillAsync("components[0].outputs[0].activities[0].start", "2027-06-01");
            await d.FillAsync("components[0].outputs[0].activities[0].end", "2028-12-31");
        }),
        ("mitigation", async (d, c) =>
        {
            await d.PressAsync("add:mitigationMeasures");
            await d.FillAsync("mitigationMeasures[0].name", "LED street lighting");
            await d.ChooseAsync("mitigationMeasures[0].componentId", "1");
            await d.FillAsync("mitigationMeasures[0].technicalLifeYears", "15");
            await d.FillAsync("mitigationMeasures[0].firstYearOfOperation", "2028");
            await d.PressAsync("add:mitigationMeasures[0].gridElectricity.savings");
            await d.FillAsync("mitigationMeasures[0].gridElectricity.savings[0].description", "Sodium lamps replaced by LED");
            await d.FillAsync("mitigationMeasures[0].gridElectricity.savings[0].units", N(2000, c));
            await d.FillAsync("mitigationMeasures[0].gridElectricity.savings[0].baselineKw", N(0.17m, c));
            await d.FillAsync("mitigationMeasures[0].gridElectricity.savings[0].projectKw", N(0.06m, c));
            await d.FillAsync("mitigationMeasures[0].gridElectricity.savings[0].hoursPerYear", N(4100, c));
            await d.FillAsync("mitigationMeasures[0].gridElectricity.gridEmissionFactor.value", N(0.5m, c));
            await d.FillAsync("mitigationMeasures[0].gridElectricity.gridEmissionFactor.source", "IFI harmonised grid factor, Ghana");
        }),
        ("adaptation", async (d, c) =>
        {
            await d.PressAsync("add:adaptationMeasures");
            await d.FillAsync("adaptationMeasures[0].name", "Primary drains in Kalpohin");
            await d.ChooseAsync("adaptationMeasures[0].hazardsAddressed", "FloodPluvial");
            await d.FillAsync("adaptationMeasures[0].beneficiaries.direct.female", N(12400, c));
            await d.FillAsync("adaptationMeasures[0].beneficiaries.direct.male", N(11900, c));
            await d.FillAsync("adaptationMeasures[0].beneficiaries.indirect.total", N(60000, c));
            await d.FillAsync("adaptationMeasures[0].cost.amount", N(3200000, c));
        }),
        ("natural-resources", async (d, c) =>
        {
            await d.PressAsync("add:resourceProtection");
            await d.FillAsync("resourceProtection[0].name", "Riparian buffer along the Nabogo");
            await d.FillAsync("resourceProtection[0].areaHectares", N(35, c));
        }),
        ("governance", async (d, c) => await d.FillAsync("governance.implementationArrangements", "TaMA's Works Department executes; BOAD supervises.")),
        ("narratives", async (d, c) =>
        {
            await d.FillAsync("narratives.theoryOfChange", "If the city proves LED savings, other assemblies will follow.");
        }),
        ("financing", async (d, c) =>
        {
            await d.PressAsync("add:financing.gcfInstruments");
            await d.ChooseAsync("financing.gcfInstruments[0].instrument", "Grant");
            await d.FillAsync("financing.gcfInstruments[0].amount.amount", N(1200000, c));
            await d.PressAsync("add:financing.coFinancing");
            await d.FillAsync("financing.coFinancing[0].name", "Tamale Metropolitan Assembly");
            await d.ChooseAsync("financing.coFinancing[0].instrument", "InKind");
            await d.FillAsync("financing.coFinancing[0].amount.amount", N(300000, c));
        }),
        ("budget", async (d, c) =>
        {
            await d.PressAsync("add:budget.lines");
            // The item's classification is folded under its summary line: open it first.
            await d.Page.Locator("#f-budget-grid-0 .budget-more > summary").ClickAsync();
            await d.ChooseAsync("budget.grid[0].componentId", "1");
            await d.FillAsync("budget.grid[0].description", "LED luminaires and installation");
            await d.ChooseAsync("budget.grid[0].expenditureType", "Goods");
            await d.FillAsync("budget.grid[0].y2028", N(1200000, c));
        }),
        ("economics", async (d, c) =>
        {
            await d.ChooseAsync("economics.generatesRevenue", "false");
            await d.FillAsync("economics.discountRatePercent", "6");
            await d.FillAsync("economics.eirrWithGcfPercent", N(14.2m, c));
        }),
        ("impact-potential", Criterion("impactPotential", "The lights save 900 MWh a year; the drains protect 24,300 people.")),
        ("paradigm-shift", Criterion("paradigmShift", "The performance contract is a model for the other 15 assemblies of the region.")),
        ("sustainable-development", Criterion("sustainableDevelopment", "Safer streets at night, 40 local jobs, fewer cholera cases after floods.")),
        ("needs-of-recipient", Criterion("needsOfRecipient", "TaMA's own revenue is USD 12.5 million a year; it cannot borrow long-term.")),
        ("country-ownership", Criterion("countryOwnership", "The project implements measure 4 of Ghana's NDC and TaMA's 2023 climate plan.")),
        ("efficiency-effectiveness", Criterion("efficiencyEffectiveness", "The GCF grant is the minimum that makes the energy-savings contract bankable.")),
        ("outcomes", async (d, c) =>
        {
            await d.FillAsync("results.paradigmShiftObjective", "Low-emission, flood-safe public space in northern Ghana's cities.");
            // Written on the design page: here it gets its result area.
            Assert.Equal("Lower electricity use and emissions of public lighting.", await d.ValueAsync("results.outcomes[0].statement"));
            await d.ChooseAsync("results.outcomes[0].resultAreas", "M3");
        }),
        ("indicators", async (d, c) =>
        {
            await d.PressAsync("preset:results.indicators:Preset.Core1");
            await d.FillAsync("results.indicators[0].baselineValue", "0");
            await d.FillAsync("results.indicators[0].finalTarget", N(6765, c));
        }),
        ("monitoring", async (d, c) =>
        {
            await d.FillAsync("monitoringEvaluation.arrangements", "Smart meters on every feeder; annual report to BOAD.");
            await d.ChooseAsync("monitoringEvaluation.reportingFrequency", "Annual");
        }),
        ("risks", async (d, c) =>
        {
            await d.PressAsync("add:risks");
            await d.ChooseAsync("risks[0].category", "Financial");
            await d.FillAsync("risks[0].description", "The utility pays late for the energy saved.");
            await d.ChooseAsync("risks[0].probability", "Medium");
            await d.ChooseAsync("risks[0].impact", "High");
            await d.FillAsync("risks[0].mitigation", "Escrow account funded from the savings.");
        }),
        ("safeguards", async (d, c) =>
        {
            await d.ChooseAsync("safeguards.screening.landAcquisitionOrResettlement", "false");
            await d.ChooseAsync("safeguards.screening.majorCivilWorks", "true");
            await d.ChooseAsync("safeguards.category", "B");
            await d.FillAsync("safeguards.categoryRationale", "Drain works are limited to existing road reserves.");
        }),
        ("gender", async (d, c) =>
        {
            await d.FillAsync("gender.assessment", "Women walk to markets before dawn; unlit streets keep them at home.");
            await d.PressAsync("add:gender.actionPlan");
            await d.FillAsync("gender.actionPlan[0].action", "Light the market routes first.");
        }),
        ("stakeholders", async (d, c) =>
        {
            await d.PressAsync("add:stakeholders.consultations");
            await d.FillAsync("stakeholders.consultations[0].date", "2026-09-12");
            await d.FillAsync("stakeholders.consultations[0].place", "Tamale city hall");
            await d.ChooseAsync("stakeholders.consultations[0].format", "PublicMeeting");
            await d.FillAsync("stakeholders.consultations[0].participants.female", "48");
            await d.FillAsync("stakeholders.consultations[0].participants.male", "62");
            await d.ChooseAsync("stakeholders.consultations[0].groupsReached", "Women");
            await d.FillAsync("stakeholders.grievanceMechanism", "Complaints box at each sub-metro office and a free phone line.");
        }),
        ("timetable", async (d, c) =>
        {
            await d.PressAsync("add:timetable");
            await d.FillAsync("timetable[0].name", "Procurement of the lights");
            await d.FillAsync("timetable[0].start", "2027-03-01");
            await d.FillAsync("timetable[0].end", "2027-09-30");
        }),
        ("annexes", async (d, c) => await d.PressAsync("preset:annexes:Preset.StandardAnnexes")),
        ("executive-summary", async (d, c) =>
            await d.FillAsync("narratives.executiveSummary", "Tamale replaces 2,000 street lights with LEDs and builds primary drains.")),
        ("accepted-warnings", async (d, c) =>
        {
            // Accept the first warning still open, with a reason, as the team would.
            if (await d.Page.Locator(".panel .finding-list li").CountAsync() == 0)
                return;
            await d.PressAsync("add:acknowledgements");
            await d.Page.Locator("[name=\"acknowledgements[0].ruleId\"]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Index = 1 });
            await d.FillAsync("acknowledgements[0].reason", "Known to BOAD; addressed in the feasibility study.");
            await d.FillAsync("acknowledgements[0].by", "Abdul-Rahman Issah");
        }),
    ];

    private static Func<WizardDriver, CultureInfo, Task> Criterion(string field, string text) =>
        (d, c) => d.FillAsync("narratives.investmentCriteria." + field, text);

    /// A number as a person types it in that language: "1 200 000" in French, "1,200,000" in English.
    public static string N(decimal value, CultureInfo culture) =>
        value.ToString("#,##0.####", culture).Replace('\u202F', ' ').Replace('\u00A0', ' ');
}
