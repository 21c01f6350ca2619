import fc from "fast-check";
import { amountCents, date, RowProblem, text, wholeNumber } from "../../src/csv/fields";

/**
 * The field readers answer the common forms (a DATE column's "2019-12-31", a DECIMAL's "1234.50", an
 * INTEGER's number, text with nothing to trim) by their characters, before the general reader. A
 * leading space always takes the general reader (it trims first), so each form must read the same
 * with and without it: the same value, or the same refusal.
 */
const outcome = (read: () => unknown) => {
  try {
    return { value: read() };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { refused: error.message };
  }
};

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) => d.join(""));
/** Shapes near a day written yyyy-mm-dd: right or off by a character, impossible days, years 0000-9999. */
const dayLike = fc.oneof(
  fc.tuple(digits(4, 4), digits(2, 2), digits(2, 2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc
    .tuple(digits(1, 5), digits(1, 3), digits(1, 3), fc.constantFrom("-", "/", ""))
    .map(([y, m, d, s]) => `${y}${s}${m}${s}${d}`),
  fc.string({ maxLength: 12 }),
);
/** Shapes near a DECIMAL(…,2): digits, a point, digits, signs and commas. */
const amountLike = fc.oneof(
  fc.tuple(digits(1, 16), digits(2, 2)).map(([units, cents]) => `${units}.${cents}`),
  fc
    .tuple(digits(0, 14), digits(0, 3), fc.constantFrom(".", ",", ""), fc.constantFrom("", "-", "+"))
    .map(([units, cents, point, sign]) => `${sign}${units}${point}${cents}`),
  fc.string({ maxLength: 10 }),
);

describe("the field readers' fast paths read as the general reader does", () => {
  it("dates", () => {
    fc.assert(
      fc.property(dayLike, (value) => {
        expect(outcome(() => date({ d: value }, "d", false))).toEqual(
          outcome(() => date({ d: ` ${value}` }, "d", false)),
        );
      }),
      { numRuns: 5_000 },
    );
  });

  it("amounts", () => {
    fc.assert(
      fc.property(amountLike, (value) => {
        expect(outcome(() => amountCents({ a: value }, "a", false))).toEqual(
          outcome(() => amountCents({ a: ` ${value}` }, "a", false)),
        );
      }),
      { numRuns: 5_000 },
    );
  });

  it("whole numbers, given as a number or as its text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 2_000_000 }), fc.double()), (value) => {
        expect(outcome(() => wholeNumber({ n: value }, "n"))).toEqual(
          outcome(() => wholeNumber({ n: ` ${value}` }, "n")),
        );
      }),
      { numRuns: 5_000 },
    );
  });

  it("text, with or without spaces, tabs and non-ASCII at its ends", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 8 }), (value) => {
        expect(text({ t: value }, "t")).toEqual(text({ t: ` ${value}` }, "t"));
      }),
      { numRuns: 5_000 },
    );
  });
});
