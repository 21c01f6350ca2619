import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Act } from "../entities/act.entity";
import { ObjectiveStatus, Role } from "../entities/enums";
import { Measurement } from "../entities/measurement.entity";
import { MonitoringReport, PhaseReport } from "../entities/monitoring-report.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { Phase } from "../entities/phase.entity";
import { LocalDate } from "../entities/scalars";
import { READERS } from "../src/auth/auth-checker";
import { Context } from "../src/context";
import { notFound } from "../src/errors";
import { monitoringDue } from "../src/monitoring/monitoring-due";
import { notSuperseded } from "../src/monitoring/reported-state";
import { recordMonitoringReport } from "../src/monitoring/record-report";
import { trajectory } from "../src/monitoring/trajectory";
import { AttainmentStatus } from "./types/attainment.types";
import { MonitoringReportInput } from "./types/monitoring.input";
import { ObjectiveDue, TrajectoryPoint } from "./types/monitoring.types";

@Resolver(() => MonitoringReport)
export class MonitoringResolver {
  @Authorized(Role.UNIT_MANAGER, Role.ADMIN)
  @Mutation(() => MonitoringReport, {
    description: "A directorate reports on an objective at a monitoring date: phases, values, gap reasons",
  })
  reportMonitoring(@Arg("input") input: MonitoringReportInput, @Ctx() { dataSource, caller }: Context) {
    return recordMonitoringReport(dataSource, caller, {
      objectiveKey: input.objectiveKey,
      unitCode: input.unitCode,
      monitoringDate: input.monitoringDate,
      phases: input.phases.map((p) => ({
        phaseCode: p.phaseCode,
        progress: p.progress,
        date: p.date ?? null,
        evidence: p.evidence ?? null,
      })),
      values: input.values.map((v) => ({ kpiCode: v.kpiCode, value: v.value })),
      gaps: input.gaps.map((g) => ({
        kpiCode: g.kpiCode ?? null,
        reason: g.reason,
        correctiveAction: g.correctiveAction,
      })),
      note: input.note ?? null,
    });
  }

  @Authorized(READERS)
  @Query(() => [ObjectiveDue], {
    description: "What each unit (or the one named) still has to report on its objectives for a monitoring date",
  })
  async monitoringDue(
    @Arg("date", () => LocalDate) date: string,
    @Arg("unitCode", () => String, { nullable: true }) unitCode: string | null,
    @Ctx() { dataSource, loaders }: Context,
  ): Promise<ObjectiveDue[]> {
    const units = await loaders.allUnits();
    const unit = unitCode == null ? null : [...units.values()].find((u) => u.code === unitCode);
    if (unitCode != null && !unit) throw notFound(`The organisational unit "${unitCode}"`);
    const owned = await loaders.objectivesByOwner.load(Number(date.slice(0, 4)), date);
    const scope = unit ? new Map([[unit.id, owned.get(unit.id) ?? []]]) : owned;
    const due = await monitoringDue(dataSource.manager, date, scope);
    return due.map((d) => ({ ...d, unit: units.get(d.unitId)! }));
  }

  @FieldResolver(() => Objective)
  async objective(@Root() report: MonitoringReport, @Ctx() { loaders }: Context): Promise<Objective> {
    return (await loaders.objective.load(report.objectiveId))!;
  }

  @FieldResolver(() => OrgUnit)
  async unit(@Root() report: MonitoringReport, @Ctx() { loaders }: Context): Promise<OrgUnit> {
    return (await loaders.unit.load(report.unitId))!;
  }

  @FieldResolver(() => [Measurement], { description: "The values recorded with the report" })
  async measurements(@Root() report: MonitoringReport, @Ctx() { loaders }: Context): Promise<Measurement[]> {
    const rows = await loaders.measurement.loadMany(report.measurementIds);
    return rows.filter((m): m is Measurement => m instanceof Measurement);
  }
}

@Resolver(() => Phase)
export class PhaseResolver {
  @FieldResolver(() => Act, { description: "The act that set the phase as it stands" })
  async act(@Root() phase: Phase, @Ctx() { loaders }: Context): Promise<Act> {
    return (await loaders.act.load(phase.actId))!;
  }

  @FieldResolver(() => PhaseReport, {
    nullable: true,
    description: "Its progress as last reported (any unit): done with its date and evidence, on time, or late",
  })
  async progress(@Root() phase: Phase, @Ctx() { loaders }: Context): Promise<PhaseReport | null> {
    const reports = await loaders.reportsByObjective.load(phase.objectiveId);
    const reported = notSuperseded(reports).flatMap((r) => r.phases.filter((p) => p.phaseCode === phase.code));
    return reported.at(-1) ?? null;
  }
}

@Resolver(() => Objective)
export class ObjectiveMonitoringResolver {
  @FieldResolver(() => [Phase], { description: "Its cronoprogramma: the phases in force, in order" })
  async phases(@Root() objective: Objective, @Ctx() { loaders }: Context): Promise<Phase[]> {
    return (await loaders.phasesByObjective.load(objective.id)).filter((p) => p.status === ObjectiveStatus.ACTIVE);
  }

  @FieldResolver(() => [MonitoringReport], { description: "The directorates' monitoring reports on it, oldest first" })
  async monitoringReports(
    @Root() objective: Objective,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: Context,
  ): Promise<MonitoringReport[]> {
    const reports = await loaders.reportsByObjective.load(objective.id);
    return year == null ? reports : reports.filter((r) => r.monitoringDate.startsWith(`${year}-`));
  }

  @FieldResolver(() => [TrajectoryPoint], {
    description: "Its score at each monitoring date of the year and at the year's end, from what was reported by then",
  })
  async trajectory(
    @Root() objective: Objective,
    @Arg("year", () => Int) year: number,
    @Ctx() { dataSource, loaders }: Context,
  ): Promise<TrajectoryPoint[]> {
    const points = await trajectory(dataSource.manager, objective, year);
    return Promise.all(
      points.map(async ({ date, result }) => ({
        date,
        status: result.status as AttainmentStatus,
        score: result.score,
        kpis: await Promise.all(
          result.kpis.map(async (k) => ({
            kpi: (await loaders.kpiById.load(k.kpiId))!,
            value: k.value,
            score: k.score,
            missing: k.missing,
          })),
        ),
      })),
    );
  }
}
