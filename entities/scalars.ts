import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import { LocalDateResolver } from "graphql-scalars";

/** A calendar date, 'YYYY-MM-DD', as the plan's acts write them (Europe/Rome calendar, no time). */
export const LocalDate = LocalDateResolver;

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
