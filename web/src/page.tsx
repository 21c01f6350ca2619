import { lazy, Suspense } from "react";
import { ROLE_LABEL } from "./roles";
import { PAGES, Route } from "./routes";
import { hasRole } from "./session/session";
import { useSession } from "./session/session-context";

// Each page is its own chunk, loaded when first opened: the login and the pages without charts do
// not wait for ECharts, which only the Cruscotto draws with.
const OverviewPage = lazy(() => import("./pages/overview/overview-page").then((m) => ({ default: m.OverviewPage })));
const UnitPage = lazy(() => import("./pages/unit/unit-page").then((m) => ({ default: m.UnitPage })));
const ReviewPage = lazy(() => import("./pages/review/review-page").then((m) => ({ default: m.ReviewPage })));
const MonitoringPage = lazy(() =>
  import("./pages/monitoring/monitoring-page").then((m) => ({ default: m.MonitoringPage })),
);
const JobsPage = lazy(() => import("./pages/jobs/jobs-page").then((m) => ({ default: m.JobsPage })));

/** The page a route names, if the session's roles may open it (the API refuses the rest anyway). */
export function Page({ route }: { route: Route }) {
  const session = useSession();
  const roles = PAGES.find((p) => p.page === route.page)?.roles ?? null;
  if (roles && !hasRole(session, ...roles)) {
    return <p role="alert">Questa pagina è riservata a: {roles.map((role) => ROLE_LABEL[role]).join(", ")}.</p>;
  }
  return (
    <Suspense
      fallback={
        <p role="status" className="loading">
          Caricamento…
        </p>
      }
    >
      <RoutedPage route={route} />
    </Suspense>
  );
}

function RoutedPage({ route }: { route: Route }) {
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
