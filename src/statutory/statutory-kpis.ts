/**
 * The KPIs behind the figures the law asks to publish (data/job-kpis.json), shared by the jobs that
 * write them and the services that compose them (src/statutory/).
 */
export const ITP_KPI = {
  itp: "SAL-FIN-ITP",
  invoices: "SAL-FIN-FATTURE-PAGATE",
  amountPaid: "SAL-FIN-IMPORTO-PAGATO",
} as const;

/** The parts of the L. 145/2018 figures, each for whole years only, and the overdue stock. */
export const L145_KPI = {
  /** payment-timeliness: Σ amount × days and Σ amount over the year's payments not due before it. */
  paidDelay: "SAL-FIN-L145-RITARDO-PAGATE",
  /** payment-timeliness: paid in the year on invoices received in it. */
  receivedPaid: "SAL-FIN-L145-RICEVUTE-PAGATE",
  /** overdue-debt: the overdue stock of the snapshot of 31 December (of each quarter's latest snapshot, for quarters). */
  overdue: "SAL-FIN-DEBITO-SCADUTO",
  /** overdue-debt: the creditor firms of that stock (D.Lgs. 33/2013 art. 33). */
  creditors: "SAL-FIN-IMPRESE-CREDITRICI",
  /** overdue-debt: Σ amount × days to 31 December and Σ amount over what is owed on invoices due in the year. */
  unpaidDelay: "SAL-FIN-L145-RITARDO-DA-PAGARE",
  /** overdue-debt: still owed on 31 December on invoices received in the year. */
  receivedUnpaid: "SAL-FIN-L145-RICEVUTE-DA-PAGARE",
} as const;
