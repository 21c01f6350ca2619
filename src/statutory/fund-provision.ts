/**
 * The L. 145/2018 tests on a year's figures (c. 859 and 862), pure: the debt test on the overdue
 * stock, and the share of the year's goods-and-services appropriations to set aside in the Fondo
 * di Garanzia Debiti Commerciali, 5% when the debt test fails, else by the annual delay: 1% for
 * 1-10 days, 2% for 11-30, 3% for 31-60, 5% over 60, nothing when paid on time on average.
 */

/** Σ amount × days (cent-days) and Σ amount (cents): the delay is their ratio. */
export interface DelayParts {
  numerator: number;
  denominator: number;
}

/**
 * The band of c. 862, as percent of the appropriations. The delay is compared as its exact ratio
 * (numerator > days × denominator): a mean of days is seldom whole, and a band ends at its last
 * day, so 10.4 days is past "1-10". No invoice due in the year is no delay.
 */
export function provisionPercent(delay: DelayParts, debtTestPassed: boolean): 0 | 1 | 2 | 3 | 5 {
  const over = (days: number) => delay.denominator > 0 && delay.numerator > days * delay.denominator;
  if (!debtTestPassed || over(60)) return 5;
  if (over(30)) return 3;
  if (over(10)) return 2;
  if (over(0)) return 1;
  return 0;
}

export interface DebtTest {
  /** Stock at 31 December over the previous year's: −0.12 = fell by 12%; null when the previous was 0 or unknown. */
  change: number | null;
  /** At least a 10% fall (stock ≤ 0.9 × previous); null when the previous year's stock is unknown. */
  fell: boolean | null;
  /** Stock ≤ 5% of the invoices received in the year: the test is passed whatever the change. */
  exempt: boolean;
  /** Null when it cannot be judged: no previous stock and not exempt. */
  passed: boolean | null;
}

/** The debt test of c. 859 lett. a, in integer cents: 10 × stock ≤ 9 × previous, 20 × stock ≤ received. */
export function debtTest(stockCents: number, previousCents: number | null, receivedCents: number): DebtTest {
  const fell = previousCents === null ? null : stockCents * 10 <= previousCents * 9;
  const exempt = stockCents * 20 <= receivedCents;
  return {
    change: previousCents === null || previousCents === 0 ? null : (stockCents - previousCents) / previousCents,
    fell,
    exempt,
    passed: exempt || fell === true ? true : fell === null ? null : false,
  };
}

/** percent% of the appropriations, in cents, half a cent rounded away from zero (appropriations are never negative). */
export function provisionCents(appropriationsCents: number, percent: number): number {
  return Number((BigInt(appropriationsCents) * BigInt(percent) + 50n) / 100n);
}
