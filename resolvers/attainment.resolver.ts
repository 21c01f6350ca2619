import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { ObjectiveLevel } from "../entities/enums";
import { Kpi } from "../entities/kpi.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { LocalDate } from "../entities/scalars";
import { Target } from "../entities/target.entity";
import { meanOf, ObjectiveResult, scoreObjective, solidaleGate } from "../src/attainment/compute";
import { Review } from "../entities/review.entity";
import { READERS } from "../src/auth/auth-checker";
import { overriddenScore } from "../src/attainment/reviewed";
import { Context } from "../src/context";
import { isWithin } from "../src/dates";
import { yearBounds } from "../src/periods";
import {
  AdministrationAttainment,
  AttainmentStatus,
  AttainmentSummary,
  KpiAttainment,
  ObjectiveAttainment,
  UnitAttainment,
} from "./types/attainment.types";

/** A computed result with the Nucleo's reviews of the objective applied: the latest override wins. */
async function reviewed(
  context: Context,
  result: ObjectiveResult,
  year: number,
  asOf: string | null,
): Promise<ObjectiveResult & { computedScore: number | null; reviews: Review[] }> {
  const reviews = (await context.loaders.reviews(year, asOf)).filter((r) => r.objectiveId === result.objectiveId);
  const override = overriddenScore(reviews);
  return override === null
    ? { ...result, computedScore: result.score, reviews }
    : { ...result, score: override, status: "SCORED", missing: null, computedScore: result.score, reviews };
}

/** Turns a reviewed result into its GraphQL view; its KPIs and explanation wait until asked for. */
async function view(
  context: Context,
  objective: Objective,
  result: Awaited<ReturnType<typeof reviewed>>,
  year: number,
  asOf: string | null,
): Promise<ObjectiveAttainment> {
  return {
    objective,
    unit: result.unitId === null ? null : await context.loaders.unit.load(result.unitId),
    status: result.status as AttainmentStatus,
    score: result.score,
    computedScore: result.computedScore,
    reviews: result.reviews,
    missing: result.missing,
    computation: { result, year, asOf },
  };
}

/** Each KPI's score with the value, measurement, target and unit behind it; made once per view. */
function kpiViews(context: Context, attainment: ObjectiveAttainment): Promise<KpiAttainment[]> {
  const { loaders } = context;
  const { result, year, asOf } = attainment.computation;
  return (attainment.computation.kpis ??= loaders.yearData(year, asOf).then((data) =>
    Promise.all(
      result.kpis.map(async (k) => {
        const [kpi, unit] = await Promise.all([
          loaders.kpiById.load(k.kpiId),
          k.unitId === null ? null : loaders.unit.load(k.unitId),
        ]);
        const target =
          k.targetId === null
            ? null
            : ((await loaders.targetsByKpi.load(k.kpiId)).find((t) => t.id === k.targetId) ?? null);
        const measurement = k.measurementId === null ? null : (data.rows.get(k.measurementId) ?? null);
        return {
          kpi: kpi as Kpi,
          unit,
          status: k.status as AttainmentStatus,
          score: k.score,
          value: measurement?.value ?? null,
          measurement,
          target: target as Target | null,
          rule: k.rule,
          missing: k.missing,
        };
      }),
    ),
  ));
}

@Resolver(() => ObjectiveAttainment)
export class ObjectiveAttainmentDetailResolver {
  @FieldResolver(() => [KpiAttainment])
  kpis(@Root() attainment: ObjectiveAttainment, @Ctx() context: Context): Promise<KpiAttainment[]> {
    return kpiViews(context, attainment);
  }

  @FieldResolver(() => [String], {
    description: "The computation in words: each KPI's value, source, target, act and rule",
  })
  async explain(@Root() attainment: ObjectiveAttainment, @Ctx() context: Context): Promise<string[]> {
    const kpis = await kpiViews(context, attainment);
    const explain = await Promise.all(
      kpis.map(async (k) => {
        const act = k.target ? await context.loaders.act.load(k.target.actId) : null;
        const value = k.measurement
          ? `value ${k.measurement.value} (measurement ${k.measurement.id}, ${k.measurement.jobRunId !== null ? `job run ${k.measurement.jobRunId}` : `recorded by ${k.measurement.recordedBy}`} on ${k.measurement.recordedAt.toISOString()})`
          : "no value";
        const target = k.target
          ? `target ${k.target.value ?? `"${k.target.description}"`} (set by ${act?.key})`
          : "no target";
        const outcome =
          k.score === null ? `cannot be scored: ${k.missing}` : `score ${k.score.toFixed(4)} by ${k.rule}`;
        return `${k.kpi.code} (weight ${k.kpi.weight}): ${value}; ${target}; ${outcome}`;
      }),
    );
    const override = attainment.reviews.filter((r) => r.decision === "OVERRIDDEN").pop();
    if (override)
      explain.push(
        `overridden by the Nucleo di Valutazione (review ${override.id}, ${override.decidedBy}, ${override.decidedAt.toISOString()}): ${override.score} — ${override.comment}`,
      );
    return explain;
  }
}

