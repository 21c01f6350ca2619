import { OverviewPage } from "./pages/overview/overview-page";
import { JobsPage } from "./pages/jobs/jobs-page";
import { MonitoringPage } from "./pages/monitoring/monitoring-page";
import { ReviewPage } from "./pages/review/review-page";
import { UnitPage } from "./pages/unit/unit-page";
import { ROLE_LABEL } from "./roles";
import { PAGES, Route } from "./routes";
import { hasRole } from "./session/session";
import { useSession } from "./session/session-context";

/** The page a route names, if the session's roles may open it (the API refuses the rest anyway). */
export function Page({ route }: { route: Route }) {
  const session = useSession();
  const roles = PAGES.find((p) => p.page === route.page)?.roles ?? null;
  if (roles && !hasRole(session, ...roles)) {
    return <p role="alert">Questa pagina è riservata a: {roles.map((role) => ROLE_LABEL[role]).join(", ")}.</p>;
  }
  switch (route.page) {
    case "direzione":
      return <UnitPage unitCode={route.unitCode} />;
    case "nucleo":
      return <ReviewPage />;
    case "monitoraggio":
      return <MonitoringPage unitCode={route.unitCode} />;
    case "processi":
      return <JobsPage />;
    default:
      return <OverviewPage />;
  }
}
