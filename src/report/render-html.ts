import { figure, figuresStatement, gateWords, italianDate, percent } from "./italian-format";
import { DecisionLine, ObjectiveLine, Relazione, UnitSection } from "./relazione";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A table from a header and rows of cells already escaped; `kind` names its column widths in the stylesheet. */
const table = (header: readonly string[], rows: ReadonlyArray<readonly string[]>, kind = "") =>
  `<table${kind ? ` class="${kind}"` : ""}><thead><tr>${header.map((h) => `<th>${escape(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;

/**
 * Print: A4, page numbers in the bottom margin ("Pagina 3 di 12", CSS @page counters), none on the
 * cover; each section starts a page, and a table's rows are not split across pages.
 */
const STYLE = `
@page { size: A4; margin: 18mm 14mm 20mm; @bottom-center { content: "Pagina " counter(page) " di " counter(pages); font: 9pt sans-serif; color: #555; } }
@page :first { @bottom-center { content: none; } }
body { font: 10pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0; }
h1 { font-size: 22pt; margin: 40mm 0 6mm; } h2 { font-size: 15pt; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin-top: 8mm; }
.provisional { border: 2px solid #b00; color: #b00; padding: 3mm; font-weight: bold; }
.final { border: 2px solid #060; color: #060; padding: 3mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 2mm 0 4mm; font-size: 8pt; }
.objectives th:nth-child(1) { width: 26%; } .objectives th:nth-child(2) { width: 14%; } .objectives th:nth-child(3), .objectives th:nth-child(4) { width: 9%; }
.objectives th:nth-child(5) { width: 10%; } .objectives th:nth-child(6) { width: 13%; } .objectives th:nth-child(7) { width: 19%; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; font-size: 7.5pt; overflow-wrap: normal; } tr { break-inside: avoid; } .n { white-space: nowrap; } .code { overflow-wrap: anywhere; } td:has(> .n) { text-align: right; }
section { break-before: page; } nav ol { line-height: 1.8; }
@media screen { body { padding: 10mm; max-width: 190mm; margin: 0 auto; } section { border-top: 3px solid #ccc; margin-top: 10mm; } }
`;

const SECTIONS = [
  ["solidali", "Obiettivi Solidali e soglia per il risultato"],
  ["direzioni", "Direzioni: Obiettivi di Direzione e contributo Gestionale"],
  ["salute", "Indicatori di Salute dell'Ente"],
  ["nucleo", "Decisioni del Nucleo di Valutazione"],
  ["distribuzione", "Distribuzione delle valutazioni (art. 18 D.Lgs. 150/2009)"],
] as const;

const num = (text: string) => `<span class="n">${escape(text)}</span>`;

function objectiveRows(objectives: readonly ObjectiveLine[]): string[][] {
  return objectives.flatMap((o) => [
    [
      `<b class="code">${escape(o.key)}</b> ${escape(o.title)}`,
      "",
      "",
      num(percent(o.score)),
      num(percent(o.gap)),
      escape(o.status),
      o.reasons
        .map(
          (r) =>
            `${escape(italianDate(r.monitoringDate))}${r.kpiCode ? ` (${escape(r.kpiCode)})` : ""}: ${escape(r.reason)}. <i>Azione correttiva:</i> ${escape(r.correctiveAction)}`,
        )
        .join("<br>"),
    ],
    ...o.kpis.map((k) => [
      `&nbsp;&nbsp;<span class="code">${escape(k.code)}</span> ${escape(k.name)}`,
      escape(k.target),
      num(figure(k.value)),
      num(percent(k.score)),
      "",
      "",
      "",
    ]),
  ]);
}

const OBJECTIVE_HEADER = [
  "Obiettivo / indicatore",
  "Target",
  "Risultato",
  "Punteggio",
  "Scostamento",
  "Stato",
  "Motivi dello scostamento (monitoraggi)",
];

function unitSection(u: UnitSection): string {
  return `<h3 id="unita-${escape(u.code)}">${escape(u.code)} ${escape(u.name)}</h3>
${table(
  ["Obiettivi di Direzione", "Contributo Gestionale", "Punteggio della Direzione"],
  [[num(percent(u.direzioneScore)), num(percent(u.gestionaleScore)), num(percent(u.score))]],
)}
${u.objectives.length ? table(OBJECTIVE_HEADER, objectiveRows(u.objectives), "objectives") : "<p>Nessun Obiettivo di Direzione per l'anno.</p>"}
${table(
  ["Obiettivo Gestionale", "Punteggio", "Stato"],
  u.gestionali.map((g) => [
    `<b class="code">${escape(g.key)}</b> ${escape(g.title)}`,
    num(percent(g.score)),
    escape(g.status),
  ]),
)}`;
}

function decisionRow(d: DecisionLine): string[] {
  const decided = d.gateOpen !== null ? gateWords(d.gateOpen) : d.score !== null ? percent(d.score) : "—";
  const computed = d.computedGateOpen !== null ? gateWords(d.computedGateOpen) : percent(d.computedScore);
  return [
    escape(italianDate(d.decidedOn)),
    escape(d.subject),
    escape(d.decision),
    num(decided),
    num(computed),
    escape(d.comment ?? ""),
  ];
}

/** The Relazione as one printable HTML page: cover, table of contents, the five sections. */
export function renderHtml(r: Relazione): string {
  const title = `Relazione sulla Performance ${r.year}`;
  return `<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
<header>
<h1>${escape(title)}</h1>
<p>${escape(r.administration)}: Piano degli Obiettivi, D.Lgs. 150/2009 art. 10.</p>
<p class="${r.provisional ? "provisional" : "final"}">${escape(figuresStatement(r.provisional, r.knownOn, r.frozenAt))}</p>
<p>Stato della valutazione: ${escape(r.cycleStatus)}. Regole degli incentivi: versione ${r.ruleSetVersion}.</p>
<nav><h2>Indice</h2><ol>${SECTIONS.map(([id, name]) => `<li><a href="#${id}">${escape(name)}</a></li>`).join("")}</ol></nav>
</header>
<section id="solidali"><h2>1. ${escape(SECTIONS[0][1])}</h2>
<p>Regola: ${escape(r.gate.rule)}. Esito: <b>${escape(gateWords(r.gate.open))}</b> (dai soli valori: ${escape(gateWords(r.gate.computedOpen))}); punteggio complessivo ${escape(percent(r.gate.score))}.</p>
${table(OBJECTIVE_HEADER, objectiveRows(r.gate.objectives), "objectives")}
</section>
<section id="direzioni"><h2>2. ${escape(SECTIONS[1][1])}</h2>
${table(
  ["Direzione", "Obiettivi di Direzione", "Contributo Gestionale", "Punteggio"],
  r.units.map((u) => [
    `<a href="#unita-${escape(u.code)}">${escape(u.code)}</a> ${escape(u.name)}`,
    num(percent(u.direzioneScore)),
    num(percent(u.gestionaleScore)),
    num(percent(u.score)),
  ]),
)}
${r.units.map(unitSection).join("\n")}
</section>
<section id="salute"><h2>3. ${escape(SECTIONS[2][1])}</h2>
${table(
  ["Area", "Indicatore", "Target", "Risultato", "Punteggio", "Andamento nell'anno"],
  r.health.map((h) => [
    escape(h.group),
    `<b class="code">${escape(h.kpi.code)}</b> ${escape(h.kpi.name)}`,
    escape(h.kpi.target),
    num(figure(h.kpi.value)),
    num(percent(h.kpi.score)),
    escape(h.trend.map((p) => `${p.period}: ${figure(p.value)}`).join("; ") || "—"),
  ]),
)}
</section>
<section id="nucleo"><h2>4. ${escape(SECTIONS[3][1])}</h2>
${r.decisions.length ? table(["Data", "Oggetto", "Decisione", "Valore deciso", "Valore calcolato", "Commenti o motivazione"], r.decisions.map(decisionRow)) : "<p>Nessuna decisione del Nucleo per l'anno.</p>"}
</section>
<section id="distribuzione"><h2>5. ${escape(SECTIONS[4][1])}</h2>
<p>Valutazioni individuali per categoria e unità, senza nominativi.</p>
${table(
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
    escape(d.category),
    escape(d.unitCode),
    num(String(d.evaluated)),
    num(String(d.distinctScores)),
    num(figure(d.minScore)),
    num(figure(d.meanScore)),
    num(figure(d.topScore)),
    num(percent(d.shareAtTop)),
    escape(d.scores),
  ]),
)}
</section>
</body></html>
`;
}
