import { pick, seededRandom } from "./random";

export interface GeneratedContact {
  contact_id: string;
  channel: string;
  created_at: string;
  requires_response: "S" | "N";
  first_response_at: string | null;
  first_response_by: "OPERATORE" | "AUTOMATICO" | null;
  resolved_at: string | null;
  paused_days: number | null;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Channel mix of a city contact centre: phone 020202 first, then e-mail, web, app, social, counters. */
const CHANNELS = [
  "020202",
  "020202",
  "020202",
  "EMAIL",
  "EMAIL",
  "WEB",
  "WEB",
  "APP",
  "SOCIAL",
  "SPORTELLO",
  "PEC",
  "CHAT",
];

/**
 * GENERATED, NOT REAL DATA: a year of contacts registered in the CRM (about 2,000,000 for Milan),
 * over eight channels: most need a response, most are answered by an operator within days, some
 * only acknowledged automatically, a few wait for the citizen, some stay open.
 */
export function* generateCrmContacts(year: number, contacts: number, seed = 2019): Generator<GeneratedContact> {
  const random = seededRandom(seed * 7 + year);
  const start = Date.UTC(year, 0, 1);
  for (let n = 1; n <= contacts; n += 1) {
    const created = start + Math.floor(random() * 365) * DAY;
    const requires = random() < 0.85;
    const channel = pick(random, CHANNELS);
    const roll = random();
    const answeredByPerson = requires && roll < 0.88;
    const onlyAcknowledged = requires && !answeredByPerson && roll < 0.95;
    const responseDays = channel === "020202" ? Math.floor(random() * 2) : Math.floor(random() ** 2 * 45);
    const paused = answeredByPerson && random() < 0.05 ? Math.floor(random() * 10) : null;
    const respondedAt = answeredByPerson
      ? created + (responseDays + (paused ?? 0)) * DAY
      : onlyAcknowledged
        ? created
        : null;
    const resolved = answeredByPerson && random() < 0.8 ? respondedAt! + Math.floor(random() * 20) * DAY : null;
    yield {
      contact_id: `GEN-${year}-${String(n).padStart(8, "0")}`,
      channel,
      created_at: iso(created),
      requires_response: requires ? "S" : "N",
      first_response_at: respondedAt === null ? null : iso(respondedAt),
      first_response_by: answeredByPerson ? "OPERATORE" : onlyAcknowledged ? "AUTOMATICO" : null,
      resolved_at: resolved === null ? null : iso(resolved),
      paused_days: paused,
    };
  }
}
