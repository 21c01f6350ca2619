import { GraphQLFieldResolver, GraphQLSchema, isNonNullType, isObjectType } from "graphql";

/**
 * Makes an explicit null argument mean what leaving it out means ("no filter"): clients that send
 * every declared variable send nulls. Only fields with a nullable argument are wrapped, so plain
 * fields keep GraphQL's default resolver; nulls inside input objects are left to their validation.
 */
export function nullArgumentsAsAbsent(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || field.args.every((arg) => isNonNullType(arg.type))) continue;
      field.resolve = withoutNulls(field.resolve);
    }
  }
  return schema;
}

function withoutNulls<TSource, TContext>(
  resolve: GraphQLFieldResolver<TSource, TContext>,
): GraphQLFieldResolver<TSource, TContext> {
  return (source, args: Record<string, unknown>, context, info) => {
    const given = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null));
    return resolve(source, given, context, info);
  };
}
