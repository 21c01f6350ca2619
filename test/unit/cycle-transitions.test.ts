import { CycleStatus, Role } from "../../entities/enums";
import { checkMove } from "../../src/cycles/transitions";

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

  it("reopen a closed year only by act, and skip no step", () => {
    expect(checkMove(CycleStatus.CLOSED, CycleStatus.OPEN, [Role.ADMIN], false)).toMatchObject({ kind: "NEEDS_ACT" });
    expect(checkMove(CycleStatus.CLOSED, CycleStatus.OPEN, [Role.ADMIN], true)).toBeNull();
    expect(checkMove(CycleStatus.OPEN, CycleStatus.CLOSED, [Role.ADMIN], false)).toMatchObject({
      kind: "NOT_A_MOVE",
      message: "a OPEN cycle can move to UNDER_REVIEW, not to CLOSED",
    });
  });
});
