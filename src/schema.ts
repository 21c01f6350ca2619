import { GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { resolvers } from "../resolvers";
import { authChecker } from "./auth/auth-checker";
import { Config } from "./config";
import { nullArgumentsAsAbsent } from "./null-arguments";

/**
 * The GraphQL schema, built from the resolvers and entities: the code is its only source.
 * Arguments are validated by their class-validator rules before any resolver runs; an explicit
 * null argument is taken as left out.
 */
export async function createSchema(apiAccess: Config["API_ACCESS"] = "public"): Promise<GraphQLSchema> {
  return nullArgumentsAsAbsent(
    await buildSchema({ resolvers, validate: { forbidUnknownValues: false }, authChecker: authChecker(apiAccess) }),
  );
}

/** The schema as committed in schema.graphql: sorted, so that only real changes show in a diff. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
