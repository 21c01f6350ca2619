import { useQuery } from "urql";
import { useFilters } from "../../filters";
import { UnitsDocument } from "../../generated/graphql";
import { unitHref } from "../../routes";

/** The directorates that existed at the year's end; choosing one opens its scheda. */
export function UnitPicker({
  current,
  route = "direzione",
}: {
  current: string;
  route?: "direzione" | "monitoraggio";
}) {
  const { year } = useFilters();
  const [{ data }] = useQuery({ query: UnitsDocument, variables: { asOf: `${year}-12-31` } });
  const units = (data?.orgUnits ?? []).filter((u) => u.kind !== "AREA");
  return (
    <label>
      Direzione
      <select
        value={current}
        onChange={(e) =>
          (window.location.hash =
            route === "direzione" ? unitHref(e.target.value) : `#/monitoraggio/${encodeURIComponent(e.target.value)}`)
        }
      >
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name} ({u.code})
          </option>
        ))}
      </select>
    </label>
  );
}
