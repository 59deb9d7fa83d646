using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;
using static FinanceBuilder.Web.Questionnaire.B;

namespace FinanceBuilder.Web.Questionnaire;

/// Section B: the climate rationale, the measures, the project's design and its governance.
public static class ProjectInformationSteps
{
    private static bool MayMitigate(Proposal p) => p.Basics.Focus != Focus.Adaptation;

    private static bool MayAdapt(Proposal p) => p.Basics.Focus != Focus.Mitigation;

    public static readonly Step Context = new("climate-context", StepGroup.ProjectInformation,
    [
        F("climateRationale.context") with { WordLimit = "climateRationale" },
        Group("vulnerability",
            F("climateRationale.vulnerability.povertyRatePercent"),
            F("climateRationale.vulnerability.vulnerableGroups"),
            F("climateRationale.vulnerability.description"),
            F("climateRationale.vulnerability.adaptiveCapacity")),
    ]);

    public static readonly Step Hazards = new("hazards", StepGroup.ProjectInformation,
    [
        List<Hazard>("climateRationale.hazards", _ => new Hazard { Type = HazardType.FloodPluvial },
            F("type"), F("description"), F("currentFrequency"),
            Group("projectedChange",
                F("projectedChange.scenario"), F("projectedChange.horizonYear"), F("projectedChange.description"), F("projectedChange.source")),
            List<HistoricalEvent>("historicalEvents", _ => new HistoricalEvent(),
                F("date"), F("description"), F("losses"), F("peopleAffected"))) with { TitleField = "type" },
    ]);

    public static readonly Step BaselineEmissions = new("baseline-emissions", StepGroup.ProjectInformation,
    [
        F("climateRationale.baselineEmissions.year"),
        F("climateRationale.baselineEmissions.totalTco2e"),
        F("climateRationale.baselineEmissions.source"),
        List<SectorEmissions>("climateRationale.baselineEmissions.sectors", _ => new SectorEmissions { Sector = "", Tco2e = 0 },
            F("sector"), F("tco2e")) with { AsTable = true },
    ])
    { IsApplicable = MayMitigate };

    public static readonly Step BarriersAndPolicies = new("barriers-and-policies", StepGroup.ProjectInformation,
    [
        List<FinanceBuilder.Web.Proposals.Model.Barrier>("climateRationale.barriers", _ => new FinanceBuilder.Web.Proposals.Model.Barrier { Type = BarrierType.Financial },
            F("type"), F("description")) with { TitleField = "type" },
        List<PolicyReference>("climateRationale.policyAlignment", _ => new PolicyReference { Type = PolicyDocumentType.Ndc },
            F("type"), F("title"), F("reference"), F("description")) with { TitleField = "title" },
    ]);

