import { createContext, useContext } from "react";
import { Session } from "./session";

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; the pages render only inside one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in session");
  return session;
}
