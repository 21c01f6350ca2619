import { createContext, useContext } from "react";
import { hasRole } from "../../session/session";
import { useSession } from "../../session/session-context";

/** False once the year is validated or closed: its decisions are frozen with the figures. */
export const DecisionsOpen = createContext(true);

/** Whether this page may offer the Nucleo's decision forms: the caller is the Nucleo and the year still open to review. */
export function useDecides(): boolean {
  const board = hasRole(useSession(), "EVALUATION_BOARD");
  return useContext(DecisionsOpen) && board;
}
