import { EntityManager } from "typeorm";
import { Plan } from "../../entities/plan.entity";
import { DomainError, ErrorCode } from "../errors";

/** The years the database's plans cover, first to last; null when no plan is loaded. */
export interface PlanYears {
  first: number;
  last: number;
}

export async function readPlanYears(manager: EntityManager): Promise<PlanYears | null> {
  const row = await manager
    .createQueryBuilder(Plan, "p")
    .select("MIN(p.firstYear)", "first")
    .addSelect("MAX(p.lastYear)", "last")
    .getRawOne<{ first: number | string | null; last: number | string | null }>();
  return row?.first == null || row.last == null ? null : { first: Number(row.first), last: Number(row.last) };
}

/**
 * A year asked about must be one of the plan's: outside it there is nothing to measure or score,
 * and an empty answer would pass for "nothing yet" (a 2025 dashboard, a typo for 2019).
 */
export function checkPlanYear(years: PlanYears | null, year: number, field = "year"): void {
  if (years && year >= years.first && year <= years.last) return;
  const span = years ? `${years.first}-${years.last}` : "none: no plan is loaded";
  throw new DomainError(ErrorCode.INVALID_INPUT, `${field}: ${year} is outside the plan's years (${span})`, {
    field,
    planYears: years ? { first: years.first, last: years.last } : null,
  });
}
