import { defaultFieldResolver, GraphQLError, GraphQLSchema, isObjectType } from "graphql";
import { Context } from "./context";

/**
 * Holds a request to its time budget (GRAPHQL_TIME_BUDGET_MS, from `context.deadline`): a field that
 * does work (a root field, or one with arguments: the ones that read or compute) and starts after
 * the deadline is refused, so one request cannot keep the server busy for minutes. Work already
 * started finishes: no query or transaction is cut halfway. Plain fields are not wrapped.
 */
export function withTimeBudget(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!roots.has(type) && field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Context, info) => {
        if (Date.now() > context.deadline) {
          throw new GraphQLError(
            "The request ran out of its time budget before this field: ask for fewer years, dates or units at once, or split the query",
            { extensions: { code: "QUERY_TOO_SLOW" } },
          );
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
