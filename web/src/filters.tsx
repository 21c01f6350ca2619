import { createContext, useContext } from "react";

/** The year shown and the "as of" date (null: as known now), chosen once in the header for every page. */
export interface Filters {
  year: number;
  asOf: string | null;
}

export const FiltersContext = createContext<Filters>({ year: 2019, asOf: null });

export const useFilters = () => useContext(FiltersContext);
