import { isRealSentence } from "../../src/cycles/sentence";

describe("a comment or justification in words", () => {
  it.each([
    "Ritardi dovuti a cause esterne documentate",
    "M4 in ritardo per il ricorso al TAR",
    "Obiettivo rivisto dal Nucleo",
  ])("accepts %p", (text) => expect(isRealSentence(text)).toBe(true));

  it.each(["", "   ", "…", "...", "test", "ok ok ok", "x y z", "rivisto", null])("refuses %p", (text) =>
    expect(isRealSentence(text)).toBe(false),
  );
});
