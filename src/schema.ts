import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { resolvers } from "../resolvers";
import { authChecker } from "./auth/auth-checker";
import { hideWhoDidWhat } from "./auth/who-did-what";
import { Config } from "./config";
import { nullArgumentsAsAbsent } from "./null-arguments";
import { withTimeBudget } from "./time-budget";

/**
 * The GraphQL schema, built from the resolvers and entities: the code is its only source.
 * Arguments are validated by their class-validator rules before any resolver runs; an explicit
 * null argument is taken as left out, who did what is hidden from readers who may not see names, and
 * a request is held to its time budget.
 */
export async function createSchema(apiAccess: Config["API_ACCESS"] = "public"): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    authChecker: authChecker(apiAccess),
  });
  return withTimeBudget(hideWhoDidWhat(nullArgumentsAsAbsent(schema)));
}

/** The schema as committed in schema.graphql: sorted, so that only real changes show in a diff. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
