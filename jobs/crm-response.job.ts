import { PeriodKind } from "../entities/enums";
import { CrmAccumulator, CrmContact, CrmFigures, CrmSettings } from "./formulas/crm";
import { Period } from "../src/periods";
import { dateValue, requiredTextValue, RowProblem, textValue, wholeNumberValue } from "../src/csv/fields";
import { dayNumber, todayInRome } from "../src/dates";
import { Accumulator, JobDefinition, JobValue } from "./job";

/**
 * CRM response from the contacts registered in the CRM, one row per contact.
 *
 * Fields: contact_id; channel; created_at; requires_response (S/N); first_response_at;
 * first_response_by (OPERATORE | AUTOMATICO: an automatic acknowledgement is not a response);
 * resolved_at; paused_days (days waiting for the citizen, blank: 0); paused_from, paused_to (optional:
 * the pause itself, both days included, which working-day mode needs to take out only its working days).
 */
export const CRM_KPI = {
  contacts: "SAL-CRM-CONTATTI",
  channelsUnified: "SAL-CRM-CANALI-UNIFICATI",
  responseRate: "SAL-CRM-TASSO-RISPOSTA",
  medianResponse: "SAL-CRM-TEMPI-RISPOSTA",
  p90Response: "SAL-CRM-TEMPI-RISPOSTA-P90",
  withinServiceLevel: "SAL-CRM-ENTRO-SLA",
  resolutionRate: "SAL-CRM-TASSO-RISOLUZIONE",
  medianResolution: "SAL-CRM-TEMPI-RISOLUZIONE",
};

const YES = new Set(["S", "SI", "SÌ", "Y", "YES", "1", "TRUE"]);
const NO = new Set(["N", "NO", "0", "FALSE"]);
const RESPONDERS: Record<string, "HUMAN" | "AUTOMATIC"> = {
  OPERATORE: "HUMAN",
  HUMAN: "HUMAN",
  AUTOMATICO: "AUTOMATIC",
  AUTOMATIC: "AUTOMATIC",
};

/** The flag as "S" or "N", as sources mostly write it, or any of YES and NO in any case and spacing. */
function yesOrNo(raw: unknown, name: string): boolean {
  if (raw === "S") return true;
  if (raw === "N") return false;
  const flag = requiredTextValue(raw, name).toUpperCase();
  if (YES.has(flag)) return true;
  if (NO.has(flag)) return false;
  throw new RowProblem(name, `"${String(raw)}" is neither S nor N`);
}

function responderOf(raw: unknown, name: string): "HUMAN" | "AUTOMATIC" {
  if (raw === "OPERATORE") return "HUMAN";
  if (raw === "AUTOMATICO") return "AUTOMATIC";
  const responder = RESPONDERS[requiredTextValue(raw, name).toUpperCase()];
  if (!responder) throw new RowProblem(name, `"${String(raw)}" is neither OPERATORE nor AUTOMATICO`);
  return responder;
}

/**
 * Channel names as sources write them, each read once: a run reads the same few names millions of
 * times, and comparing a short name with the few already read costs less than upper-casing it and
 * hashing the new text into the tallies' map. At most 64 spellings are kept; others are read each time.
 */
class ChannelNames {
  private readonly read: Array<{ raw: string; channel: string }> = [];

  of(raw: unknown): string {
    for (const known of this.read) if (known.raw === raw) return known.channel;
    const channel = requiredTextValue(raw, "channel").toUpperCase();
    if (typeof raw === "string" && this.read.length < 64) this.read.push({ raw, channel });
    return channel;
  }
}

function pauseOf(fields: Record<string, unknown>): CrmContact["pause"] {
  // Most sources have no pause, or no such columns: nothing to read.
  if (fields.paused_from == null && fields.paused_to == null) return null;
  const from = dateValue(fields.paused_from, "paused_from", false);
  const to = dateValue(fields.paused_to, "paused_to", false);
  if ((from === null) !== (to === null))
    throw new RowProblem(
      from === null ? "paused_from" : "paused_to",
      "give both paused_from and paused_to, or neither",
    );
  if (from === null || to === null) return null;
  if (to < from) throw new RowProblem("paused_to", "is before paused_from");
  return { from, to };
}

const calendarLength = (pause: { from: string; to: string }) => dayNumber(pause.to) - dayNumber(pause.from) + 1;

const fixed = (value: number | null) => (value === null ? null : value.toFixed(2));

