using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Calculators.Methods;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Calculators;

/// The worked examples of gcf-reference §12, to the precision the reference states.
public sealed class WorkedExampleTests
{
    private static Factor Ef(decimal value) => new() { Value = value, Unit = "tCO2/MWh", Source = "worked example", Tier = ParameterTier.Modelled };

    private static EmissionResult Run(MitigationMeasure measure, int? lifespan = null) =>
        EmissionCalculator.Calculate(measure, new CalculationContext(lifespan, "$.mitigationMeasures[0]"));

    /// §12.2: 2,000 street lights, 170 W → 60 W, 4,100 h/yr: 902 MWh/yr; at 0.5 tCO2/MWh 451 tCO2/yr;
    /// 15 years → 6,765 tCO2; at USD 1.2 million → ≈ USD 177 per tCO2.
    [Fact]
    public void StreetLighting_M1()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "LED",
            Method = CalculationMethod.GridElectricity,
            TechnicalLifeYears = 15,
            GridElectricity = new GridElectricityInputs
            {
                GridEmissionFactor = Ef(0.5m),
                Savings = [new EquipmentSaving { Description = "street lights", Units = 2000, BaselineKw = 0.170m, ProjectKw = 0.060m, HoursPerYear = 4100 }],
            },
        });

        Assert.True(result.IsComplete);
        Assert.Equal(15, result.CreditingYears);
        Assert.Equal(451m, result.FirstYearTco2e);
        Assert.Equal(6765m, result.LifetimeTco2e);
        Assert.Equal(177m, Math.Round(1_200_000m / result.LifetimeTco2e));
    }

    /// §12.2: 1 MWp PV at 1,500 kWh/kWp/yr, 0.5 %/yr degradation, 25 years → ≈ 35,334 MWh; at 0.6 → ≈ 21,200 tCO2.
    [Fact]
    public void SolarPv_M1_WithDegradation()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "PV",
            Method = CalculationMethod.GridElectricity,
            TechnicalLifeYears = 25,
            GridElectricity = new GridElectricityInputs
            {
                GridEmissionFactor = Ef(0.6m),
                Generation = new Generation { InstalledCapacityKwp = 1000, SpecificYield = 1500, AnnualDegradationPercent = 0.5m },
            },
        });

        Assert.Equal(35_334m, Math.Round(result.LifetimeTco2e / 0.6m));
        Assert.Equal(21_200m, Math.Round(result.LifetimeTco2e / 100m) * 100m);
        Assert.Equal(900m, result.FirstYearTco2e);
        Assert.True(result.AnnualTco2e[24] < result.AnnualTco2e[0]);
    }

    /// §12.4: 2.0 million Nm3 at 50 % CH4 → 716.8 t CH4; 90 % destruction → 645 t; × 28 → ≈ 18,060 tCO2e/yr.
    [Fact]
    public void LandfillGas_M3()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "LFG",
            Method = CalculationMethod.LandfillGas,
            GwpSet = GwpSet.Ar5,
            LandfillGas = new LandfillGasInputs { GasCollectedNm3 = 2_000_000m, MethaneFractionPercent = 50m, Device = DestructionDevice.EnclosedFlare, ProjectEmissionsTco2e = 0m },
        }, lifespan: 10);

        Assert.Equal(18_063.36m, result.FirstYearTco2e);
        Assert.Equal(18_060m, Math.Round(result.FirstYearTco2e / 10m) * 10m);
        Assert.Equal(10, result.CreditingYears);
    }

    /// §12.3: t/MWh = kg/TJ × 0.0036 / 1000, e.g. natural gas 56,100 → 0.202, coal 94,600 → 0.341.
    [Theory]
    [InlineData(FuelType.NaturalGas, 0.202)]
    [InlineData(FuelType.Diesel, 0.267)]
    [InlineData(FuelType.Gasoline, 0.249)]
    [InlineData(FuelType.BituminousCoal, 0.341)]
    [InlineData(FuelType.Lignite, 0.364)]
    public void FuelFactors_PerMwh(FuelType fuel, double expected)
    {
        var result = Run(new MitigationMeasure
        {
            Id = "F",
            Method = CalculationMethod.FuelSwitch,
            TechnicalLifeYears = 1,
            FuelSwitch = new FuelSwitchInputs { Baseline = [new FuelUse { Fuel = fuel, Quantity = 1000m, Unit = FuelUnit.Mwh }] },
        });

        Assert.Equal((decimal)expected, Math.Round(result.FirstYearTco2e / 1000m, 3));
    }

    /// §12.3 and §12.7: diesel 0.84 kg/L → ≈ 2.68 kgCO2/L; gasoline ≈ 2.27; LPG ≈ 1.61;
    /// a diesel bus at 35 L/100 km ≈ 0.94 kgCO2 per vehicle-km.
    [Fact]
    public void PerLitreShortcuts()
    {
        Assert.Equal(2.68m, Math.Round(Transport.KgCo2PerLitre(FuelType.Diesel)!.Value, 2));
        Assert.Equal(2.27m, Math.Round(Transport.KgCo2PerLitre(FuelType.Gasoline)!.Value, 2));
        Assert.Equal(1.61m, Math.Round(Transport.KgCo2PerLitre(FuelType.Lpg)!.Value, 2));
        Assert.Equal(0.94m, Math.Round(35m / 100m * Transport.KgCo2PerLitre(FuelType.Diesel)!.Value, 2));
    }

    /// E-bus (§12.7): BE = km × L/100 km × kgCO2/L ; PE = km × kWh/km ÷ (1 − losses) × EF_grid.
    [Fact]
    public void ElectricBuses_M6()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "BUS",
            Method = CalculationMethod.Transport,
            TechnicalLifeYears = 12,
            Transport = new TransportInputs
            {
                Fleet = new FleetRenewal { Vehicles = 10, KmPerVehiclePerYear = 60_000, BaselineLitresPer100Km = 35m, ProjectKwhPerKm = 1.2m, ChargingLossPercent = 10m, GridEmissionFactor = Ef(0.3m) },
            },
        });

        var baseline = 600_000m * 0.35m * Transport.KgCo2PerLitre(FuelType.Diesel)!.Value / 1000m; // ≈ 562 t
        var project = 600_000m * 1.2m / 0.9m / 1000m * 0.3m;                                         // 240 t
        Assert.Equal(Math.Round(baseline - project, 6), Math.Round(result.FirstYearTco2e, 6));
        Assert.Equal(12, result.CreditingYears);
    }

    /// §12.9: 100 ha × 5 t dm/ha/yr × 0.47 × 44/12 = 861.67 tCO2/yr.
    [Fact]
    public void TreePlanting_M8()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "TREES",
            Method = CalculationMethod.TreePlanting,
            TechnicalLifeYears = 20,
            TreePlanting = new TreePlantingInputs { AreaHectares = 100m, BiomassIncrement = new Factor { Value = 5m, Unit = "t dm/ha/yr", Source = "IPCC AFOLU Table 4.9" }, PermanenceNarrative = "Municipal park." },
        });

        Assert.Equal(861.67m, Math.Round(result.FirstYearTco2e, 2));
        Assert.Contains(result.Parameters, p => p.Name == "carbon fraction" && p.IsDefault && p.Value == 0.47m);
    }

    /// §12.6: 1,000,000 kg BOD/yr from an anaerobic deep lagoon (MCF 0.8) to a well-managed aerobic
    /// plant (MCF 0): 1,000,000 × 0.6 × 0.8 = 480 t CH4 → × 28 = 13,440 tCO2e/yr.
    [Fact]
    public void Wastewater_M5()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "WW",
            Method = CalculationMethod.Wastewater,
            TechnicalLifeYears = 20,
            Wastewater = new WastewaterInputs { OrganicLoadKg = 1_000_000m, BaselineTreatment = WastewaterTreatment.AnaerobicDeepLagoon, ProjectTreatment = WastewaterTreatment.AerobicWellManaged },
        });

        Assert.Equal(13_440m, result.FirstYearTco2e);
    }

    /// §12.5 first-order decay, 1,000 t/yr of food waste, tropical wet (k = 0.40), managed anaerobic
    /// landfill (MCF 1, OX 0.1), composted: year 1 credits nothing (minus composting emissions);
    /// year 2 = 75 × (1 − e^−0.4) × 0.5 × 16/12 × 0.9 × 28 t.
    [Fact]
    public void WasteDiversion_M4_FirstOrderDecay()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "COMPOST",
            Method = CalculationMethod.WasteDiversion,
            TechnicalLifeYears = 10,
            WasteDiversion = new WasteDiversionInputs
            {
                Streams = [new WasteFraction { Kind = WasteKind.Food, TonnesPerYear = 1000m }],
                Landfill = LandfillType.ManagedAnaerobic,
                ClimateZone = ClimateZone.TropicalWet,
                Treatment = DiversionTreatment.Composting,
            },
        });

        var composting = 1000m * (4m * 28m + 0.24m * 265m) / 1000m;          // 175.6 tCO2e/yr
        var year2 = 75m * (1m - (decimal)Math.Exp(-0.4)) * 0.5m * 16m / 12m * 0.9m * 28m;
        Assert.Equal(-composting, result.AnnualTco2e[0]);
        Assert.Equal(Math.Round(year2 - composting, 4), Math.Round(result.AnnualTco2e[1], 4));
        Assert.True(result.AnnualTco2e[9] > result.AnnualTco2e[1]);
    }

    /// §12.1: the crediting period is the technical life capped by the project lifespan.
    [Fact]
    public void CreditingPeriod_IsCappedByTheLifespan()
    {
        var measure = new MitigationMeasure
        {
            Id = "PV",
            Method = CalculationMethod.GridElectricity,
            TechnicalLifeYears = 25,
            GridElectricity = new GridElectricityInputs { GridEmissionFactor = Ef(0.5m), Generation = new Generation { InstalledCapacityKwp = 100, SpecificYield = 1000 } },
        };

        Assert.Equal(20, Run(measure, lifespan: 20).CreditingYears);
        Assert.Equal(25, Run(measure, lifespan: 30).CreditingYears);
    }

    /// A half-filled measure reports what is missing, by path, and computes nothing — no exception.
    [Fact]
    public void HalfFilledMeasure_ListsMissingInputs()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "PV",
            Method = CalculationMethod.GridElectricity,
            GridElectricity = new GridElectricityInputs { Generation = new Generation { InstalledCapacityKwp = 500 } },
        });

        Assert.False(result.IsComplete);
        Assert.Empty(result.AnnualTco2e);
        Assert.Contains("$.mitigationMeasures[0].gridElectricity.gridEmissionFactor", result.MissingInputs);
        Assert.Contains("$.mitigationMeasures[0].gridElectricity.generation.specificYield", result.MissingInputs);
    }

    /// A reduction computed by the accredited entity's own method is used as given, with its source.
    [Fact]
    public void ReportedReduction_IsUsedWhenTheMethodsInputsAreAbsent()
    {
        var result = Run(new MitigationMeasure
        {
            Id = "BRT",
            Method = CalculationMethod.Transport,
            TechnicalLifeYears = 30,
            Reported = new ReportedReduction { LifetimeTco2e = 2_600_000m, Method = "IFI joint approach (transport)", Source = "FP085 appraisal" },
        }, lifespan: 30);

        Assert.True(result.IsComplete);
        Assert.Equal(2_600_000m, Math.Round(result.LifetimeTco2e));
        Assert.Contains(result.Parameters, p => p.Source.Contains("FP085 appraisal", StringComparison.Ordinal));
        Assert.NotEmpty(result.Notes);
    }

    [Theory]
    [InlineData(CalculationMethod.GridElectricity)]
    [InlineData(CalculationMethod.FuelSwitch)]
    [InlineData(CalculationMethod.LandfillGas)]
    [InlineData(CalculationMethod.WasteDiversion)]
    [InlineData(CalculationMethod.Wastewater)]
    [InlineData(CalculationMethod.Transport)]
    [InlineData(CalculationMethod.Buildings)]
    [InlineData(CalculationMethod.TreePlanting)]
    public void EmptyMeasure_OfEveryMethod_IsIncompleteNotAnError(CalculationMethod method)
    {
        var result = Run(new MitigationMeasure { Id = "X", Method = method });

        Assert.False(result.IsComplete);
        Assert.NotEmpty(result.MissingInputs);
    }
}
