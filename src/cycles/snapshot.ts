import { EntityManager } from "typeorm";
import { CycleSnapshot } from "../../entities/cycle-snapshot.entity";
import { StaffCategory } from "../../entities/enums";
import { FrozenEligibility } from "../../entities/frozen-eligibility.entity";
import { IncentiveRuleSet } from "../../entities/incentive-rule-set.entity";
import { EligibilityInputs, EligibilityRow, YearEligibility } from "../incentives/cycle-eligibility";
import { centsOf } from "../incentives/fund";
import { IncompleteReason } from "../incentives/reasons";
import { DEFAULT_RULES, ruleSetSchema } from "../incentives/rule-set";

const number = (value: string | null) => (value === null ? null : Number(value));

function fromFrozen(r: FrozenEligibility): EligibilityRow {
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
    inputs: JSON.parse(r.inputs) as EligibilityInputs,
  };
}

/** The figures frozen at the year's latest validation, as they were stored; null if none was taken. */
export async function frozenYear(manager: EntityManager, year: number): Promise<YearEligibility | null> {
  const snapshot = await manager.findOne(CycleSnapshot, { where: { year }, order: { takenAt: "DESC", id: "DESC" } });
  if (!snapshot) return null;
  const [rows, ruleSet] = await Promise.all([
    manager.find(FrozenEligibility, { where: { snapshotId: snapshot.id }, order: { employeeCode: "ASC", id: "ASC" } }),
    manager.findOneBy(IncentiveRuleSet, { year, version: snapshot.ruleSetVersion }),
  ]);
  const gate = JSON.parse(snapshot.gate) as Omit<YearEligibility["gate"], "incomplete">;
  return {
    year,
    ruleSetVersion: snapshot.ruleSetVersion,
    rules: ruleSet ? ruleSetSchema.parse(ruleSet.rules) : DEFAULT_RULES,
    provisional: false,
    gate: { ...gate, incomplete: [] },
    rows: rows.map(fromFrozen),
  };
}
