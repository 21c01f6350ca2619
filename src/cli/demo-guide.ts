import { Role } from "../../entities/enums";
import { parseGrant } from "../auth/caller";
import { mintToken } from "../auth/mint-token";
import { Config } from "../config";

const percent = (score: number) => `${(score * 100).toFixed(1).replace(".", ",")}%`;

/** The directorate whose referent the demo signs in as: one with its objectives scored. */
export interface GuideUnit {
  code: string;
  name: string;
  /** Its score, and how many of its Obiettivi di Direzione have one. */
  score: number;
  scoredObjectives: number;
}

/** Who signs in, and what to look at on each page with that token. */
interface Visitor {
  who: string;
  role: Role;
  units: string[];
  look: string[];
}

function visitors(year: number, unit: GuideUnit): Visitor[] {
  return [
    {
      who: "Consultazione",
      role: Role.VIEWER,
      units: [],
      look: [
        `Cruscotto dell'Ente (#/cruscotto): il cancello degli Obiettivi Solidali ${year}, la classifica delle direzioni, gli indicatori di salute trimestre per trimestre con l'ultimo periodo e la scadenza del prossimo, gli allarmi sulle fonti`,
        "Scheda della Direzione (#/direzione/EDU): obiettivi, indicatori e spiegazioni, senza i nomi di chi ha registrato",
      ],
    },
    {
      who: `Referente della ${unit.name}`,
      role: Role.UNIT_MANAGER,
      units: [unit.code],
      look: [
        `Scheda della Direzione (#/direzione/${unit.code}): ${unit.scoredObjectives} Obiettivi di Direzione con punteggio, il punteggio della direzione (${percent(unit.score)}), i monitoraggi e gli scostamenti`,
        `Monitoraggio (#/monitoraggio/${unit.code}): cosa resta da riportare alla prossima data di monitoraggio, e i moduli per farlo`,
      ],
    },
    {
      who: "Nucleo di Valutazione",
      role: Role.EVALUATION_BOARD,
      units: [],
      look: [
        `Revisione del Nucleo (#/nucleo): il ciclo ${year} validato il 20/06/2020, il punteggio calcolato accanto a quello in vigore, le decisioni`,
        `e la Relazione sulla Performance ${year} da scaricare in HTML, PDF e XLSX`,
      ],
    },
    {
      who: "Amministratore",
      role: Role.ADMIN,
      units: [],
      look: [
        "Processi (#/processi): le esecuzioni dei job, le righe scartate con riga e motivo, «Esegui ora»",
        "Revisione del Nucleo in sola lettura, con la Relazione; Monitoraggio di ogni direzione",
      ],
    },
    {
      who: "Paghe",
      role: Role.PAYROLL,
      units: [],
      look: [
        "Cruscotto e Scheda della Direzione in lettura; l'idoneità agli incentivi con GraphiQL (/explorer), query eligibility qui sopra",
      ],
    },
  ];
}

/**
 * Where to go once the demo's server is up: the dashboard, a token per role (signed with the demo's
 * secret, valid 8 hours) with what each page shows that role, the Relazione's route and /metrics.
 */
export async function printDashboardGuide(config: Config, year: number, unit: GuideUnit): Promise<void> {
  const origin = `http://localhost:${config.PORT}`;
  const lines = [
    `Cruscotto: ${origin}/ (entra incollando uno di questi token, validi 8 ore; GraphiQL su ${origin}/explorer)`,
  ];
  for (const visitor of visitors(year, unit)) {
    const token = await mintToken(config, {
      subject: `${visitor.role.toLowerCase()}.demo`,
      roles: [visitor.role],
      units: visitor.units.flatMap(parseGrant),
      expiresIn: "8h",
    });
    const scope = visitor.units.length ? `, ${visitor.units.join(", ")}` : "";
    lines.push(`  ${visitor.who} (${visitor.role}${scope}): ${token}`, ...visitor.look.map((text) => `      ${text}`));
  }
  lines.push(
    `Relazione sulla Performance ${year} (token del Nucleo o dell'Amministratore):`,
    `  curl -H "authorization: Bearer $TOKEN" -o relazione-${year}.pdf ${origin}/reports/relazione/${year}.pdf   (anche .xlsx e .html; ?asOf=AAAA-MM-GG)`,
    `Metriche (Prometheus): ${origin}/metrics`,
  );
  console.log(lines.join("\n"));
}
