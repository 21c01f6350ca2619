import { DataSource } from "typeorm";
import { CycleTransition } from "../../entities/cycle-transition.entity";
import { CycleStatus } from "../../entities/enums";
import { EvaluationCycle } from "../../entities/evaluation-cycle.entity";
import { AttainmentService } from "../attainment/attainment-service";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { DomainError, ErrorCode, invalidInput } from "../errors";
import { computeCycleEligibility } from "../incentives/cycle-eligibility";
import { PreparedEligibility } from "../incentives/prepared-eligibility";
import { requireAct } from "./acts";
import { lockCycle } from "./cycles";
import { freeze } from "./freeze";
import { isRealSentence } from "./sentence";
import { actKindsOf, checkMove } from "./transitions";

export interface MoveCycleInput {
  year: number;
  to: CycleStatus;
  actKey: string | null;
  note: string | null;
}

/**
 * Moves a cycle one step, recording who, when and the act (which must be recorded); audited.
 * Validation freezes the year's figures, and is refused while the Solidale gate cannot be judged;
 * it freezes the eligibility `prepared` ahead when that is still current, else computes it afresh.
 */
export function moveCycle(
  dataSource: DataSource,
  attainment: AttainmentService,
  caller: Caller,
  input: MoveCycleInput,
  { now = new Date(), prepared }: { now?: Date; prepared?: PreparedEligibility } = {},
): Promise<EvaluationCycle> {
  return dataSource.transaction(async (manager) => {
    // First, so that what this transaction reads next is what the writes let through have committed.
    const cycle = await lockCycle(manager, input.year);
    const problem = checkMove(cycle.status, input.to, caller.roles, input.actKey !== null);
    if (problem?.kind === "FORBIDDEN") throw new DomainError(ErrorCode.FORBIDDEN, problem.message);
    if (problem) throw invalidInput(problem.kind === "NEEDS_ACT" ? "actKey" : "to", problem.message);
    if (input.actKey !== null) await requireAct(manager, input.actKey, "actKey", actKindsOf(cycle.status, input.to));
    if (input.note !== null && !isRealSentence(input.note))
      throw invalidInput("note", "write the note as a sentence, or leave it out");
    if (input.to === CycleStatus.VALIDATED) {
      // Read after the lock: the counts of changes it compares are those every write let through committed.
      const eligibility =
        (await prepared?.current(manager, input.year)) ??
        (await computeCycleEligibility(dataSource, attainment.afresh(), input.year));
      if (eligibility.gate.open === null)
        throw invalidInput(
          "to",
          `the Solidale gate of ${input.year} cannot be judged (${eligibility.gate.incomplete.join(", ")} incomplete): score or override those objectives, or record the Nucleo's decision on the gate, before validating`,
        );
      await freeze(manager, eligibility, auditedCaller(caller).actor, now);
    }
    await manager.update(EvaluationCycle, { id: cycle.id }, { status: input.to });
    await manager.insert(CycleTransition, {
      cycleId: cycle.id,
      fromStatus: cycle.status,
      toStatus: input.to,
      at: now,
      actor: auditedCaller(caller).actor,
      actKey: input.actKey,
      note: input.note,
    });
    const after = await manager.findOneByOrFail(EvaluationCycle, { id: cycle.id });
    await recordAudit(
      manager,
      {
        ...auditedCaller(caller),
        action: `CYCLE_${input.to}`,
        entityType: "EvaluationCycle",
        entityId: String(cycle.id),
        before: cycle,
        after: { ...after, actKey: input.actKey },
      },
      now,
    );
    return after;
  });
}
