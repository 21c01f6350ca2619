/** What passes for an e-mail address, for a director's address and ALERT_EMAILS alike. */
export const EMAIL_ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;
