import { DataSource, LessThan } from "typeorm";
import { ObjectiveLevel, ObjectiveStatus } from "../../entities/enums";
import { ATTAINMENT_INPUTS } from "../../entities/data-version.entity";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Review } from "../../entities/review.entity";
import { DataVersions } from "../data-versions";
import { endOfDayInRome } from "../dates";
import { DEFAULT_RULES, RuleSet, ruleSetSchema } from "../incentives/rule-set";
import { readObjectivesByOwner } from "../plan/objectives-by-owner";
import { readEntities } from "../read-entities";
import { YearDataCache } from "./year-data-cache";

/** The Nucleo's decisions on a year, oldest first, by what they decide on. */
export interface YearReviews {
  /** On an objective scored for the administration as a whole, or for its owner. */
  ofObjective: ReadonlyMap<number, Review[]>;
  /** On a Gestionale objective in one unit, by "objectiveId|unitId". */
  ofObjectiveInUnit: ReadonlyMap<string, Review[]>;
  /** On a unit's Obiettivi di Direzione. */
  ofUnit: ReadonlyMap<number, Review[]>;
  /** On the Solidale gate as a whole. */
  ofGate: Review[];
}

/**
 * What attainment reads: units, objectives and their owners, the Nucleo's reviews and the
 * incentive rules, each read once for one use (a request, or one computation), and the KPIs'
 * targets and values from the YearDataCache a server shares, at the count of changes seen first
 * (a request's own read of every counter when it gives one, so that it reads them once).
 */
export class AttainmentInputs {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly yearDataCache: YearDataCache,
    private readonly dataVersions?: () => Promise<DataVersions>,
  ) {}

  /** Inputs that read everything anew, on the same shared cache. */
  afresh(): AttainmentInputs {
    return new AttainmentInputs(this.dataSource, this.yearDataCache);
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.reads.has(key)) this.reads.set(key, read());
    return this.reads.get(key) as Promise<T>;
  }

  private get manager() {
    return this.dataSource.manager;
  }

  /** Every organisational unit, past and present, by id. */
  units(): Promise<Map<number, OrgUnit>> {
    return this.once("units", async () => {
      const rows = await readEntities(this.manager.createQueryBuilder(OrgUnit, "u"));
      return new Map(rows.map((u) => [u.id, u]));
    });
  }

  /** A year's objectives by the unit that owned them on `ownedOn` (null: as the plan stands now). */
  objectivesByOwner(year: number, ownedOn: string | null): Promise<Map<number, Objective[]>> {
    return this.once(`owned|${year}|${ownedOn}`, () =>
      readObjectivesByOwner(this.manager, year, ownedOn, () => this.units()),
    );
  }

  /** The objectives of a level in force for a year, in plan order. */
  activeObjectives(level: ObjectiveLevel, year: number): Promise<Objective[]> {
    return this.once(`active|${level}|${year}`, () =>
      readEntities(
        this.manager
          .createQueryBuilder(Objective, "o")
          .innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year })
          .where("o.level = :level AND o.status = :status", { level, status: ObjectiveStatus.ACTIVE })
          .orderBy("o.position", "ASC"),
      ),
    );
  }

  /** The Nucleo's decisions on a year as known on a date (null: now). */
  reviews(year: number, asOf: string | null): Promise<YearReviews> {
    return this.once(`reviews|${year}|${asOf}`, async () => {
      const reviews = await this.manager.find(Review, {
        where: { year, ...(asOf ? { decidedAt: LessThan(endOfDayInRome(asOf)) } : {}) },
        order: { decidedAt: "ASC", id: "ASC" },
      });
      const ofObjective = new Map<number, Review[]>();
      const ofObjectiveInUnit = new Map<string, Review[]>();
      const ofUnit = new Map<number, Review[]>();
      const ofGate: Review[] = [];
      const add = <K>(group: Map<K, Review[]>, key: K, review: Review) =>
        group.set(key, [...(group.get(key) ?? []), review]);
      for (const review of reviews) {
        if (review.objectiveId !== null && review.unitId !== null)
          add(ofObjectiveInUnit, `${review.objectiveId}|${review.unitId}`, review);
        else if (review.objectiveId !== null) add(ofObjective, review.objectiveId, review);
        else if (review.unitId !== null) add(ofUnit, review.unitId, review);
        else ofGate.push(review);
      }
      return { ofObjective, ofObjectiveInUnit, ofUnit, ofGate };
    });
  }

  /**
   * The incentive rules of a year as known on a date (null: now): the latest version set by act by
   * then, or the defaults (version 0).
   */
  rules(year: number, asOf: string | null): Promise<{ version: number; rules: RuleSet }> {
    return this.once(`rules|${year}|${asOf}`, async () => {
      const latest = await this.manager.findOne(IncentiveRuleSet, {
        where: { year, ...(asOf ? { createdAt: LessThan(endOfDayInRome(asOf)) } : {}) },
        order: { version: "DESC" },
      });
      return latest
        ? { version: latest.version, rules: ruleSetSchema.parse(latest.rules) }
        : { version: 0, rules: DEFAULT_RULES };
    });
  }

  /** KPIs, targets and yearly values as they stood when this use began (shared, read-only). */
  async yearData(year: number, asOf: string | null) {
    const version = await this.once("version", async () =>
      this.dataVersions ? (await this.dataVersions()).get(ATTAINMENT_INPUTS)! : this.yearDataCache.version(),
    );
    return this.yearDataCache.yearData(version, year, asOf);
  }
}
