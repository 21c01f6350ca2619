/** The jobs the server runs, by key, as the offices name their sources (jobs/registry.ts). */
const JOB_LABEL: Record<string, string> = {
  "payment-timeliness": "Tempestività dei pagamenti (fatture)",
  "overdue-debt": "Debito commerciale scaduto",
  "crm-response": "CRM: risposte ai cittadini",
  "piano-quartieri": "Piano Quartieri",
};

export const JOB_KEYS = Object.keys(JOB_LABEL);

/** A job's name; an unknown key shows as itself. */
export const jobLabel = (key: string) => JOB_LABEL[key] ?? key;
