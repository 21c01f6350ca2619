import ExcelJS from "exceljs";
import { fixedInstant } from "./fixed-instant";
import { withFixedZipDates } from "./fixed-zip-dates";
import { figuresStatement, gateWords } from "./italian-format";
import { ObjectiveLine, Relazione } from "./relazione";

type Cell = string | number | null;

const SHARE = "0.0%";

/** A sheet with a bold header row, widths from the header, and the columns given as shares formatted as percentages. */
function sheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
  shares: readonly number[] = [],
): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = header.map((h) => ({ header: h, width: Math.min(60, Math.max(12, h.length + 4)) }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow([...row]);
  for (const column of shares) ws.getColumn(column).numFmt = SHARE;
}

const OBJECTIVE_HEADER = [
  "Obiettivo",
  "Titolo",
  "Indicatore",
  "Nome",
  "Target",
  "Risultato",
  "Punteggio",
  "Punteggio calcolato",
  "Scostamento",
  "Stato",
  "Motivi dello scostamento",
];

/** An objective's row, then a row per KPI; `lead` are the columns before (a directorate's code and name). */
function objectiveRows(objectives: readonly ObjectiveLine[], lead: readonly Cell[] = []): Cell[][] {
  return objectives.flatMap((o) => [
    [
      ...lead,
      o.key,
      o.title,
      null,
      null,
      null,
      null,
      o.score,
      o.computedScore,
      o.gap,
      o.status,
      o.reasons
        .map(
          (r) =>
            `${r.monitoringDate} ${r.unitCode}${r.kpiCode ? ` ${r.kpiCode}` : ""}: ${r.reason} (azione correttiva: ${r.correctiveAction})`,
        )
        .join("\n") || null,
    ],
    ...o.kpis.map((k) => [...lead, o.key, null, k.code, k.name, k.target, k.value, k.score, null, null, null, null]),
  ]);
}

/**
 * The Relazione as a workbook for the analysts: one sheet per section, figures as numbers (shares
 * formatted as percentages), no formula. Dated with the report's fixed instant, never the time it
 * was made: a frozen year's workbook is the same bytes on every run.
 */
export async function renderXlsx(r: Relazione): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const at = fixedInstant(r);
  workbook.creator = "Traguardo";
  workbook.created = at;
  workbook.modified = at;
  sheet(
    workbook,
    "Copertina",
    ["Voce", "Valore"],
    [
      ["Relazione sulla Performance", r.year],
      ["Amministrazione", r.administration],
      ["Dati", figuresStatement(r.provisional, r.knownOn, r.frozenAt)],
      ["Provvisori", r.provisional ? "Sì" : "No"],
      ["Situazione al", r.knownOn],
      ["Stato della valutazione", r.cycleStatus],
      ["Versione delle regole", r.ruleSetVersion],
    ],
  );
  const gate: Cell[][] = [
    [
      "Soglia degli Obiettivi Solidali",
      r.gate.rule,
      null,
      null,
      null,
      null,
      r.gate.score,
      null,
      null,
      gateWords(r.gate.open),
      `Dai soli valori: ${gateWords(r.gate.computedOpen)}`,
    ],
  ];
  sheet(workbook, "Obiettivi Solidali", OBJECTIVE_HEADER, [...gate, ...objectiveRows(r.gate.objectives)], [7, 8, 9]);
  sheet(
    workbook,
    "Direzioni",
    ["Direzione", "Nome", "Obiettivi di Direzione", "Contributo Gestionale", "Punteggio"],
    r.units.map((u) => [u.code, u.name, u.direzioneScore, u.gestionaleScore, u.score]),
    [3, 4, 5],
  );
  sheet(
    workbook,
    "Obiettivi di Direzione",
    ["Direzione", ...OBJECTIVE_HEADER],
    r.units.flatMap((u) => [...objectiveRows(u.objectives, [u.code]), ...objectiveRows(u.gestionali, [u.code])]),
    [8, 9, 10],
  );
  sheet(
    workbook,
    "Salute dell'Ente",
    ["Area", "Obiettivo", "Indicatore", "Nome", "Target", "Risultato", "Punteggio", "Andamento nell'anno"],
    r.health.map((h) => [
      h.group,
      h.objectiveKey,
      h.kpi.code,
      h.kpi.name,
      h.kpi.target,
      h.kpi.value,
      h.kpi.score,
      h.trend.map((p) => `${p.period}: ${p.value ?? "—"}`).join("; ") || null,
    ]),
    [7],
  );
  sheet(
    workbook,
    "Decisioni del Nucleo",
    [
      "Data",
      "Oggetto",
      "Decisione",
      "Punteggio deciso",
      "Soglia decisa",
      "Punteggio calcolato",
      "Soglia calcolata",
      "Commenti o motivazione",
    ],
    r.decisions.map((d) => [
      d.decidedOn,
      d.subject,
      d.decision,
      d.score,
      d.gateOpen === null ? null : gateWords(d.gateOpen),
      d.computedScore,
      d.computedGateOpen === null ? null : gateWords(d.computedGateOpen),
      d.comment,
    ]),
    [4, 6],
  );
  sheet(
    workbook,
    "Distribuzione art. 18",
    [
      "Categoria",
      "Unità",
      "Valutati",
      "Valutazioni distinte",
      "Minima",
      "Media",
      "Massima",
      "Quota al massimo",
      "Valutazioni × persone",
    ],
    r.distribution.map((d) => [
      d.category,
      d.unitCode,
      d.evaluated,
      d.distinctScores,
      d.minScore,
      d.meanScore,
      d.topScore,
      d.shareAtTop,
      d.scores,
    ]),
    [8],
  );
  return withFixedZipDates(Buffer.from(await workbook.xlsx.writeBuffer()), at);
}
