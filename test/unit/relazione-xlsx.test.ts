import ExcelJS from "exceljs";
import { Relazione } from "../../src/report/relazione";
import { renderXlsx } from "../../src/report/render-xlsx";

const FROZEN: Relazione = {
  year: 2019,
  administration: "Comune di Milano",
  provisional: false,
  cycleStatus: "Validato",
  knownOn: "2020-06-30",
  frozenAt: "2020-06-30T08:15:00.000Z",
  ruleSetVersion: 1,
  gate: { open: true, computedOpen: false, rule: "Tutti gli Obiettivi Solidali raggiunti", score: 1, objectives: [] },
  units: [
    {
      code: "EDU",
      name: "Direzione Educazione",
      direzioneScore: 0.7,
      gestionaleScore: 0.9,
      score: 0.76,
      objectives: [],
      gestionali: [],
    },
  ],
  health: [],
  decisions: [],
  distribution: [],
};

/** Only Date moves: the zip writer's timers and promises run as usual. */
const clockAt = (now: string) =>
  jest.useFakeTimers({
    now: new Date(now),
    doNotFake: [
      "nextTick",
      "queueMicrotask",
      "setImmediate",
      "clearImmediate",
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "performance",
      "hrtime",
    ],
  });

describe("the Relazione's workbook", () => {
  afterEach(() => jest.useRealTimers());

  it("is the same bytes when made a day later: dated with the freeze, never with the time it is made", async () => {
    clockAt("2026-12-01T10:00:00Z");
    const first = await renderXlsx(FROZEN);
    clockAt("2026-12-02T17:31:07Z");
    const second = await renderXlsx(FROZEN);
    expect(second.equals(first)).toBe(true);
    jest.useRealTimers();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(first as unknown as ExcelJS.Buffer);
    expect(workbook.created.toISOString()).toBe("2020-06-30T08:15:00.000Z");
    expect(workbook.getWorksheet("Direzioni")!.getRow(2).values).toEqual([
      undefined,
      "EDU",
      "Direzione Educazione",
      0.7,
      0.9,
      0.76,
    ]);
  });
});
