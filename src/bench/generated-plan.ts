/**
 * Milan's plan grown to a benchmark's scale, every added record labelled GENERATED: 400 × scale
 * objectives in force in 2019 and 1,500 × scale KPIs with targets for 2019-2021, then three years
 * of monthly and yearly values for the generated KPIs.
 */
import { DataSource } from "typeorm";
import {
  KpiDirection,
  KpiFrequency,
  KpiUnit,
  MeasurementStatus,
  ObjectiveLevel,
  OrgUnitKind,
  PeriodKind,
  ScoringRule,
} from "../../entities/enums";
import { Kpi } from "../../entities/kpi.entity";
import { Measurement } from "../../entities/measurement.entity";
import { loadPlan } from "../plan-data/load-plan";
import { PlanData } from "../plan-data/plan-data.schema";
import { readPlanData } from "../plan-data/read-plan-data";
import { seededRandom } from "../simulate/random";

const YEARS = [2019, 2020, 2021];
const ACT = "GC-2187-2019";
const CHUNK = 2000;

/** The plan data with GENERATED objectives (owned in turn by the directorates in force at the end of 2019) and KPIs. */
function generatedPlan(data: PlanData, scale: number): PlanData {
  const random = seededRandom(42 + scale);
  const directorates = data.units.filter(
    (u) => u.kind === OrgUnitKind.DIRECTORATE && (u.validTo === null || u.validTo >= "2019-12-31"),
  );
  const inForce2019 = data.objectives.filter((o) => o.years.includes(2019)).length;
  const objectives = Array.from({ length: Math.max(0, Math.round(400 * scale) - inForce2019) }, (_, i) => {
    const owner = directorates[i % directorates.length];
    return {
      key: `GEN-OBJ-${i + 1}`,
      level: "DIREZIONE" as const,
      heading: null,
      title: `GENERATED objective ${i + 1}`,
      owner: owner.code,
      number: null,
      years: YEARS,
      collaborators: [],
      unresolvedCollaborators: [],
      parent: null,
      seedLine: null,
      healthGroup: null,
      status: "ACTIVE" as const,
      position: 100_000 + i,
      createdOn: owner.validFrom !== null && owner.validFrom > "2019-01-01" ? owner.validFrom : "2019-01-01",
    };
  });
  const changes = objectives.map((o) => ({
    key: `${ACT}:CREATED:${o.key}`,
    act: ACT,
    objective: o.key,
    kind: "CREATED" as const,
    reason: null,
    source: "IMPLIED" as const,
    from: null,
    to: o.owner,
    oldTitle: null,
    newTitle: null,
    effectiveDate: o.createdOn,
    citations: [],
    note: "GENERATED for the benchmarks",
  }));
  const scored = [
    ...data.objectives.filter((o) => o.level === ObjectiveLevel.DIREZIONE || o.level === ObjectiveLevel.SALUTE),
    ...objectives,
  ];
  const wanted = Math.max(0, Math.round(1500 * scale) - data.kpis.length);
  const kpis = Array.from({ length: wanted }, (_, i) => ({
    code: `GEN-${i + 1}`,
    objective: scored[i % scored.length].key,
    name: `GENERATED indicator ${i + 1}`,
    unit: KpiUnit.PERCENT,
    direction: KpiDirection.HIGHER_IS_BETTER,
    weight: "1",
    frequency: KpiFrequency.MONTHLY,
    source: "MANUAL",
    scoring: ScoringRule.LINEAR,
    seedLine: null,
    targets: YEARS.map((year) => ({
      year,
      description: "GENERATED target",
      items: [],
      value: String(60 + Math.round(random() * 30)),
      act: ACT,
      seedLine: null,
    })),
  }));
  return {
    ...data,
    objectives: [...data.objectives, ...objectives.map(({ createdOn: _createdOn, ...o }) => o)],
    changes: [...data.changes, ...changes],
    kpis: [...data.kpis, ...kpis],
  } as PlanData;
}

/** Loads Milan's plan grown to the scale, with the GENERATED values; returns its size. */
export async function loadGeneratedPlan(
  dataSource: DataSource,
  scale: number,
): Promise<{ objectives2019: number; kpis: number; measurements: number }> {
  const plan = generatedPlan(readPlanData(), scale);
  await loadPlan(dataSource, plan);
  return {
    objectives2019: plan.objectives.filter((o) => o.years.includes(2019)).length,
    kpis: plan.kpis.length,
    measurements: await generateMeasurements(dataSource, scale),
  };
}

/** Three years of monthly and yearly values for each GENERATED KPI (39 per KPI), as manual records. */
async function generateMeasurements(dataSource: DataSource, scale: number): Promise<number> {
  const random = seededRandom(7 + scale);
  const kpiIds = (
    await dataSource.manager
      .createQueryBuilder(Kpi, "k")
      .select("k.id", "id")
      .where("k.code LIKE 'GEN-%'")
      .orderBy("k.id")
      .getRawMany<{ id: number }>()
  ).map((k) => Number(k.id));
  const periods = [
    ...Array.from({ length: 12 }, (_, m) => ({ kind: PeriodKind.MONTH, index: m + 1 })),
    { kind: PeriodKind.YEAR, index: 0 },
  ];
  const recordedAt = new Date();
  let written = 0;
  let batch: Array<Partial<Measurement>> = [];
  const flush = async () => {
    if (batch.length) await dataSource.manager.insert(Measurement, batch);
    written += batch.length;
    batch = [];
  };
  for (const kpiId of kpiIds) {
    for (const year of YEARS) {
      for (const period of periods) {
        batch.push({
          kpiId,
          year,
          periodKind: period.kind,
          periodIndex: period.index,
          orgUnitId: null,
          breakdown: null,
          value: (40 + random() * 60).toFixed(2),
          numerator: null,
          denominator: null,
          status: MeasurementStatus.PROVISIONAL,
          jobRunId: null,
          recordedBy: "bench",
          recordedAt,
          supersedesId: null,
          unitKey: 0,
          breakdownKey: "",
          supersedesKey: 0,
          reason: "GENERATED",
        });
      }
    }
    if (batch.length >= CHUNK) await flush();
  }
  await flush();
  return written;
}
