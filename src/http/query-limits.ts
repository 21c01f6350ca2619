import { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode } from "@apollo/server/errors";
import { getNamedType, getNullableType, GraphQLError, GraphQLSchema, isListType } from "graphql";
import { ComplexityEstimator, ComplexityEstimatorArgs, getComplexity } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../pagination";

/** What a list of unknown length is assumed to hold when estimating a query's cost. */
export const LIST_SIZE_ESTIMATE = 10;

/**
 * Fields that compute a year's figures for their arguments (a year, a date it is known on): the
 * first call for a set of arguments reads and scores the whole year, later ones reuse it.
 */
const RECOMPUTING_FIELDS = new Set(["attainment", "trajectory", "eligibility", "eligibilityReport"]);

/** What computing a year's figures once costs, in the estimate's unit (about a value answered). */
export const RECOMPUTATION_COST = 2_000;

/**
 * The cost of a field: 1 for itself, plus its children's, times the page size of a connection or a
 * fixed estimate for a plain list: roughly the number of values the answer holds. The nodes of a
 * connection are already counted by their connection. A recomputing field adds RECOMPUTATION_COST
 * the first time the operation asks it for a set of arguments (a year, a date), so a thousand
 * aliases with a different `asOf` each cost a thousand years' computations. One estimator per
 * request: it remembers the arguments seen.
 */
export function costEstimator(): ComplexityEstimator {
  const computed = new Set<string>();
  return (options) => {
    const { field, args } = options;
    if (!RECOMPUTING_FIELDS.has(field.name)) return sizeCost(options);
    const key = `${field.name} ${JSON.stringify(args)}`;
    const first = !computed.has(key);
    computed.add(key);
    return sizeCost(options) + (first ? RECOMPUTATION_COST : 0);
  };
}

const sizeCost = ({ field, args, childComplexity, type }: ComplexityEstimatorArgs): number => {
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
 * Refuses an operation whose estimated cost exceeds the limit, after parsing and validation (which
 * bounds the document's expanded size, src/http/shape-rule.ts) and before anything is resolved, so
 * a hostile query never reaches the database. An estimate that cannot be made is a refusal too:
 * skipping it would let any query whose variables do not coerce through unmeasured.
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
              estimators: [costEstimator()],
            });
          } catch (error) {
            // Kept as the cause, so that a scalar's coded refusal (a LocalDate) reaches the client as such.
            const cause = error instanceof GraphQLError ? (error.originalError ?? error) : (error as Error);
            throw new GraphQLError(cause.message, {
              originalError: cause,
              extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
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
