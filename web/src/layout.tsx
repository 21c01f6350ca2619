import { useState } from "react";
import { FiltersContext, Filters } from "./filters";
import { Header } from "./header";
import { LabelsProvider } from "./labels";
import { Page } from "./page";
import { useRoute } from "./routes";

/** Header, navigation and the page the hash names, with the year and date every page reads. */
export function Layout({ onSignOut }: { onSignOut: () => void }) {
  const route = useRoute();
  const [filters, setFilters] = useState<Filters>({ year: 2019, asOf: null });
  return (
    <FiltersContext.Provider value={filters}>
      <LabelsProvider>
        <a className="skip" href="#contenuto">
          Vai al contenuto
        </a>
        <Header route={route} filters={filters} onFilters={setFilters} onSignOut={onSignOut} />
        <main id="contenuto" tabIndex={-1}>
          <Page route={route} />
        </main>
      </LabelsProvider>
    </FiltersContext.Provider>
  );
}
