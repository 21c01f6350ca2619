import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

/** The dates a client may send: beyond them the time zone rules behind "as known on" have no answer. */
export const DATE_RANGE = { from: "1900-01-01", to: "2199-12-31" } as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A refused date, coded INVALID_INPUT as the domain's refusals are (src/http/format-error.ts
 * keeps the code when GraphQL wraps it): entities sit below src/errors.ts and cannot use it.
 */
const invalidDate = (problem: string) =>
  new GraphQLError(`LocalDate: ${problem}`, { extensions: { code: "INVALID_INPUT" } });

function parseLocalDate(value: unknown): string {
  const match = typeof value === "string" ? DATE.exec(value) : null;
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  const date = match ? new Date(Date.UTC(year, month - 1, day)) : null;
  if (!date || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw invalidDate(`${JSON.stringify(value)} is not a calendar date in the format YYYY-MM-DD, such as 2019-12-31`);
  }
  const text = value as string;
  if (text < DATE_RANGE.from || text > DATE_RANGE.to) {
    throw invalidDate(`${text} is outside the dates this API answers for (${DATE_RANGE.from} to ${DATE_RANGE.to})`);
  }
  return text;
}

/** A calendar date, 'YYYY-MM-DD', as the plan's acts write them (Europe/Rome calendar, no time). */
export const LocalDate = new GraphQLScalarType({
  name: "LocalDate",
  description: `A calendar date with no time zone, in the format YYYY-MM-DD (e.g. 2019-12-31), from ${DATE_RANGE.from} to ${DATE_RANGE.to}`,
  serialize: (value) => {
    if (typeof value !== "string") throw new GraphQLError(`LocalDate cannot serialise ${String(value)}`);
    return value;
  },
  parseValue: parseLocalDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalidDate('a date is written as a string, such as "2019-12-31"');
    return parseLocalDate(ast.value);
  },
});

const DECIMAL = /^-?\d{1,14}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value !== "string" || !DECIMAL.test(value)) {
    throw new GraphQLError('Decimal must be a string such as "70" or "-12.5" (at most 14 digits and 6 decimals)');
  }
  return value;
}

/** An exact decimal, sent as a string so that no client or server float can round it. */
export const Decimal = new GraphQLScalarType({
  name: "Decimal",
  description: 'An exact decimal number, as a string (e.g. "70", "-3.25")',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Decimal must be given as a string literal");
    return parseDecimal(ast.value);
  },
});
