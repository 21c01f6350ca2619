import { DataSource } from "typeorm";
import { CycleStatus } from "../../entities/enums";
import { isFrozen, requireCycle } from "../cycles/cycles";
import { frozenPayroll } from "../cycles/snapshot";
import { invalidInput } from "../errors";
import { payrollFile } from "./payroll-file";

/**
 * The payroll file of a year, from the figures frozen when the Nucleo validated it (D.Lgs.
 * 150/2009 art. 14 c.6): the same bytes every time until the Nucleo sends the year back to review.
 */
export async function payrollCsv(dataSource: DataSource, year: number): Promise<string> {
  const cycle = await requireCycle(dataSource.manager, year);
  if (!isFrozen(cycle.status))
    throw invalidInput(
      "year",
      `${year} is ${cycle.status}: the payroll export waits for the Nucleo di Valutazione to validate the year`,
    );
  const frozen = await frozenPayroll(dataSource.manager, year);
  if (!frozen)
    throw invalidInput(
      "year",
      `${year} was ${cycle.status === CycleStatus.VALIDATED ? "validated" : "closed"} before validation froze its figures: the Nucleo sends it back to review and validates it again`,
    );
  return payrollFile(frozen);
}
