import { PeriodKind } from "../entities/enums";
import { CrmAccumulator, CrmContact, CrmFigures, CrmSettings } from "./formulas/crm";
import { Period } from "../src/periods";
import { date, requiredText, RowProblem, text, wholeNumber } from "../src/csv/fields";
import { dayNumber, todayInRome } from "../src/dates";
import { JobDefinition, JobValue } from "./job";

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

function pauseOf(fields: Record<string, unknown>): CrmContact["pause"] {
  const from = date(fields, "paused_from", false);
  const to = date(fields, "paused_to", false);
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
  return {
    key: "crm-response",
    description:
      "CRM: contacts, channels unified, response rate, median and p90 first response, share within the service level, resolution",
    dateField: "created_at",
    periodKinds: [PeriodKind.QUARTER, PeriodKind.YEAR],

    parse(fields, warn) {
      const requires = requiredText(fields, "requires_response").toUpperCase();
      if (!YES.has(requires) && !NO.has(requires))
        throw new RowProblem("requires_response", `"${String(fields.requires_response)}" is neither S nor N`);
      const respondedOn = date(fields, "first_response_at", false);
      const by = respondedOn === null ? null : RESPONDERS[requiredText(fields, "first_response_by").toUpperCase()];
      if (respondedOn !== null && !by)
        throw new RowProblem(
          "first_response_by",
          `"${String(fields.first_response_by)}" is neither OPERATORE nor AUTOMATICO`,
        );
      const contact: CrmContact = {
        contactId: requiredText(fields, "contact_id"),
        channel: requiredText(fields, "channel").toUpperCase(),
        createdOn: date(fields, "created_at")!,
        requiresResponse: YES.has(requires),
        firstHumanResponseOn: by === "HUMAN" ? respondedOn : null,
        resolvedOn: date(fields, "resolved_at", false),
        pausedDays: wholeNumber(fields, "paused_days") ?? 0,
        pause: pauseOf(fields),
      };
      if (contact.pause && text(fields, "paused_days") !== null && contact.pausedDays !== calendarLength(contact.pause))
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
      const asOf = todayInRome();
      const crm = new CrmAccumulator(settings, asOf);
      return {
        add: (contact: CrmContact) => crm.add(contact),
        values(): JobValue[] {
          const overall = crm.overall();
          const channels = [...crm.byChannel()].flatMap(([channel, figures]) =>
            figureValues(period, channel, figures, asOf),
          );
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
        },
      };
    },
  };
}
