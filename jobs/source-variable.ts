/** The variable that names a job's source: payment-timeliness → JOB_PAYMENT_TIMELINESS_SOURCE. */
export const sourceVariable = (jobKey: string) => `JOB_${jobKey.toUpperCase().replace(/-/g, "_")}_SOURCE`;
