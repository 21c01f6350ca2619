import { Role } from "./session/session";

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Amministratore",
  EVALUATION_BOARD: "Nucleo di Valutazione",
  UNIT_MANAGER: "Referente di direzione",
  PAYROLL: "Ufficio paghe",
  VIEWER: "Consultazione",
};
