/**
 * A ratio of two integers as the decimal the measurement table keeps (DECIMAL(20,6)): six places,
 * the sixth rounded half away from zero, worked in integers so no binary fraction creeps in.
 * Scoring reads this; only display and publication round further (src/display-decimal.ts).
 */
export const STORED_PLACES = 6;

export function ratioAsStoredDecimal(numerator: number, denominator: number): string {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0)
    throw new RangeError(`${numerator} / ${denominator} is not a ratio of integers`);
  const negative = numerator < 0 !== denominator < 0 && numerator !== 0;
  const num = BigInt(Math.abs(numerator)) * 10n ** BigInt(STORED_PLACES);
  const den = BigInt(Math.abs(denominator));
  // Half away from zero on the magnitude: ⌊(2n + d) / 2d⌋.
  const scaled = (2n * num + den) / (2n * den);
  const digits = scaled.toString().padStart(STORED_PLACES + 1, "0");
  const whole = digits.slice(0, -STORED_PLACES);
  const fraction = digits.slice(-STORED_PLACES).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && scaled !== 0n ? `-${text}` : text;
}