    public static readonly Step Mitigation = new("mitigation", StepGroup.ProjectInformation,
    [
        List<MitigationMeasure>("mitigationMeasures",
            list => new MitigationMeasure { Id = Choices.NextId("MM-0", list.Select(m => m.Id)), Method = CalculationMethod.GridElectricity },
            F("id"), F("name"), F("description"),
            F("method") with { Refresh = true },
            Ref("componentId", Choices.Components),
            F("technicalLifeYears"), F("firstYearOfOperation"), F("gwpSet"), F("effect"), F("baselineScenario"),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.GridElectricity, Group("gridElectricity",
                F("gridElectricity.generation.installedCapacityKwp"),
                F("gridElectricity.generation.specificYield"),
                F("gridElectricity.generation.annualDegradationPercent"),
                List<EquipmentSaving>("gridElectricity.savings", _ => new EquipmentSaving(),
                    F("description"), F("units"), F("baselineKw"), F("projectKw"), F("hoursPerYear")),
                F("gridElectricity.gridEmissionFactor") with { Unit = "tCO2/MWh" },
                F("gridElectricity.transmissionLossPercent"),
                F("gridElectricity.auxiliaryConsumptionMwh"))),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.FuelSwitch, Group("fuelSwitch",
                List<FuelUse>("fuelSwitch.baseline", _ => new FuelUse { Fuel = FuelType.Diesel, Unit = FuelUnit.Litre },
                    F("fuel"), F("quantity"), F("unit"), F("emissionFactor") with { Unit = "kg CO2/TJ" }),
                List<FuelUse>("fuelSwitch.project", _ => new FuelUse { Fuel = FuelType.NaturalGas, Unit = FuelUnit.CubicMetre },
                    F("fuel"), F("quantity"), F("unit"), F("emissionFactor") with { Unit = "kg CO2/TJ" }),
                F("fuelSwitch.projectElectricityMwh"),
                F("fuelSwitch.gridEmissionFactor") with { Unit = "tCO2/MWh" })),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.LandfillGas, Group("landfillGas",
                F("landfillGas.gasCollectedNm3"),
                F("landfillGas.methaneFractionPercent"),
                F("landfillGas.device"),
                F("landfillGas.destructionEfficiency") with { Unit = "fraction" },
                F("landfillGas.electricityExportedMwh"),
                F("landfillGas.gridEmissionFactor") with { Unit = "tCO2/MWh" },
                F("landfillGas.projectEmissionsTco2e"))),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.WasteDiversion, Group("wasteDiversion",
                List<WasteFraction>("wasteDiversion.streams", _ => new WasteFraction { Kind = WasteKind.Food },
                    F("kind"), F("tonnesPerYear")) with { AsTable = true },
                F("wasteDiversion.landfill"),
                F("wasteDiversion.climateZone"),
                F("wasteDiversion.treatment"),
                F("wasteDiversion.creditingYears"),
                F("wasteDiversion.projectEmissionsTco2e"))),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.Wastewater, Group("wastewater",
                F("wastewater.organicLoadKg"),
                F("wastewater.loadBasis"),
                F("wastewater.baselineTreatment"),
                F("wastewater.projectTreatment"),
                F("wastewater.methaneRecoveredKg"))),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.Transport, Group("transport",
                List<ModalShift>("transport.modalShifts", _ => new ModalShift { FromMode = TransportMode.Car, ToMode = TransportMode.Brt },
                    F("fromMode"), F("toMode"), F("passengerKmPerYear"),
                    F("fromEmissionFactor") with { Unit = "kg CO2/pkm" }, F("toEmissionFactor") with { Unit = "kg CO2/pkm" }),
                F("transport.fleet.vehicles"),
                F("transport.fleet.kmPerVehiclePerYear"),
                F("transport.fleet.baselineFuel"),
                F("transport.fleet.baselineLitresPer100Km"),
                F("transport.fleet.projectKwhPerKm"),
                F("transport.fleet.projectLitresPer100Km"),
                F("transport.fleet.chargingLossPercent"),
                F("transport.fleet.gridEmissionFactor") with { Unit = "tCO2/MWh" },
                F("transport.inducedTrafficPercent"))),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.Buildings, Group("buildings",
                List<CarrierSaving>("buildings.savings", _ => new CarrierSaving { Carrier = EnergyCarrier.Electricity },
                    F("carrier"), F("mwhPerYear"), F("emissionFactor") with { Unit = "tCO2/MWh" }),
                F("buildings.gridEmissionFactor") with { Unit = "tCO2/MWh" })),
            When<MitigationMeasure>(m => m.Method == CalculationMethod.TreePlanting, Group("treePlanting",
                F("treePlanting.areaHectares"),
                F("treePlanting.biomassIncrement") with { Unit = "t d.m./ha/yr" },
                F("treePlanting.carbonFraction") with { Unit = "t C/t d.m." },
                F("treePlanting.permanenceNarrative"))),
            Group("reported",
                F("reported.annualTco2e"), F("reported.lifetimeTco2e"), F("reported.method"), F("reported.source")),
            Panel("emissions"),
            BeneficiaryFields()) with { TitleField = "name", PageSize = 10 },
        // The project's totals, exactly as the documents print them (A.5, D.1, E).
        Panel("emissionTotals"),
    ])
    { IsApplicable = MayMitigate, Validator = new UniqueIds<MitigationMeasure>(p => p.MitigationMeasures, m => m.Id, "mitigationMeasures") };

    /// The people a measure reaches, asked alike of mitigation and adaptation measures.
    private static GroupBlock BeneficiaryFields() => Group("beneficiaries",
        F("beneficiaries.direct"), F("beneficiaries.indirect"), F("beneficiaries.countingBasis"),
        F("beneficiaries.serviceAreaPopulation"), F("beneficiaries.populationSource"), F("beneficiaries.populationYear"),
        F("beneficiaries.indirectArea"), F("beneficiaries.indirectAreaPopulation"));

    public static readonly Step Adaptation = new("adaptation", StepGroup.ProjectInformation,
    [
        List<AdaptationMeasure>("adaptationMeasures",
            list => new AdaptationMeasure { Id = Choices.NextId("AM-0", list.Select(m => m.Id)) },
            F("id"), F("name"), F("description"),
            Ref("componentId", Choices.Components),
            F("hazardsAddressed"), F("designReturnPeriodYears"),
            BeneficiaryFields(),
            List<ProtectedAsset>("assetsProtected", _ => new ProtectedAsset { Type = AssetType.Housing },
                F("type"), F("description"), F("count"), F("replacementValue")),
            F("hectares"), F("residualRisk"), F("alternativesConsidered"),
            Group("costs", F("cost"), F("annualOperatingCost"), F("avoidedAnnualDamage"))) with { TitleField = "name", PageSize = 10 },
        Panel("beneficiaries"),
    ])
    { IsApplicable = MayAdapt, Validator = new UniqueIds<AdaptationMeasure>(p => p.AdaptationMeasures, m => m.Id, "adaptationMeasures") };

    public static readonly Step Resources = new("natural-resources", StepGroup.ProjectInformation,
    [
        List<ResourceProtectionMeasure>("resourceProtection",
            list => new ResourceProtectionMeasure { Id = Choices.NextId("RP-0", list.Select(m => m.Id)), Resource = NaturalResource.Water },
            F("id"), F("resource"), F("name"), F("description"), Ref("componentId", Choices.Components),
            F("areaHectares"), Ref("adaptationMeasureId", Choices.AdaptationMeasures), F("inProtectedArea"), F("baseline"), F("expectedOutcome")) with { TitleField = "name" },
    ])
    { Optional = true, Validator = new UniqueIds<ResourceProtectionMeasure>(p => p.ResourceProtection, m => m.Id, "resourceProtection") };

    /// Numbers are not asked: each item takes the number of its place (DesignNumbering), shown in
    /// its heading. An output names the outcomes it serves, and a new one can be written there
    /// and then: the outcomes page, later in the flow, completes it.
    public static readonly Step Components = new("components", StepGroup.ProjectInformation,
    [
        List<Component>("components", list => new Component { Id = Choices.NextId("", list.Select(c => c.Id)) },
            F("name"), F("description"),
            ListIn<Component, Output>("outputs", (c, list) => new Output { Id = Choices.NextId(c.Id + ".", list.Select(o => o.Id)) },
                F("name"), F("description"), Ref("outcomeIds", Choices.Outcomes) with { New = Choices.NewOutcome },
                ListIn<Output, Activity>("activities", (o, list) => new Activity { Id = Choices.NextId(o.Id + ".", list.Select(a => a.Id)) },
                    F("name"), F("description"), F("start"), F("end")) with { TitleField = "name", NumberField = "id" })
                with { TitleField = "name", NumberField = "id" })
            with { TitleField = "name", NumberField = "id" },
    ])
    { Validator = new ComponentsValidator(), Settle = DesignNumbering.Renumber };

    public static readonly Step Governance = new("governance", StepGroup.ProjectInformation,
    [
        F("governance.implementationArrangements") with { WordLimit = "implementationArrangements" },
        F("governance.steeringCommittee"),
        F("governance.flowOfFunds"),
        F("governance.procurement"),
        F("governance.financialManagement"),
    ]);

    public static readonly Step Narratives = new("narratives", StepGroup.ProjectInformation,
    [
        F("narratives.theoryOfChange") with { WordLimit = "theoryOfChange" },
        F("narratives.projectDescription") with { WordLimit = "projectDescription" },
        F("narratives.complementarity"),
        F("narratives.justificationForGcf") with { WordLimit = "justificationForGcf" },
        F("narratives.exitStrategy") with { WordLimit = "exitStrategy" },
    ]);

    public sealed class ComponentsValidator : AbstractValidator<Proposal>
    {
        public ComponentsValidator()
        {
            Include(new UniqueIds<Component>(p => p.Components, c => c.Id, "components"));
            RuleForEach(p => p.Components).ChildRules(c =>
                c.RuleForEach(x => x.Outputs).ChildRules(o =>
                    o.RuleForEach(x => x.Activities).ChildRules(a =>
                        a.RuleFor(x => x.End).GreaterThanOrEqualTo(x => x.Start).When(x => x.Start is not null && x.End is not null)
                            .WithMessage(_ => ProposalText.Text("Check.EndBeforeStart")))));
        }
    }
}

/// Identifiers of one list must differ: budget lines, indicators and the timetable refer to them.
public sealed class UniqueIds<T> : AbstractValidator<Proposal>
{
    public UniqueIds(Func<Proposal, IEnumerable<T>> items, Func<T, string> id, string path)
    {
        RuleFor(p => items(p).Select(id).GroupBy(x => x, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).FirstOrDefault())
            .Null().WithMessage((_, duplicate) => ProposalText.FormatText("Check.DuplicateId", duplicate))
            .OverridePropertyName(path);
    }
}
