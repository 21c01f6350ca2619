import { useState } from "react";
import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { RejectedRowsDocument } from "../../generated/graphql";

/** The rows a run could not use, in source order: the line, the reason naming the field, the row as read. */
export function RejectedRows({ runId }: { runId: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: RejectedRowsDocument, variables: { id: runId, after } });
  const rows = data?.jobRun?.rejectedRows;
  return (
    <>
      <QueryState fetching={fetching} error={error} />
      {rows && (
        <table>
          <caption>
            Righe scartate dall'esecuzione n. {runId}: {rows.totalCount}
          </caption>
          <thead>
            <tr>
              <th scope="col">Riga</th>
              <th scope="col">Motivo</th>
              <th scope="col">Contenuto</th>
            </tr>
          </thead>
          <tbody>
            {rows.nodes.map((row) => (
              <tr key={row.id}>
                <td className="number">{row.line}</td>
                <td>{row.reason}</td>
                <td>
                  <code>{row.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows?.pageInfo.hasNextPage && (
        <button type="button" className="secondary" onClick={() => setAfter(rows.pageInfo.endCursor)}>
          Righe successive
        </button>
      )}
    </>
  );
}
