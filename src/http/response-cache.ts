import { ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { DocumentNode, FormattedExecutionResult, Kind, OperationTypeNode, SelectionSetNode } from "graphql";
import { LRUCache } from "lru-cache";
import { Caller, formatGrant } from "../auth/caller";
import { DataVersions, versionsKey } from "../data-versions";
import { todayInRome } from "../dates";
import { TransactionWatch } from "../embedded-transactions";
import { responseCache } from "../metrics";

/** What the cache needs of a request's context. */
export interface ResponseCacheContext {
  caller: Caller;
  /** The request's one read of the change counters, shared with attainment's inputs. */
  dataVersions: () => Promise<DataVersions>;
}

/**
 * Root fields whose answers read tables no change counter counts (audit_event, written beside
 * every write; the people, whose imports write 100,000s of rows a trigger per row would slow), so
 * they are always answered afresh. Migration EveryWriteCounted lists what is counted.
 */
const UNCOUNTED_ROOT_FIELDS = new Set(["auditEvents", "eligibility", "eligibilityReport"]);

interface Entry {
  result: FormattedExecutionResult;
  bytes: number;
}

/**
 * Whole answers of read-only operations, kept in this process and served again while nothing they
 * could have read has changed. The key holds the operation (its text's hash and name), the
 * variables, the caller's scope (signed in or not, roles, unit grants: what the resolvers' checks
 * look at, so a VIEWER never gets an answer made for an ADMIN), today's date in Milan (a missing
 * asOf means today) and every change counter, which database triggers move on every write by any
 * process or replica: the first request after a write misses. Mutations, answers with errors and
 * operations reading uncounted tables are never kept, nor answers that may hold uncommitted rows
 * (embedded SQLite, src/embedded-transactions.ts). One statement per request reads the counters.
 */
export function responseCachePlugin(
  maxBytes: number,
  transactions: TransactionWatch,
  today: () => string = todayInRome,
): ApolloServerPlugin<ResponseCacheContext> {
  const entries = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => Math.max(entry.bytes, 1),
  });
  return {
    // Apollo's plugin hooks must return Promises.
    // eslint-disable-next-line @typescript-eslint/require-await
    async requestDidStart() {
      let key: string | null = null;
      let day: string | null = null;
      let mark: number | null = null;
      let served = false;
      return {
        async responseForOperation({ operation, document, queryHash, operationName, request, contextValue }) {
          mark = transactions.mark();
          const cacheable =
            operation.operation === OperationTypeNode.QUERY && !readsUncounted(operation.selectionSet, document);
          if (!cacheable || mark === null) {
            responseCache.inc({ result: "bypass" });
            return null;
          }
          day = today();
          let versions: DataVersions;
          try {
            versions = await contextValue.dataVersions();
          } catch {
            // The database is down or locked: the resolvers meet it too and answer with its code.
            responseCache.inc({ result: "bypass" });
            return null;
          }
          key = [
            queryHash,
            operationName ?? "",
            JSON.stringify(request.variables ?? {}),
            scopeOf(contextValue.caller),
            day,
            versionsKey(versions),
          ].join("\n");
          const entry = entries.get(key);
          if (!entry) {
            responseCache.inc({ result: "miss" });
            return null;
          }
          served = true;
          responseCache.inc({ result: "hit" });
          return {
            body: { kind: "single", singleResult: entry.result },
            http: { status: undefined, headers: new HeaderMap() },
          };
        },
        // eslint-disable-next-line @typescript-eslint/require-await
        async willSendResponse({ response }) {
          if (served || key === null || mark === null || response.body.kind !== "single") return;
          const result = response.body.singleResult;
          // An answer begun before midnight may have read the new day: keep it under neither.
          if (result.errors?.length || (response.http.status ?? 200) >= 400 || today() !== day) return;
          if (!transactions.unchangedSince(mark)) return;
          entries.set(key, { result, bytes: JSON.stringify(result).length });
        },
      };
    },
  };
}

/** Signed in or not, roles and unit grants, in a fixed order. */
function scopeOf(caller: Caller): string {
  const roles = [...caller.roles].sort().join(",");
  const grants = caller.units.map(formatGrant).sort().join(",");
  return `${caller.subject === null ? "anonymous" : "signed"}|${roles}|${grants}`;
}

/** Whether the operation asks, at its root or through fragments there, for a field reading uncounted tables. */
function readsUncounted(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return UNCOUNTED_ROOT_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return readsUncounted(selection.selectionSet, document, seen);
    const name = selection.name.value;
    if (seen.has(name)) return false;
    seen.add(name);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === name,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && readsUncounted(fragment.selectionSet, document, seen);
  });
}
