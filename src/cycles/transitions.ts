import { ActKind, CycleStatus, Role } from "../../entities/enums";

interface Move {
  roles: Role[];
  /** Whether the move must cite an act: the Nucleo's validation or sending back, or the act that reopens a year. */
  needsAct: boolean;
  /** The kinds of act it may cite; null: any recorded act. */
  actKinds: ActKind[] | null;
}

const NUCLEO_ACT = { roles: [Role.EVALUATION_BOARD], needsAct: true, actKinds: [ActKind.EVALUATION_BOARD_MINUTES] };

/**
 * The moves of an evaluation cycle. Validation records the Nucleo di Valutazione's validation of
 * the performance report (D.Lgs. 150/2009 art. 14 c.6), without which no merit bonus is paid, and
 * freezes the year; only the Nucleo, by act, sends a validated year back to review.
 */
const MOVES: Record<string, Move> = {
  [`${CycleStatus.OPEN}>${CycleStatus.UNDER_REVIEW}`]: { roles: [Role.ADMIN], needsAct: false, actKinds: null },
  [`${CycleStatus.UNDER_REVIEW}>${CycleStatus.OPEN}`]: { roles: [Role.ADMIN], needsAct: false, actKinds: null },
  [`${CycleStatus.UNDER_REVIEW}>${CycleStatus.VALIDATED}`]: NUCLEO_ACT,
  [`${CycleStatus.VALIDATED}>${CycleStatus.UNDER_REVIEW}`]: NUCLEO_ACT,
  [`${CycleStatus.VALIDATED}>${CycleStatus.CLOSED}`]: { roles: [Role.ADMIN], needsAct: false, actKinds: null },
  [`${CycleStatus.CLOSED}>${CycleStatus.OPEN}`]: { roles: [Role.ADMIN], needsAct: true, actKinds: null },
};

export type MoveProblem = { kind: "NOT_A_MOVE" | "FORBIDDEN" | "NEEDS_ACT"; message: string };

/** The kinds of act a move may cite (null: any), once checkMove has found it a move. */
export const actKindsOf = (from: CycleStatus, to: CycleStatus) => MOVES[`${from}>${to}`]?.actKinds ?? null;

const ACT_NEEDED: Partial<Record<CycleStatus, string>> = {
  [CycleStatus.VALIDATED]: "validation needs the act of the Nucleo di Valutazione",
  [CycleStatus.UNDER_REVIEW]: "sending a validated year back to review needs the act of the Nucleo di Valutazione",
  [CycleStatus.OPEN]: "reopening a closed year needs the act that reopens it",
};

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
  if (move.needsAct && !actGiven) return { kind: "NEEDS_ACT", message: ACT_NEEDED[to]! };
  return null;
}
