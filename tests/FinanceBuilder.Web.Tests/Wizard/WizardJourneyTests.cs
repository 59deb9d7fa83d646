using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// One proposal written from nothing, as a user without JavaScript would (style §15): a new
/// proposal, then every page in order — one item added to every list and filled — following
/// "Save and continue" to "check your answers".
public sealed class WizardJourneyTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public WizardJourneyTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// A field's answer, and how "check your answers" must show it (null: not checked there).
    private sealed record Answer(string Field, string[] Values, string? Shown);

    private static Answer A(string field, string value) => new(field, [value], value);

    private static Answer A(string field, string value, string? shown) => new(field, [value], shown);

    private static Answer Many(string field, string[] values, string? shown) => new(field, values, shown);

    /// A cross-cutting municipal project, as a planning officer of Tamale would write it.
    private static readonly Answer[] Answers =
    [
        // fund-and-route
        A("target.templateVersion", "GCF-FP-V3.0"),
        // applicant
        A("applicant.proponent.name", "Tamale Metropolitan Assembly"),
        A("applicant.proponent.type", "Municipality", "Municipality"),
        A("applicant.proponent.countryCode", "GH", "Ghana"),
        A("applicant.proponent.population", "374744", "374,744"),
        A("applicant.proponent.populationYear", "2021"),
        A("applicant.proponent.populationSource", "Ghana Statistical Service, 2021 census"),
        A("applicant.proponent.annualBudget.amount", "48,250,000.50", "USD 48,250,000.5"),
        A("applicant.proponent.contact.name", "Abdul-Rahman Iddrisu"),
        A("applicant.proponent.contact.email", "planning@tamale.gov.gh"),
        // partners
        A("applicant.executingEntities[0].name", "Northern Electricity Distribution Company"),
        A("applicant.executingEntities[0].type", "Utility", "Public utility (water, power, waste…)"),
        A("applicant.executingEntities[0].role", "Connects the solar plants and operates the street lights."),
        A("applicant.executingEntities[0].budgetSharePercent", "100"),
        A("applicant.accreditedEntity.directoryId", "other", null),
        A("applicant.accreditedEntity.name", "Agence Française de Développement"),
        A("applicant.accreditedEntity.kind", "InternationalAccess", "International access entity (UN agency, development bank…)"),
        A("applicant.nationalDesignatedAuthorities[0].countryCode", "GH", null),
        A("applicant.nationalDesignatedAuthorities[0].name", "Ministry of Finance, Ghana"),
        A("applicant.nationalDesignatedAuthorities[0].noObjectionLetter.status", "Requested", "Requested"),
        A("applicant.nationalDesignatedAuthorities[0].noObjectionLetter.election", "1", null),
        // basics
        A("basics.title", "Tamale Solar Schools and Flood-Safe Streets, Ghana"),
        A("basics.focus", "CrossCutting", "Cross-cutting (mitigation and adaptation)"),
        A("basics.economicSector", "Energy", null),
        A("basics.subProjectsToBeIdentified", "false", null),
        A("basics.declaredSizeCategory", "Small", null),
        // location
        A("basics.countries", "GH", null),
        A("basics.locations[0].name", "Tamale Metropolis"),
        A("basics.locations[0].countryCode", "GH", null),
        A("basics.locations[0].administrativeArea", "Northern Region"),
        A("basics.locations[0].latitude", "9.4075"),
        A("basics.locations[0].longitude", "-0.8533"),
        // result-areas
        A("basics.resultAreas[0].area", "M1", null),
        A("basics.resultAreas[0].sharePercent", "100", null),
        // dates
        A("basics.implementationStart", "2027-03-31", "31 March 2027"),
        A("basics.implementationEnd", "2032-03-31", "31 March 2032"),
        A("basics.implementationMonths", "60"),
        A("basics.lifespanYears", "25"),
        // climate-context
        A("climateRationale.context", "Tamale's peak demand outgrows the northern grid while rainfall now comes in shorter, heavier storms."),
        A("climateRationale.vulnerability.povertyRatePercent", "23.4", null),
        // hazards
        A("climateRationale.hazards[0].type", "FloodPluvial", null),
        A("climateRationale.hazards[0].description", "Flash floods after convective storms close roads to the central market."),
        A("climateRationale.hazards[0].historicalEvents[0].date", "2024-08-12", "12 August 2024"),
        A("climateRationale.hazards[0].historicalEvents[0].description", "The August 2024 storm flooded 1,200 homes in Kalpohin."),
        // baseline-emissions
        A("climateRationale.baselineEmissions.year", "2022"),
        A("climateRationale.baselineEmissions.totalTco2e", "412000", "412,000"),
        A("climateRationale.baselineEmissions.sectors[0].sector", "Electricity for public buildings"),
        A("climateRationale.baselineEmissions.sectors[0].tco2e", "18500", "18,500"),
        // barriers-and-policies
        A("climateRationale.barriers[0].description", "Banks lend to municipalities only against central-government guarantees."),
        A("climateRationale.policyAlignment[0].title", "Ghana's updated NDC (2021)"),
        // mitigation
        A("mitigationMeasures[0].name", "Rooftop solar on 120 schools and clinics"),
        A("mitigationMeasures[0].technicalLifeYears", "25"),
        A("mitigationMeasures[0].firstYearOfOperation", "2028"),
        A("mitigationMeasures[0].gridElectricity.generation.installedCapacityKwp", "2400", null),
        A("mitigationMeasures[0].gridElectricity.generation.specificYield", "1450", null),
        A("mitigationMeasures[0].gridElectricity.savings[0].description", "LED street lights"),
        A("mitigationMeasures[0].gridElectricity.savings[0].units", "4200", null),
        A("mitigationMeasures[0].gridElectricity.savings[0].baselineKw", "0.25", null),
        A("mitigationMeasures[0].gridElectricity.savings[0].projectKw", "0.1", null),
        A("mitigationMeasures[0].gridElectricity.savings[0].hoursPerYear", "4380", null),
        A("mitigationMeasures[0].gridElectricity.gridEmissionFactor.value", "0.45", null),
        A("mitigationMeasures[0].gridElectricity.gridEmissionFactor.source", "IFI harmonised grid emission factor, Ghana", null),
        A("mitigationMeasures[0].gridElectricity.gridEmissionFactor.year", "2023", null),
        // adaptation
        A("adaptationMeasures[0].name", "Flood-safe drains along the Kalpohin corridor"),
        Many("adaptationMeasures[0].hazardsAddressed", ["FloodPluvial", "Storm"], null),
        A("adaptationMeasures[0].beneficiaries.direct.female", "61000", null),
        A("adaptationMeasures[0].beneficiaries.direct.male", "57000", null),
        A("adaptationMeasures[0].beneficiaries.direct.total", "118000", "Women 61,000 · Men 57,000 · Total 118,000"),
        A("adaptationMeasures[0].assetsProtected[0].description", "Houses along the drain"),
        A("adaptationMeasures[0].assetsProtected[0].replacementValue.amount", "2500000", "USD 2,500,000"),
        A("adaptationMeasures[0].cost.amount", "12000000", "USD 12,000,000"),
        // natural-resources
        A("resourceProtection[0].name", "Restored riparian strips of the Nabogo river"),
        A("resourceProtection[0].areaHectares", "350", null),
        // components
        A("components[0].name", "Solar power for public buildings"),
        A("components[0].outputs[0].name", "Rooftop plants installed and connected"),
        A("components[0].outputs[0].activities[0].name", "Procure and install the rooftop plants"),
        A("components[0].outputs[0].activities[0].start", "2027-06-01", "1 June 2027"),
        A("components[0].outputs[0].activities[0].end", "2029-05-31", "31 May 2029"),
        // governance
        A("governance.implementationArrangements", "A project management unit in the Assembly's planning department reports to a steering committee."),
        // narratives
        A("narratives.theoryOfChange", "If the Assembly proves that solar roofs cut its power bill, other assemblies of the north will follow."),
        // budget
        // (the budget grid: one row per cost item, one column per year)
        A("budget.grid[0].componentId", "1", "1 — Solar power for public buildings"),
        A("budget.grid[0].outputId", "1.1", null),
        A("budget.grid[0].description", "Rooftop solar plants, supply and installation"),
        A("budget.grid[0].expenditureType", "Works", null),
        A("budget.grid[0].y2028", "9500000", "USD 9,500,000"),
        // financing
        A("financing.gcfInstruments[0].amount.amount", "9500000", null),
        A("financing.coFinancing[0].name", "Tamale Metropolitan Assembly (own revenue)"),
        A("financing.coFinancing[0].type", "LocalGovernment", null),
        A("financing.coFinancing[0].amount.amount", "1200000", "USD 1,200,000"),
        A("financing.exchangeRates[0].from", "GHS"),
        A("financing.exchangeRates[0].rate", "0.0967"),
        A("financing.exchangeRates[0].source", "Bank of Ghana interbank mid-rate, 30 June 2025"),
        A("financing.disbursementSchedule[0].amount.amount", "3000000", "USD 3,000,000"),
        // economics
        A("economics.generatesRevenue", "false", null),
        A("economics.discountRatePercent", "6", null),
        A("economics.eirrWithGcfPercent", "14.5", "14.5"),
        A("economics.sensitivityAnalysis", "The EIRR stays above 10% with costs 20% higher or savings 20% lower."),
        // the six investment criteria
        A("narratives.investmentCriteria.impactPotential", "About 2,900 tCO2e avoided each year and 118,000 people protected from floods."),
        A("narratives.investmentCriteria.paradigmShift", "The first municipal solar programme of northern Ghana, a model for 15 assemblies."),
        A("narratives.investmentCriteria.sustainableDevelopment", "Lower electricity bills free money for school meals and clinic staff."),
        A("narratives.investmentCriteria.needsOfRecipient", "Tamale has no access to commercial credit for climate investment."),
        A("narratives.investmentCriteria.countryOwnership", "The project implements the NDC's distributed solar target and the Assembly's climate plan."),
        A("narratives.investmentCriteria.efficiencyEffectiveness", "The GCF grant costs USD 33 per tonne avoided over the lifetime."),
        // outcomes
        A("results.paradigmShiftObjective", "Municipal buildings of northern Ghana run on clean power."),
        A("results.outcomes[0].statement", "Public buildings of Tamale use less grid electricity."),
        Many("results.outcomes[0].resultAreas", ["M1", "A1"], null),
        // indicators
        A("results.indicators[0].level", "Outcome", null),
        A("results.indicators[0].measuresId", "O1", null),
        A("results.indicators[0].name", "Grid electricity bought by the Assembly"),
        A("results.indicators[0].unit", "MWh per year"),
        A("results.indicators[0].baselineValue", "5200", null),
        A("results.indicators[0].finalTarget", "1900", null),
        A("results.indicators[0].targetYear", "2032", null),
        A("results.indicators[0].frequency", "Annual", null),
        // monitoring
        A("monitoringEvaluation.arrangements", "Meters on every plant report to the project management unit each month."),
        A("monitoringEvaluation.reportingFrequency", "Annual", null),
        A("monitoringEvaluation.budget.amount", "150000", "USD 150,000"),
        // risks
        A("risks[0].description", "Panels are stolen from school roofs."),
        A("risks[0].probability", "Medium", null),
        A("risks[0].impact", "High", null),
        A("risks[0].mitigation", "Anti-theft bolts, community watch and insurance."),
        // safeguards
        A("safeguards.screening.landAcquisitionOrResettlement", "false", null),
        A("safeguards.category", "B", null),
        A("safeguards.categoryRationale", "Works on existing roofs and drains; no resettlement; impacts limited and reversible."),
        A("safeguards.esiaStatus", "Draft", null),
        // gender
        A("gender.assessment", "Women run most market stalls flooded each year and pay the highest share of their income for power."),
        A("gender.actionPlan[0].action", "Train women electricians for maintenance contracts."),
        A("gender.actionPlan[0].target.female", "60", null),
        // stakeholders
        A("stakeholders.consultations[0].date", "2025-05-14", "14 May 2025"),
        A("stakeholders.consultations[0].place", "Assembly Hall, Tamale"),
        A("stakeholders.consultations[0].format", "Workshop", "Workshop"),
        A("stakeholders.consultations[0].participants.female", "38", null),
        A("stakeholders.consultations[0].participants.male", "64", null),
        A("stakeholders.consultations[0].participants.total", "102", null),
        Many("stakeholders.consultations[0].groupsReached", ["Women", "Youth"], null),
        A("stakeholders.grievanceMechanism", "A free telephone line and a register at each school."),
        // timetable
        A("timetable[0].name", "Rooftop plants commissioned"),
        A("timetable[0].activityId", "1.1.1", null),
        A("timetable[0].start", "2027-06-01", null),
        A("timetable[0].end", "2029-05-31", null),
        A("timetable[0].isMilestone", "true", null),
        // annexes
        A("annexes[0].type", "FeasibilityStudy", "Feasibility study"),
        A("annexes[0].title", "Feasibility study of the rooftop solar programme"),
        A("annexes[0].status", "Draft", null),
        // executive-summary (written last)
        A("narratives.executiveSummary", "Solar power for 120 public buildings and flood-safe drains for 118,000 residents of Tamale."),
        // accepted-warnings
        A("acknowledgements[0].ruleId", "R-001", null),
        A("acknowledgements[0].reason", "The title names the city, which the funder accepts for municipal projects."),
        A("acknowledgements[0].by", "Abdul-Rahman Iddrisu"),
    ];

    [Fact]
    public async Task Journey_EveryPageInOrder_EndsAtCheckAnswers_WithEveryAnswer()
    {
        var id = await CreateAsync();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var visited = new List<string>();
        var url = Urls.Step(id, StepCatalogue.All[0].Id);

        while (url != Urls.CheckAnswers(id))
        {
            var step = url.Split('/')[^1];
            visited.Add(step);
            var page = await browser.OpenAsync(url);
            page = await AddOneItemToEveryListAsync(page, used);
            var broken = StepPageTests.BrokenReferences(page).ToList();
            Assert.True(broken.Count == 0, $"{step}: {string.Join("; ", broken)}");
            var form = Fill(page.StepForm(), used);
            // A warning is accepted by choosing one the page offers: the warnings open right now.
            if (page.Find("select[name='acknowledgements[0].ruleId'] option:not([value=''])")?.GetAttribute("value") is { } openWarning)
                form.Change("acknowledgements[0].ruleId", openWarning);
            var response = await browser.PostAsync(page.FormAction(), form.Set("action", "continue"));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step} was not saved: {await ProblemsAsync(response)}");
            url = response.Headers.Location!.OriginalString;
        }

        // Every page, in the catalogue's order (a cross-cutting project needs them all), but the
        // PPF request's, which is asked on the PPF route only (PpfRequestPageTests).
        Assert.Equal(StepCatalogue.All.Where(s => s != PreparationSteps.Request).Select(s => s.Id), visited);
        var unused = Answers.Select(a => a.Field).Where(f => !used.Contains(f)).ToList();
        Assert.True(unused.Count == 0, "No page asked for: " + string.Join(", ", unused));

        var check = await browser.OpenAsync(Urls.CheckAnswers(id));
        var missing = Answers.Where(a => a.Shown is not null && !check.Text.Contains(a.Shown, StringComparison.Ordinal)).Select(a => $"{a.Field}: \"{a.Shown}\"").ToList();
        Assert.True(missing.Count == 0, "Check your answers does not show:\n" + string.Join("\n", missing));

        Assert.DoesNotMatch(WizardTextTests.RawKey(), check.Text);

        var taskList = await browser.OpenAsync(Urls.TaskList(id));
        var statuses = StepCatalogue.All.Where(s => s != PreparationSteps.Request).ToDictionary(s => s.Id, s => taskList.Get("#status-" + s.Id).ClassList);
        var notStarted = statuses.Where(s => s.Value.Contains("tag--notstarted")).Select(s => s.Key).ToList();
        Assert.True(notStarted.Count == 0, "Still 'not started' on the task list: " + string.Join(", ", notStarted));
        Assert.Contains(check.Document.QuerySelectorAll(".answers-section .tag"), t => !t.ClassList.Contains("tag--notstarted"));

        var (version, proposal) = await browser.StoredAsync(id);
        Assert.True(version > StepCatalogue.All.Count, $"Only {version} versions were saved.");
        Assert.Equal("Tamale Solar Schools and Flood-Safe Streets, Ghana", proposal.Basics.Title);
        Assert.Equal(48_250_000.50m, proposal.Applicant.Proponent.AnnualBudget!.Amount);
        // Women and men given: the total is theirs, computed rather than stored a second time.
        Assert.Null(proposal.AdaptationMeasures[0].Beneficiaries.Direct!.Total);
        Assert.Equal(118_000, proposal.AdaptationMeasures[0].Beneficiaries.Direct.Known());
        Assert.Equal(2400m, proposal.MitigationMeasures[0].GridElectricity!.Generation!.InstalledCapacityKwp);
        Assert.Equal("tCO2/MWh", proposal.MitigationMeasures[0].GridElectricity!.GridEmissionFactor!.Unit);
    }

    private async Task<Guid> CreateAsync()
    {
        var page = await browser.OpenAsync("/proposals/new");
        var form = FormFields.Read((IHtmlFormElement)page.Get("main form[method=post]"))
            .Change("route", "FundingProposal").Change("language", "En").Change("title", "Tamale solar and drainage");
        var created = await browser.PostAsync("/proposals/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var taskList = await browser.FollowAsync(created);
        Assert.Contains("tag--notstarted", taskList.Get("#status-risks").ClassName, StringComparison.Ordinal);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// Presses "add" on each list still empty (nested lists appear with their new parent item),
    /// filling what is on the page first so that every press also saves it.
    private async Task<WizardPage> AddOneItemToEveryListAsync(WizardPage page, HashSet<string> used)
    {
        for (var presses = 0; presses < 20; presses++)
        {
            var form = page.StepForm();
            var empty = page.Document.QuerySelectorAll("button[name=action][value^='add:']")
                .Select(b => b.GetAttribute("value")!["add:".Length..])
                .FirstOrDefault(list => (form[list + ".count"] ?? form[list == "budget.lines" ? "budget.grid.count" : ""]) == "0");
            if (empty is null)
                return page;
            var response = await browser.PostAsync(page.FormAction(), Fill(form, used).Set("action", "add:" + empty));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Adding to {empty} failed: {await ProblemsAsync(response)}");
            Assert.EndsWith("#" + FinanceBuilder.Web.Proposals.Model.ModelPath.HtmlId(empty + "[0]"), response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            page = await browser.FollowAsync(response);
        }
        throw new Xunit.Sdk.XunitException("A page kept offering lists to fill.");
    }

    private static FormFields Fill(FormFields form, HashSet<string> used)
    {
        foreach (var answer in Answers.Where(a => form.Shows(a.Field)))
        {
            form.Change(answer.Field, answer.Values);
            used.Add(answer.Field);
        }
        return form;
    }

    private static async Task<string> ProblemsAsync(HttpResponseMessage response)
    {
        var page = await WizardPage.ReadAsync(response);
        return $"{(int)response.StatusCode} {page.Find(".error-summary")?.TextContent.Trim() ?? page.Find(".notice")?.TextContent.Trim()}";
    }
}
