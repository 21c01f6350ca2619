/**
 * A stored decimal ("-1.842105") rounded for people to read: `places` decimals, half away from
 * zero ("-1.845" → "-1.85", as a Ragioneria rounds), worked on the digits, never through a binary
 * float. Stored values keep their full precision; only display and publication call this.
 */
export function roundForDisplay(decimal: string, places = 2): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) throw new RangeError(`"${decimal}" is not a decimal`);
  const [, sign, whole, fraction = ""] = match;
  const padded = fraction.padEnd(places + 1, "0");
  let kept = BigInt(whole + padded.slice(0, places));
  if (Number(padded[places]) >= 5) kept += 1n;
  const digits = kept.toString().padStart(places + 1, "0");
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return sign && kept !== 0n ? `-${text}` : text;
}