async function summarise(
  context: Context,
  objectives: Objective[],
  unitId: number | null,
  year: number,
  asOf: string | null,
  override: number | null = null,
): Promise<AttainmentSummary> {
  const data = await context.loaders.yearData(year, asOf);
  const results = await Promise.all(
    objectives.map((o) => reviewed(context, scoreObjective(o, unitId, data), year, asOf)),
  );
  const computed = results.length === 0 ? null : meanOf(results);
  const score = override ?? computed;
  return {
    status: score === null ? AttainmentStatus.INCOMPLETE : AttainmentStatus.SCORED,
    score,
    computedScore: computed,
    objectives: await Promise.all(results.map((r, i) => view(context, objectives[i], r, year, asOf))),
  };
}

@Resolver(() => AdministrationAttainment)
export class AttainmentResolver {
  @Authorized(READERS)
  @Query(() => AdministrationAttainment, { description: "Attainment for a year, as known on a date (default: now)" })
  attainment(
    @Arg("year", () => Int) year: number,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOf: string | null,
  ): AdministrationAttainment {
    return { year, asOf: asOf ?? null };
  }

  @FieldResolver()
  async gate(@Root() root: AdministrationAttainment, @Ctx() context: Context) {
    const objectives = await context.loaders.activeObjectives(ObjectiveLevel.SOLIDALE, root.year);
    const data = await context.loaders.yearData(root.year, root.asOf);
    const results = await Promise.all(
      objectives.map((o) => reviewed(context, scoreObjective(o, null, data), root.year, root.asOf)),
    );
    const gate = solidaleGate(results);
    return {
      ...gate,
      objectives: await Promise.all(results.map((r, i) => view(context, objectives[i], r, root.year, root.asOf))),
    };
  }

  @FieldResolver(() => [UnitAttainment], { description: "Every directorate that existed at the end of the year" })
  async units(@Root() root: AdministrationAttainment, @Ctx() context: Context): Promise<UnitAttainment[]> {
    const date = root.asOf ?? yearBounds(root.year).end;
    const units = [...(await context.loaders.allUnits()).values()].filter(
      (u) => u.kind !== "AREA" && isWithin(date, u.validFrom, u.validTo),
    );
    return Promise.all(units.map((unit) => unitAttainment(context, unit, root.year, root.asOf, date)));
  }
}

/** `asOf`: what was known that day (null: now); `ownedOn`: the day whose organisation assigns the objectives. */
async function unitAttainment(
  context: Context,
  unit: OrgUnit,
  year: number,
  asOf: string | null,
  ownedOn: string,
): Promise<UnitAttainment> {
  const owned = (await context.loaders.objectivesByOwner.load(year, ownedOn)).get(unit.id) ?? [];
  const direzione = owned.filter((o) => o.level === ObjectiveLevel.DIREZIONE);
  const gestionali = await context.loaders.activeObjectives(ObjectiveLevel.GESTIONALE, year);
  const reviews = (await context.loaders.reviews(year, asOf)).filter((r) => r.unitId === unit.id);
  return {
    unit,
    reviews,
    direzione: await summarise(context, direzione, unit.id, year, asOf, overriddenScore(reviews)),
    gestionale: await summarise(context, gestionali, unit.id, year, asOf),
  };
}

@Resolver(() => Objective)
export class ObjectiveAttainmentResolver {
  @FieldResolver(() => ObjectiveAttainment, {
    description: "Its score for a year, as known on a date; measured for its owner",
  })
  async attainment(
    @Root() objective: Objective,
    @Arg("year", () => Int) year: number,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOf: string | null,
    @Ctx() context: Context,
  ): Promise<ObjectiveAttainment> {
    const unitId = objective.level === ObjectiveLevel.DIREZIONE ? objective.ownerUnitId : null;
    const result = await reviewed(
      context,
      scoreObjective(objective, unitId, await context.loaders.yearData(year, asOf ?? null)),
      year,
      asOf ?? null,
    );
    return view(context, objective, result, year, asOf ?? null);
  }
}

@Resolver(() => OrgUnit)
export class OrgUnitAttainmentResolver {
  @FieldResolver(() => UnitAttainment, {
    description:
      "Its attainment for a year, over the objectives it owned on the date the unit was asked about (default: the year's end), as known on asOf (default: now)",
  })
  attainment(
    @Root() unit: OrgUnit,
    @Arg("year", () => Int) year: number,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOf: string | null,
    @Ctx() context: Context,
  ): Promise<UnitAttainment> {
    return unitAttainment(context, unit, year, asOf ?? null, unit.asOf ?? yearBounds(year).end);
  }
}
