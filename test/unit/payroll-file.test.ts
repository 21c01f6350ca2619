import { StaffCategory } from "../../entities/enums";
import { EligibilityRow, YearEligibility } from "../../src/incentives/cycle-eligibility";
import { payrollFile } from "../../src/incentives/payroll-file";
import { DEFAULT_RULES } from "../../src/incentives/rule-set";

const row = (overrides: Partial<EligibilityRow>): EligibilityRow => ({
  employee: { id: 1, code: "S001", name: "Paolo Rossi", category: StaffCategory.STAFF },
  category: StaffCategory.STAFF,
  status: "COMPLETE",
  reasons: [],
  gateOpen: true,
  unitScore: 0.83,
  individualScore: 80,
  composite: 0.812,
  payableShare: 0.812,
  maggiorazione: 0,
  art69Rank: 2,
  amountCents: 123_450,
  days: 365,
  inputs: { assignments: [], assessment: 80 },
  ...overrides,
});

const year = (rows: EligibilityRow[]): YearEligibility => ({
  year: 2019,
  ruleSetVersion: 2,
  rules: {
    ...DEFAULT_RULES,
    differentiation: { quota: 0.25, uplift: 0.3, categories: [StaffCategory.STAFF] },
    funds: { STAFF: { actKey: "CCDI-1-2020", amount: "3000.00" } },
  },
  provisional: false,
  gate: { open: true, mode: DEFAULT_RULES.gate.mode, threshold: 1, score: 1, incomplete: [] },
  rows,
});

describe("the payroll file", () => {
  const file = payrollFile(
    year([
      row({}),
      row({
        employee: { id: 2, code: "S002", name: '=HYPERLINK("http://x";"clic")', category: StaffCategory.STAFF },
        payableShare: 0.831,
        maggiorazione: 0.231,
        art69Rank: 1,
        amountCents: 176_550,
        days: 182.5,
      }),
      row({
        employee: { id: 3, code: "M003", name: "-Anna Bianchi", category: StaffCategory.MANAGER },
        category: StaffCategory.MANAGER,
        status: "INCOMPLETE",
        reasons: [{ kind: "NO_ASSESSMENT", year: 2019 }],
        individualScore: null,
        composite: null,
        payableShare: null,
        maggiorazione: null,
        art69Rank: null,
        amountCents: null,
      }),
    ]),
  );
  const lines = file.slice(1).split("\r\n");

  it("is UTF-8 with a byte-order mark, CRLF lines and Italian headers", () => {
    expect(file.startsWith("\uFEFFmatricola;nome;categoria;anno;stato;motivo;solidali_raggiunti;")).toBe(true);
    expect(lines[0]).toBe(
      "matricola;nome;categoria;anno;stato;motivo;solidali_raggiunti;punteggio_unita;punteggio_individuale;punteggio_complessivo;quota_erogabile;maggiorazione_art69;graduatoria_art69;criterio_parita_art69;giorni;importo_euro;atto_fondo;versione_regole",
    );
    expect(file.endsWith("\r\n")).toBe(true);
  });

  it("writes values in Italian, decimal commas, euros with the cent, and the art. 69 tie rule where it chose someone", () => {
    expect(lines[1]).toBe(
      "S001;Paolo Rossi;DIPENDENTE;2019;COMPLETO;;SI;0,83;80;0,812;0,812;0;2;;365;1234,50;CCDI-1-2020;2",
    );
    expect(lines[3]).toBe(
      "M003;'-Anna Bianchi;DIRIGENTE;2019;INCOMPLETO;manca la valutazione individuale 2019;SI;0,83;;;;;;;365;;;2",
    );
  });

  it("keeps a cell a spreadsheet would read as a formula as text, quoted where it holds a ;", () => {
    expect(lines[2].startsWith(`S002;"'=HYPERLINK(""http://x"";""clic"")";DIPENDENTE;`)).toBe(true);
    expect(lines[2]).toContain(
      ";0,831;0,231;1;valutazione individuale, poi punteggio complessivo, poi giorni di servizio, poi matricola;",
    );
    expect(lines[2]).toContain(";182,5;1765,50;");
  });
});
