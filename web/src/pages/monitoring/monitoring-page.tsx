import { useState } from "react";
import { useQuery } from "urql";
import { QueryState } from "../../components/query-state";
import { useFilters } from "../../filters";
import { formatDate, todayInMilan } from "../../format/italian";
import { MonitoringDueDocument } from "../../generated/graphql";
import { hasRole } from "../../session/session";
import { useSession } from "../../session/session-context";
import { UnitPicker } from "../unit/unit-picker";
import { DueObjective } from "./due-objective";

/** The monitoring dates of a year (DESIGN.md: 30/06, 30/09 and the year's end). */
const monitoringDates = (year: number) => [`${year}-06-30`, `${year}-09-30`, `${year}-12-31`];

/** The next monitoring date from today, or the year's last when the year is over. */
function nextDate(year: number): string {
  const today = todayInMilan();
  return monitoringDates(year).find((date) => date >= today) ?? `${year}-12-31`;
}

/** Monitoraggio: what the unit still has to report for a monitoring date, and the forms to report it. */
export function MonitoringPage({ unitCode }: { unitCode: string | null }) {
  const session = useSession();
  const { year } = useFilters();
  const [chosenDate, setDate] = useState<string | null>(null);
  const date = chosenDate && chosenDate.startsWith(String(year)) ? chosenDate : nextDate(year);
  const code = unitCode ?? session.units[0] ?? null;
  return (
    <>
      <h1>Monitoraggio · {year}</h1>
      <form className="inline" onSubmit={(e) => e.preventDefault()}>
        {hasRole(session, "ADMIN") ? (
          <UnitPicker current={code ?? "DG"} route="monitoraggio" />
        ) : (
          <label>
            Direzione
            <select value={code ?? ""} onChange={(e) => (window.location.hash = `#/monitoraggio/${e.target.value}`)}>
              {session.units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Data di monitoraggio
          <select value={date} onChange={(e) => setDate(e.target.value)}>
            {monitoringDates(year).map((d) => (
              <option key={d} value={d}>
                {formatDate(d)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {code ? <DueList unitCode={code} date={date} /> : <p>Il tuo token non indica alcuna direzione.</p>}
    </>
  );
}

function DueList({ unitCode, date }: { unitCode: string; date: string }) {
  const { year } = useFilters();
  const [{ data: answer, fetching, error, operation }, refetch] = useQuery({
    query: MonitoringDueDocument,
    variables: { date, unitCode, year },
  });
  // urql keeps the last answer while the next date's is on its way: never show it under the new date.
  const current = operation?.variables.date === date && operation.variables.unitCode === unitCode;
  const data = current ? answer : undefined;
  const due = data?.monitoringDue ?? [];
  const [confirmation, setConfirmation] = useState<string | null>(null);
  return (
    <>
      <QueryState fetching={fetching} error={error} />
      {confirmation && (
        <p role="status" className="success">
          {confirmation}
        </p>
      )}
      {data && (
        <p role="status">
          {due.length === 0
            ? `Nulla da riportare al ${formatDate(date)}.`
            : `${due.length} obiettivi con qualcosa da riportare al ${formatDate(date)}.`}
        </p>
      )}
      {due.map((d) => (
        <DueObjective
          key={`${d.objective.key}-${d.unit.code}`}
          due={d}
          date={date}
          onReported={(message) => {
            setConfirmation(message);
            refetch({ requestPolicy: "network-only" });
          }}
        />
      ))}
    </>
  );
}
