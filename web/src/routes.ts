import { useEffect, useState } from "react";

/** The pages, addressed by the URL's hash so the server needs to serve only "/". */
export type Route =
  | { page: "cruscotto" }
  | { page: "direzione"; unitCode: string | null }
  | { page: "nucleo" }
  | { page: "monitoraggio" }
  | { page: "processi" };

export function parseRoute(hash: string): Route {
  const [page, argument] = hash.replace(/^#\/?/, "").split("/");
  switch (page) {
    case "direzione":
      return { page, unitCode: argument ? decodeURIComponent(argument) : null };
    case "nucleo":
    case "monitoraggio":
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