function figureValues(period: Period, breakdown: string | null, figures: CrmFigures, asOf: string): JobValue[] {
  const at = (
    kpiCode: string,
    value: string | null,
    numerator: number | null = null,
    denominator: number | null = null,
  ): JobValue => ({
    kpiCode,
    period,
    unitCode: null,
    breakdown,
    value,
    numerator: numerator === null ? null : String(numerator),
    denominator: denominator === null ? null : String(denominator),
  });
  return [
    at(CRM_KPI.contacts, String(figures.contacts)),
    at(CRM_KPI.responseRate, fixed(figures.responseRate), figures.answered, figures.requiringResponse),
    at(CRM_KPI.medianResponse, fixed(figures.medianResponseDays)),
    at(CRM_KPI.p90Response, fixed(figures.p90ResponseDays)),
    {
      ...at(
        CRM_KPI.withinServiceLevel,
        fixed(figures.withinServiceLevel),
        figures.answeredWithin,
        figures.requiringResponse - figures.pending,
      ),
      // No KPI counts them: the value's reason says how many the share leaves out, until a later run.
      ...(figures.pending > 0 && {
        reason: `${figures.pending} unanswered still within the service level on ${asOf}: pending, left out of the share`,
      }),
    },
    at(CRM_KPI.resolutionRate, fixed(figures.resolutionRate)),
    at(CRM_KPI.medianResolution, fixed(figures.medianResolutionDays)),
  ];
}

export function crmResponseJob(settings: CrmSettings): JobDefinition<CrmContact> {
  const channels = new ChannelNames();
  return {
    key: "crm-response",
    description:
      "CRM: contacts, channels unified, response rate, median and p90 first response, share within the service level, resolution",
    dateField: "created_at",
    periodKinds: [PeriodKind.QUARTER, PeriodKind.YEAR],

    // Fields read by their names as written here, not through a name passed in: two million contacts a year.
    parse(fields, warn) {
      const requiresResponse = yesOrNo(fields.requires_response, "requires_response");
      const respondedOn = dateValue(fields.first_response_at, "first_response_at", false);
      const by = respondedOn === null ? null : responderOf(fields.first_response_by, "first_response_by");
      const contact: CrmContact = {
        contactId: requiredTextValue(fields.contact_id, "contact_id"),
        channel: channels.of(fields.channel),
        createdOn: dateValue(fields.created_at, "created_at")!,
        requiresResponse,
        firstHumanResponseOn: by === "HUMAN" ? respondedOn : null,
        resolvedOn: dateValue(fields.resolved_at, "resolved_at", false),
        pausedDays: wholeNumberValue(fields.paused_days, "paused_days") ?? 0,
        pause: pauseOf(fields),
      };
      if (
        contact.pause &&
        textValue(fields.paused_days) !== null &&
        contact.pausedDays !== calendarLength(contact.pause)
      )
        throw new RowProblem(
          "paused_days",
          `disagrees with paused_from-paused_to (${calendarLength(contact.pause)} days)`,
        );
      if (settings.dayCount === "WORKING" && !contact.pause && contact.pausedDays > 0)
        warn(
          new RowProblem(
            "paused_days",
            "are calendar days, taken out of a count of working days: give paused_from and paused_to",
          ),
        );
      if (contact.firstHumanResponseOn && contact.firstHumanResponseOn < contact.createdOn)
        throw new RowProblem("first_response_at", "is before the contact was registered");
      if (contact.resolvedOn && contact.resolvedOn < contact.createdOn)
        throw new RowProblem("resolved_at", "is before the contact was registered");
      return contact;
    },

    dateOf: (contact) => contact.createdOn,

    accumulator(period: Period) {
      return new CrmPeriod(settings, period, todayInRome());
    },
  };
}

/** A period's contacts folded: its figures overall and per channel. */
class CrmPeriod implements Accumulator<CrmContact> {
  private readonly crm: CrmAccumulator;

  constructor(
    settings: CrmSettings,
    private readonly period: Period,
    private readonly asOf: string,
  ) {
    this.crm = new CrmAccumulator(settings, asOf);
  }

  add(contact: CrmContact): void {
    this.crm.add(contact);
  }

  absorb(other: Accumulator<CrmContact>): void {
    if (!(other instanceof CrmPeriod)) throw new Error("a CRM period adds up only CRM periods");
    this.crm.absorb(other.crm);
  }

  values(): JobValue[] {
    const { crm, period, asOf } = this;
    const overall = crm.overall();
    const channels = [...crm.byChannel()].flatMap(([channel, figures]) => figureValues(period, channel, figures, asOf));
    return [
      ...figureValues(period, null, overall, asOf),
      {
        kpiCode: CRM_KPI.channelsUnified,
        period,
        unitCode: null,
        breakdown: null,
        value: String(overall.channelsUnified),
        numerator: String(overall.channelsUnified),
        denominator: String(overall.channelsConfigured),
      },
      ...channels,
    ];
  }
}
