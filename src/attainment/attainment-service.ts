import { DataSource } from "typeorm";
import { ObjectiveLevel, OrgUnitKind } from "../../entities/enums";
import { Measurement } from "../../entities/measurement.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Review } from "../../entities/review.entity";
import { isWithin } from "../dates";
import { unitScore } from "../incentives/eligibility";
import { yearBounds } from "../periods";
import { AttainmentInputs } from "./attainment-inputs";
import { GateResult, meanOf, ObjectiveResult, scoreObjective, solidaleGate } from "./compute";
import { latestOverride, overriddenScore, withReviews } from "./reviewed";
import { YearDataCache } from "./year-data-cache";

/** An objective's result with the Nucleo's reviews applied; the computed score stays beside the score in force. */
export interface ReviewedObjective extends ObjectiveResult {
  objective: Objective;
  computedScore: number | null;
  /** The Nucleo's decisions on the objective for the year, oldest first. */
  reviews: Review[];
}

/** A mean of objective scores; `score` is a unit-level override where the Nucleo set one. */
export interface ObjectivesSummary {
  score: number | null;
  computedScore: number | null;
  objectives: ReviewedObjective[];
}

export interface UnitResult {
  unit: OrgUnit;
  /** The Nucleo's decisions on the unit for the year, oldest first. */
  reviews: Review[];
  direzione: ObjectivesSummary;
  gestionale: ObjectivesSummary;
  /** The organisational score: Direzione and Gestionale weighed by the year's rule set (70/30 by default). */
  score: number | null;
}

export interface GateAttainment extends GateResult {
  /** What the Solidali give by the year's rule; `open` is the Nucleo's decision on the gate where it took one. */
  computedOpen: boolean | null;
  /** The Nucleo's decisions on the gate as a whole, oldest first. */
  reviews: Review[];
  objectives: ReviewedObjective[];
}

/**
 * Attainment composed once (DESIGN.md §5): computed scores, the Nucleo's reviews and the year's
 * incentive rules, for the dashboards, eligibility, the payroll file and the freeze alike.
 * `asOf` is the day whose knowledge counts (null: now).
 */
export class AttainmentService {
  constructor(readonly inputs: AttainmentInputs) {}

  /**
   * A service that reads everything anew: for figures that must be current when written or sent
   * (the freeze, the payroll file), even after earlier fields of the same request read the inputs.
   */
  afresh(): AttainmentService {
    return new AttainmentService(this.inputs.afresh());
  }

  /**
   * The Solidale gate, judged by the mode, threshold and weights of the year's rule set as known on
   * `asOf` (WEIGHTED_MEAN weighs the Solidali equally while the rule set gives them no weights), or
   * by the Nucleo's latest decision on the gate as a whole.
   */
  async gate(year: number, asOf: string | null): Promise<GateAttainment> {
    const [solidali, { rules }, reviews] = await Promise.all([
      this.inputs.activeObjectives(ObjectiveLevel.SOLIDALE, year),
      this.inputs.rules(year, asOf),
      this.inputs.reviews(year, asOf),
    ]);
    const objectives = await this.reviewed(solidali, null, year, asOf);
    const { weights } = rules.gate;
    const computed = solidaleGate(
      objectives,
      rules.gate.mode,
      rules.gate.threshold,
      weights === null ? undefined : objectives.map((o) => weights[o.objective.key] ?? 0),
    );
    const decision = latestOverride(reviews.ofGate);
    return {
      ...computed,
      open: decision ? decision.gateOpen : computed.open,
      computedOpen: computed.open,
      reviews: reviews.ofGate,
      objectives,
    };
  }

  /** An objective's result: a DIREZIONE objective measured for its owner, any other for the administration. */
  async objective(objective: Objective, year: number, asOf: string | null): Promise<ReviewedObjective> {
    const unitId = objective.level === ObjectiveLevel.DIREZIONE ? objective.ownerUnitId : null;
    return (await this.reviewed([objective], unitId, year, asOf))[0];
  }

  /** Every directorate (not its areas) that existed on `asOf`, or at the year's end. */
  async units(year: number, asOf: string | null): Promise<UnitResult[]> {
    const date = asOf ?? yearBounds(year).end;
    const units = [...(await this.inputs.units()).values()].filter(
      (u) => u.kind !== OrgUnitKind.AREA && isWithin(date, u.validFrom, u.validTo),
    );
    return Promise.all(units.map((unit) => this.unit(unit, year, asOf, date)));
  }

  /**
   * A unit's attainment over the objectives it owned on `ownedOn`: its Obiettivi di Direzione (or
   * the Nucleo's override for the unit), its Gestionale contribution, and its organisational score.
   */
  async unit(unit: OrgUnit, year: number, asOf: string | null, ownedOn: string): Promise<UnitResult> {
    const [owned, gestionali, reviews, { rules }] = await Promise.all([
      this.inputs.objectivesByOwner(year, ownedOn),
      this.inputs.activeObjectives(ObjectiveLevel.GESTIONALE, year),
      this.inputs.reviews(year, asOf),
      this.inputs.rules(year, asOf),
    ]);
    const unitReviews = reviews.ofUnit.get(unit.id) ?? [];
    const direzione = await this.summary(
      (owned.get(unit.id) ?? []).filter((o) => o.level === ObjectiveLevel.DIREZIONE),
      unit.id,
      year,
      asOf,
      overriddenScore(unitReviews),
    );
    const gestionale = await this.summary(gestionali, unit.id, year, asOf, null);
    return {
      unit,
      reviews: unitReviews,
      direzione,
      gestionale,
      score:
        direzione.score === null || gestionale.score === null
          ? null
          : unitScore(direzione.score, gestionale.score, rules),
    };
  }

  /** The measurements behind the year's values, by id: what explains a KPI's score. */
  async measurements(year: number, asOf: string | null): Promise<ReadonlyMap<number, Measurement>> {
    return (await this.inputs.yearData(year, asOf)).rows;
  }

  private async summary(
    objectives: readonly Objective[],
    unitId: number,
    year: number,
    asOf: string | null,
    override: number | null,
  ): Promise<ObjectivesSummary> {
    const results = await this.reviewed(objectives, unitId, year, asOf);
    const computedScore = meanOf(results);
    return { score: override ?? computedScore, computedScore, objectives: results };
  }

  private async reviewed(
    objectives: readonly Objective[],
    unitId: number | null,
    year: number,
    asOf: string | null,
  ): Promise<ReviewedObjective[]> {
    const [data, reviews] = await Promise.all([this.inputs.yearData(year, asOf), this.inputs.reviews(year, asOf)]);
    // A Gestionale is scored per directorate, and the Nucleo reviews it per directorate too.
    const reviewsOf = (objective: Objective) =>
      (objective.level === ObjectiveLevel.GESTIONALE && unitId !== null
        ? reviews.ofObjectiveInUnit.get(`${objective.id}|${unitId}`)
        : reviews.ofObjective.get(objective.id)) ?? [];
    return objectives.map((objective) => ({
      ...withReviews(scoreObjective(objective, unitId, data), reviewsOf(objective)),
      objective,
    }));
  }
}

/** A service over its own inputs: one per request or computation, on a cache a server shares. */
export function createAttainmentService(dataSource: DataSource, yearDataCache: YearDataCache): AttainmentService {
  return new AttainmentService(new AttainmentInputs(dataSource, yearDataCache));
}
