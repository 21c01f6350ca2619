import { CycleStatus, Role } from "../../entities/enums";

interface Move {
  roles: Role[];
  /** Whether the move must cite an act: the Nucleo's validation, or the act that reopens a year. */
  needsAct: boolean;
}

/**
 * The moves of an evaluation cycle. Validation records the Nucleo di Valutazione's validation of
 * the performance report (D.Lgs. 150/2009 art. 14 c.6), without which no merit bonus is paid.
 */
const MOVES: Record<string, Move> = {
  [`${CycleStatus.OPEN}>${CycleStatus.UNDER_REVIEW}`]: { roles: [Role.ADMIN], needsAct: false },
  [`${CycleStatus.UNDER_REVIEW}>${CycleStatus.OPEN}`]: { roles: [Role.ADMIN], needsAct: false },
  [`${CycleStatus.UNDER_REVIEW}>${CycleStatus.VALIDATED}`]: { roles: [Role.EVALUATION_BOARD], needsAct: true },
  [`${CycleStatus.VALIDATED}>${CycleStatus.CLOSED}`]: { roles: [Role.ADMIN], needsAct: false },
  [`${CycleStatus.CLOSED}>${CycleStatus.OPEN}`]: { roles: [Role.ADMIN], needsAct: true },
};

export type MoveProblem = { kind: "NOT_A_MOVE" | "FORBIDDEN" | "NEEDS_ACT"; message: string };

/** Null when the caller may move the cycle; otherwise what stands in the way. */
export function checkMove(
  from: CycleStatus,
  to: CycleStatus,
  roles: readonly Role[],
  actGiven: boolean,
): MoveProblem | null {
  const move = MOVES[`${from}>${to}`];
  if (!move) {
    const allowed = Object.keys(MOVES)
      .filter((k) => k.startsWith(`${from}>`))
      .map((k) => k.split(">")[1]);
    return { kind: "NOT_A_MOVE", message: `a ${from} cycle can move to ${allowed.join(" or ")}, not to ${to}` };
  }
  if (!move.roles.some((role) => roles.includes(role))) {
    return {
      kind: "FORBIDDEN",
      message: `Forbidden: moving a cycle from ${from} to ${to} needs the role ${move.roles.join(" or ")}`,
    };
  }
  if (move.needsAct && !actGiven) {
    return {
      kind: "NEEDS_ACT",
      message:
        to === CycleStatus.VALIDATED
          ? "validation needs the act of the Nucleo di Valutazione"
          : "reopening a closed year needs the act that reopens it",
    };
  }
  return null;
}
