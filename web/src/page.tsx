import { OverviewPage } from "./pages/overview/overview-page";
import { Route } from "./routes";

/** The page a route names. */
export function Page({ route }: { route: Route }) {
  switch (route.page) {
    default:
      return <OverviewPage />;
  }
}
