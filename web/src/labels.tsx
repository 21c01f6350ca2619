import { createContext, ReactNode, useContext, useMemo } from "react";
import { useQuery } from "urql";
import { LabelsDocument } from "./generated/graphql";

type Labeller = (enumName: string, value: string | null | undefined) => string;

const LabelsContext = createContext<Labeller>((_, value) => value ?? "—");

/** The API's Italian labels for every enum value (labels query), for any page to show a value by. */
export function LabelsProvider({ children }: { children: ReactNode }) {
  const [{ data }] = useQuery({ query: LabelsDocument });
  const label = useMemo<Labeller>(() => {
    const byEnum = new Map((data?.labels ?? []).map((e) => [e.name, new Map(e.values.map((v) => [v.value, v.label]))]));
    return (enumName, value) => (value == null ? "—" : (byEnum.get(enumName)?.get(value) ?? value));
  }, [data]);
  return <LabelsContext.Provider value={label}>{children}</LabelsContext.Provider>;
}

export const useLabel = () => useContext(LabelsContext);
