/** A share as an exact count of millionths: what the payroll file prints and the fund is split by. */
export const micro = (share: number) => Math.round(share * 1e6);

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A fund in cents split in proportion to the shares (as millionths, exactly, in BigInt), each
 * rounded down, then the cents left given one each by the largest remainder; equal remainders
 * by matricola, ascending. The amounts add up to the fund exactly unless every share is 0 (then
 * all are 0 and the fund stays undistributed). Answers in the order of the entries.
 */
export function allocateCents(fundCents: number, entries: ReadonlyArray<{ code: string; share: number }>): number[] {
  const weights = entries.map((e) => BigInt(micro(e.share)));
  const total = weights.reduce((sum, w) => sum + w, 0n);
  if (total === 0n) return entries.map(() => 0);
  const fund = BigInt(fundCents);
  const cents = weights.map((w) => (fund * w) / total);
  const remainders = weights.map((w) => (fund * w) % total);
  const left = Number(fund - cents.reduce((sum, c) => sum + c, 0n));
  const order = entries
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[a] === remainders[b]
        ? byCode(entries[a].code, entries[b].code)
        : remainders[b] > remainders[a]
          ? 1
          : -1,
    );
  for (const i of order.slice(0, left)) cents[i] += 1n;
  return cents.map(Number);
}

/** Cents as euros with the cent: 123450 → "1234.50". */
export function eurosOf(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Euros as text in cents: "1250000.50" → 125000050, "1234.5" → 123450. */
export function centsOf(amount: string): number {
  const [whole, decimals = ""] = amount.split(".");
  return Number(whole) * 100 + Number(decimals.padEnd(2, "0").slice(0, 2));
}
