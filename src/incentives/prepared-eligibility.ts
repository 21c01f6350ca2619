import { DataSource, EntityManager } from "typeorm";
import { ATTAINMENT_INPUTS, PEOPLE } from "../../entities/data-version.entity";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { AttainmentService } from "../attainment/attainment-service";
import { readDataVersions, versionsKey } from "../data-versions";
import { TransactionWatch } from "../embedded-transactions";
import { preparedEligibility as reads } from "../metrics";
import { computeCycleEligibility, CycleEligibility } from "./cycle-eligibility";

/**
 * The counters of every table a year's eligibility reads: attainment's inputs, the plan with the
 * Nucleo's reviews and the year's rules, and the staff. (Not `job-runs`: runs, rejected rows and
 * alerts are not read, and the scheduler's ticks would make the figures stale every few minutes.)
 */
const READ_BY_ELIGIBILITY = [ATTAINMENT_INPUTS, "plan-and-reviews", PEOPLE];

/** The counts of those tables' changes, as one text, read on `manager` (inside a transaction: as it sees them). */
async function countsOfChanges(manager: EntityManager): Promise<string> {
  const versions = await readDataVersions(manager);
  const missing = READ_BY_ELIGIBILITY.filter((name) => !versions.has(name));
  if (missing.length > 0)
    throw new Error(`data_version has no row for ${missing.join(", ")}: the database's migrations have not all run`);
  return versionsKey(new Map(READ_BY_ELIGIBILITY.map((name) => [name, versions.get(name)!])));
}

/**
 * A year's eligibility computed ahead of the Nucleo's validation, while the year is under review,
 * and kept with the counts of changes it was computed at. Database triggers move those counts on
 * every write to the tables it reads, from any process or replica; so equal counts, read after the
 * validation has locked the year, mean that computing it again would give these very figures, and
 * the validation freezes them without the seconds that computing 150,000 employees takes. Kept only
 * when no count moved while it was computed (its reads are not one snapshot) and, on the embedded
 * SQLite, when no transaction was open meanwhile (it could have read rows never committed, under
 * counts a later write reaches again: src/embedded-transactions.ts); one year at a time.
 */
export class PreparedEligibility {
  private prepared: { year: number; counts: string; eligibility: CycleEligibility } | null = null;
  /** Where computing it last failed: tried again only once a count moves, not at every pass. */
  private failed: { year: number; counts: string } | null = null;

  constructor(private readonly transactions: TransactionWatch) {}

  /** The year's eligibility if it was prepared at the counts `manager` reads now; else null. */
  async current(manager: EntityManager, year: number): Promise<CycleEligibility | null> {
    const prepared = this.prepared;
    if (prepared === null || prepared.year !== year) {
      reads.inc({ result: "absent" });
      return null;
    }
    const current = prepared.counts === (await countsOfChanges(manager));
    reads.inc({ result: current ? "current" : "stale" });
    return current ? prepared.eligibility : null;
  }

  /** Computes the year's eligibility unless the one kept is current; answers whether it computed and kept one. */
  async prepare(dataSource: DataSource, attainment: AttainmentService, year: number): Promise<boolean> {
    const mark = this.transactions.mark();
    if (mark === null) return false;
    const before = await countsOfChanges(dataSource.manager);
    const unchanged = (at: { year: number; counts: string } | null) => at?.year === year && at.counts === before;
    if (unchanged(this.prepared) || unchanged(this.failed)) return false;
    let eligibility: CycleEligibility;
    try {
      eligibility = await computeCycleEligibility(dataSource, attainment.afresh(), year);
    } catch (error) {
      this.failed = { year, counts: before };
      throw error;
    }
    // A write committed meanwhile may be in some of its reads and not in others: not kept, the next pass tries again.
    if ((await countsOfChanges(dataSource.manager)) !== before || !this.transactions.unchangedSince(mark)) return false;
    this.prepared = { year, counts: before, eligibility };
    return true;
  }

  /** Prepares the latest year under review, if any (the one the Nucleo validates next); else lets go of the figures. */
  async prepareYearUnderReview(dataSource: DataSource, attainment: AttainmentService): Promise<number | null> {
    const cycle = await dataSource.manager.findOne(EvaluationCycle, {
      where: { status: CycleStatus.UNDER_REVIEW },
      order: { year: "DESC" },
    });
    if (cycle === null) {
      this.prepared = null;
      return null;
    }
    return (await this.prepare(dataSource, attainment, cycle.year)) ? cycle.year : null;
  }
}
