import { ApolloServerPlugin } from "@apollo/server";
import { getNamedType, getNullableType, GraphQLError, GraphQLSchema, isListType } from "graphql";
import { ComplexityEstimator, getComplexity } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination";

/** What a list of unknown length is assumed to hold when estimating a query's cost. */
export const LIST_SIZE_ESTIMATE = 10;

/**
 * The cost of a field: 1 for itself, plus its children's, times the page size of a connection or a
 * fixed estimate for a plain list: roughly the number of values the answer holds. The nodes of a
 * connection are already counted by their connection.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  if (type.name.endsWith("Connection") && field.name === "nodes") return childComplexity;
  if (getNamedType(field.type).name.endsWith("Connection")) {
    // A page larger than the cap is refused with its own message when the field runs.
    const first = typeof args.first === "number" ? Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
    return 1 + childComplexity * first;
  }
  if (isListType(getNullableType(field.type))) return 1 + childComplexity * LIST_SIZE_ESTIMATE;
  return 1 + childComplexity;
};

/**
 * Refuses an operation whose estimated cost exceeds the limit, after parsing and validation and
 * before anything is resolved, so a hostile query never reaches the database.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    // Apollo's plugin hooks must return Promises: async gives one, and makes the throw below a rejection.
    // eslint-disable-next-line @typescript-eslint/require-await
    async requestDidStart() {
      return {
        // eslint-disable-next-line @typescript-eslint/require-await
        async didResolveOperation({ request, document, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [costEstimator],
            });
          } catch {
            // Variables that do not coerce: execution refuses them with BAD_USER_INPUT before
            // resolving anything, so there is no cost to guard.
            return;
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query too costly: estimated cost ${cost} exceeds the limit of ${maxCost}; ask for fewer nested lists or smaller pages`,
              {
                extensions: { code: "QUERY_TOO_COSTLY", cost, maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
