import { useQuery } from "urql";
import { ItalianDateInput } from "./components/italian-date-input";
import { Filters } from "./filters";
import { PlanYearsDocument } from "./generated/graphql";
import { ROLE_LABEL } from "./roles";
import { PAGES, Route } from "./routes";
import { hasRole } from "./session/session";
import { useSession } from "./session/session-context";

interface Props {
  route: Route;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  onSignOut: () => void;
}

export function Header({ route, filters, onFilters, onSignOut }: Props) {
  const session = useSession();
  const [{ data }] = useQuery({ query: PlanYearsDocument });
  const plan = data?.plan;
  const years = plan ? Array.from({ length: plan.lastYear - plan.firstYear + 1 }, (_, i) => plan.firstYear + i) : [];
  return (
    <header className="top">
      <div className="brand">
        <strong>Traguardo</strong>
        <span>{plan?.title ?? "Piano degli Obiettivi"}</span>
      </div>
      <nav aria-label="Pagine">
        <ul>
          {PAGES.filter((p) => p.roles === null || hasRole(session, ...p.roles)).map((p) => (
            <li key={p.page}>
              <a href={`#/${p.page}`} aria-current={route.page === p.page ? "page" : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form className="filters" aria-label="Anno e data di riferimento" onSubmit={(e) => e.preventDefault()}>
        <label>
          Anno
          <select value={filters.year} onChange={(e) => onFilters({ ...filters, year: Number(e.target.value) })}>
            {(years.length > 0 ? years : [filters.year]).map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <ItalianDateInput
          label="Situazione al"
          value={filters.asOf}
          onChange={(asOf) => onFilters({ ...filters, asOf })}
          help={filters.asOf ? undefined : "vuoto: come noto oggi"}
        />
      </form>
      <div className="who">
        <span>
          {session.subject} · {session.roles.map((role) => ROLE_LABEL[role]).join(", ")}
        </span>
        <button type="button" onClick={onSignOut}>
          Esci
        </button>
      </div>
    </header>
  );
}
