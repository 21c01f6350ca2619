import { useEffect, useState } from "react";
import { Role } from "./session/session";

/** The pages, addressed by the URL's hash so the server needs to serve only "/". */
export type Route =
  | { page: "cruscotto" }
  | { page: "direzione"; unitCode: string | null }
  | { page: "nucleo" }
  | { page: "monitoraggio"; unitCode: string | null }
  | { page: "processi" };

export function parseRoute(hash: string): Route {
  const [page, argument] = hash.replace(/^#\/?/, "").split("/");
  switch (page) {
    case "direzione":
    case "monitoraggio":
      return { page, unitCode: argument ? decodeURIComponent(argument) : null };
    case "nucleo":
    case "processi":
      return { page };
    default:
      return { page: "cruscotto" };
  }
}

export const unitHref = (code: string) => `#/direzione/${encodeURIComponent(code)}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}

/** The pages a role may open: each shows only what the token's roles may see or do. */
export const PAGES: Array<{ page: Route["page"]; label: string; roles: Role[] | null }> = [
  { page: "cruscotto", label: "Cruscotto dell'Ente", roles: null },
  { page: "direzione", label: "Scheda della Direzione", roles: null },
  // ADMIN reads it (and downloads the Relazione) without deciding: reviews are the Nucleo's alone.
  { page: "nucleo", label: "Revisione del Nucleo", roles: ["EVALUATION_BOARD", "ADMIN"] },
  { page: "monitoraggio", label: "Monitoraggio", roles: ["UNIT_MANAGER", "ADMIN"] },
  { page: "processi", label: "Processi", roles: ["ADMIN"] },
];
