import { EntityManager, FindOptionsSelect } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { StaffCategory } from "../../entities/enums";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { EligibilityInputs, EligibilityRow, YearEligibility } from "../incentives/cycle-eligibility";
import { PayrollRow, PayrollYear } from "../incentives/payroll-file";
import { centsOf } from "../incentives/fund";
import { IncompleteReason } from "../incentives/reasons";
import { DEFAULT_RULES, ruleSetSchema } from "../incentives/rule-set";

const number = (value: string | null) => (value === null ? null : Number(value));

function figures(r: FrozenEligibility): PayrollRow {
  return {
    employee: { id: r.employeeId, code: r.employeeCode, name: r.employeeName, category: r.category as StaffCategory },
    category: r.category as StaffCategory,
    status: r.status === "COMPLETE" ? "COMPLETE" : "INCOMPLETE",
    reasons: r.reasons === null ? [] : (JSON.parse(r.reasons) as IncompleteReason[]),
    gateOpen: r.gateOpen,
    unitScore: number(r.unitScore),
    individualScore: number(r.individualScore),
    composite: number(r.composite),
    payableShare: number(r.payableShare),
    maggiorazione: number(r.maggiorazione),
    art69Rank: r.art69Rank,
    amountCents: r.amount === null ? null : centsOf(r.amount),
    days: Number(r.days),
  };
}

/** The latest snapshot of a year, with its rules and gate, and its rows read by `read`; null if none was taken. */
async function frozen<R>(
  manager: EntityManager,
  year: number,
  read: (snapshotId: number) => Promise<R[]>,
): Promise<(Omit<YearEligibility, "rows"> & { rows: R[] }) | null> {
  const snapshot = await manager.findOne(CycleSnapshot, { where: { year }, order: { takenAt: "DESC", id: "DESC" } });
  if (!snapshot) return null;
  const [rows, ruleSet] = await Promise.all([
    read(snapshot.id),
    manager.findOneBy(IncentiveRuleSet, { year, version: snapshot.ruleSetVersion }),
  ]);
  const gate = JSON.parse(snapshot.gate) as Omit<YearEligibility["gate"], "incomplete">;
  return {
    year,
    ruleSetVersion: snapshot.ruleSetVersion,
    rules: ruleSet ? ruleSetSchema.parse(ruleSet.rules) : DEFAULT_RULES,
    provisional: false,
    gate: { ...gate, incomplete: [] },
    rows,
  };
}

const ORDER = { employeeCode: "ASC", id: "ASC" } as const;

/** The figures frozen at the year's latest validation, with the inputs they came from; null if none was taken. */
export function frozenYear(manager: EntityManager, year: number): Promise<YearEligibility | null> {
  return frozen(manager, year, async (snapshotId) =>
    (await manager.find(FrozenEligibility, { where: { snapshotId }, order: ORDER })).map((r): EligibilityRow => ({
      ...figures(r),
      inputs: JSON.parse(r.inputs) as EligibilityInputs,
    })),
  );
}

/** The frozen figures alone, for the payroll file: the inputs, most of each row, stay unread. */
export function frozenPayroll(manager: EntityManager, year: number): Promise<PayrollYear | null> {
  const select = Object.fromEntries(
    manager.connection
      .getMetadata(FrozenEligibility)
      .columns.filter((c) => c.propertyName !== "inputs")
      .map((c) => [c.propertyName, true]),
  ) as FindOptionsSelect<FrozenEligibility>;
  return frozen(manager, year, async (snapshotId) =>
    (await manager.find(FrozenEligibility, { select, where: { snapshotId }, order: ORDER })).map(figures),
  );
}
