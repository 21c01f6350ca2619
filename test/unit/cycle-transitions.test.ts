import { ActKind, CycleStatus, Role } from "../../entities/enums";
import { actKindsOf, checkMove } from "../../src/cycles/transitions";

describe("evaluation cycle moves", () => {
  it("go OPEN → UNDER_REVIEW → VALIDATED → CLOSED, each by its role", () => {
    expect(checkMove(CycleStatus.OPEN, CycleStatus.UNDER_REVIEW, [Role.ADMIN], false)).toBeNull();
    expect(checkMove(CycleStatus.UNDER_REVIEW, CycleStatus.VALIDATED, [Role.EVALUATION_BOARD], true)).toBeNull();
    expect(checkMove(CycleStatus.VALIDATED, CycleStatus.CLOSED, [Role.ADMIN], false)).toBeNull();
  });

  it("let only the Nucleo validate, and only with its act", () => {
    expect(checkMove(CycleStatus.UNDER_REVIEW, CycleStatus.VALIDATED, [Role.ADMIN], true)).toMatchObject({
      kind: "FORBIDDEN",
      message: /needs the role EVALUATION_BOARD/,
    });
    expect(checkMove(CycleStatus.UNDER_REVIEW, CycleStatus.VALIDATED, [Role.EVALUATION_BOARD], false)).toMatchObject({
      kind: "NEEDS_ACT",
    });
  });

  it("let only the Nucleo, by its act, send a validated year back to review", () => {
    expect(checkMove(CycleStatus.VALIDATED, CycleStatus.UNDER_REVIEW, [Role.EVALUATION_BOARD], true)).toBeNull();
    expect(checkMove(CycleStatus.VALIDATED, CycleStatus.UNDER_REVIEW, [Role.ADMIN], true)).toMatchObject({
      kind: "FORBIDDEN",
    });
    expect(checkMove(CycleStatus.VALIDATED, CycleStatus.UNDER_REVIEW, [Role.EVALUATION_BOARD], false)).toMatchObject({
      kind: "NEEDS_ACT",
      message: "sending a validated year back to review needs the act of the Nucleo di Valutazione",
    });
    expect(actKindsOf(CycleStatus.VALIDATED, CycleStatus.UNDER_REVIEW)).toEqual([ActKind.EVALUATION_BOARD_MINUTES]);
    expect(actKindsOf(CycleStatus.CLOSED, CycleStatus.OPEN)).toBeNull();
  });

  it("reopen a closed year only by act, and skip no step", () => {
    expect(checkMove(CycleStatus.CLOSED, CycleStatus.OPEN, [Role.ADMIN], false)).toMatchObject({ kind: "NEEDS_ACT" });
    expect(checkMove(CycleStatus.CLOSED, CycleStatus.OPEN, [Role.ADMIN], true)).toBeNull();
    expect(checkMove(CycleStatus.OPEN, CycleStatus.CLOSED, [Role.ADMIN], false)).toMatchObject({
      kind: "NOT_A_MOVE",
      message: "a OPEN cycle can move to UNDER_REVIEW, not to CLOSED",
    });
  });
});
