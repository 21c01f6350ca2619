import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { ReviewDecision } from "../entities/enums";
import { Kpi } from "../entities/kpi.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { LocalDate } from "../entities/scalars";
import { ObjectivesSummary, ReviewedObjective, UnitResult } from "../src/attainment/attainment-service";
import { READERS } from "../src/auth/auth-checker";
import { Context } from "../src/context";
import { yearBounds } from "../src/periods";
import { checkPlanYear } from "../src/plan/plan-years";
import { shownWho } from "../src/auth/who-did-what";
import { italianDecimal, italianInstant, italianNumber } from "../src/italian-format";
import {
  AdministrationAttainment,
  AttainmentStatus,
  AttainmentSummary,
  KpiAttainment,
  ObjectiveAttainment,
  SolidaleGate,
  UnitAttainment,
} from "./types/attainment.types";

/** An objective's reviewed result as GraphQL shows it; its KPIs and explanation wait until asked for. */
async function view(
  context: Context,
  result: ReviewedObjective,
  year: number,
  asOf: string | null,
): Promise<ObjectiveAttainment> {
  return {
    objective: result.objective,
    unit: result.unitId === null ? null : await context.loaders.unit.load(result.unitId),
    status: result.status as AttainmentStatus,
    score: result.score,
    computedScore: result.computedScore,
    reviews: result.reviews,
    missing: result.missing,
    computation: { result, year, asOf },
  };
}

async function summaryView(
  context: Context,
  summary: ObjectivesSummary,
  year: number,
  asOf: string | null,
): Promise<AttainmentSummary> {
  return {
    status: summary.score === null ? AttainmentStatus.INCOMPLETE : AttainmentStatus.SCORED,
    score: summary.score,
    computedScore: summary.computedScore,
    objectives: await Promise.all(summary.objectives.map((o) => view(context, o, year, asOf))),
  };
}

async function unitView(
  context: Context,
  result: UnitResult,
  year: number,
  asOf: string | null,
): Promise<UnitAttainment> {
  return {
    unit: result.unit,
    reviews: result.reviews,
    direzione: await summaryView(context, result.direzione, year, asOf),
    gestionale: await summaryView(context, result.gestionale, year, asOf),
    score: result.score,
  };
}

/** Each KPI's score with the value, measurement, target and unit behind it; made once per view. */
function kpiViews(context: Context, attainment: ObjectiveAttainment): Promise<KpiAttainment[]> {
  const { loaders } = context;
  const { result, year, asOf } = attainment.computation;
  return (attainment.computation.kpis ??= context.attainment.measurements(year, asOf).then((measurements) =>
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
        const measurement = k.measurementId === null ? null : (measurements.get(k.measurementId) ?? null);
        return {
          kpi: kpi as Kpi,
          unit,
          status: k.status as AttainmentStatus,
          score: k.score,
          value: measurement?.value ?? (k.value === null ? null : String(k.value)),
          measurement,
          target: target,
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
    description: "The computation in words, in Italian: each KPI's value, source, target, act and rule",
  })
  async explain(@Root() attainment: ObjectiveAttainment, @Ctx() context: Context): Promise<string[]> {
    const kpis = await kpiViews(context, attainment);
    const explain = await Promise.all(
      kpis.map(async (k) => {
        const act = k.target ? await context.loaders.act.load(k.target.actId) : null;
        const value = k.measurement
          ? `valore ${italianDecimal(String(k.measurement.value))} (misura ${k.measurement.id}, ${k.measurement.jobRunId !== null ? `esecuzione ${k.measurement.jobRunId}` : `registrata da ${String(shownWho(context, "Measurement", "recordedBy", k.measurement.recordedBy, k.measurement))}`} il ${italianInstant(k.measurement.recordedAt)})`
          : "nessun valore";
        const target = k.target
          ? `target ${k.target.value === null ? `"${k.target.description}"` : italianDecimal(k.target.value)} (fissato da ${act?.key})`
          : "nessun target";
        const outcome =
          k.score === null
            ? `non valutabile: ${k.missing}`
            : `punteggio ${italianNumber(k.score)} secondo la regola ${k.rule}`;
        return `${k.kpi.code} (peso ${italianDecimal(k.kpi.weight)}): ${value}; ${target}; ${outcome}`;
      }),
    );
    const override = attainment.reviews.filter((r) => r.decision === ReviewDecision.OVERRIDDEN).pop();
    if (override)
      explain.push(
        `rettificato dal Nucleo di Valutazione (revisione ${override.id}, ${String(shownWho(context, "Review", "decidedBy", override.decidedBy, override))}, ${italianInstant(override.decidedAt)}): ${override.score === null ? "—" : italianNumber(override.score)} — ${override.comment}`,
      );
    return explain;
  }
}

@Resolver(() => AdministrationAttainment)
export class AttainmentResolver {
  @Authorized(READERS)
  @Query(() => AdministrationAttainment, { description: "Attainment for a year, as known on a date (default: now)" })
  async attainment(
    @Arg("year", () => Int) year: number,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOf: string | null,
    @Ctx() { planYears }: Context,
  ): Promise<AdministrationAttainment> {
    checkPlanYear(await planYears(), year);
    return { year, asOf: asOf ?? null };
  }

  @FieldResolver(() => SolidaleGate)
  async gate(@Root() root: AdministrationAttainment, @Ctx() context: Context): Promise<SolidaleGate> {
    const { open, computedOpen, reviews, mode, threshold, score, objectives } = await context.attainment.gate(
      root.year,
      root.asOf,
    );
    return {
      open,
      computedOpen,
      reviews,
      mode,
      threshold,
      score,
      objectives: await Promise.all(objectives.map((o) => view(context, o, root.year, root.asOf))),
    };
  }

  @FieldResolver(() => [UnitAttainment], { description: "Every directorate that existed at the end of the year" })
  async units(@Root() root: AdministrationAttainment, @Ctx() context: Context): Promise<UnitAttainment[]> {
    const units = await context.attainment.units(root.year, root.asOf);
    return Promise.all(units.map((u) => unitView(context, u, root.year, root.asOf)));
  }
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
    checkPlanYear(await context.planYears(), year);
    return view(context, await context.attainment.objective(objective, year, asOf ?? null), year, asOf ?? null);
  }
}

@Resolver(() => OrgUnit)
export class OrgUnitAttainmentResolver {
  @FieldResolver(() => UnitAttainment, {
    description:
      "Its attainment for a year, over the objectives it owned on the date the unit was asked about (default: the year's end), as known on asOf (default: now)",
  })
  async attainment(
    @Root() unit: OrgUnit,
    @Arg("year", () => Int) year: number,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOf: string | null,
    @Ctx() context: Context,
  ): Promise<UnitAttainment> {
    checkPlanYear(await context.planYears(), year);
    const ownedOn = unit.asOf ?? yearBounds(year).end;
    return unitView(context, await context.attainment.unit(unit, year, asOf ?? null, ownedOn), year, asOf ?? null);
  }
}
