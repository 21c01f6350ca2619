import { useMemo, useState } from "react";
import { Provider } from "urql";
import { createClient } from "./graphql/client";
import { Layout } from "./layout";
import { forgetToken, Session, storedSession } from "./session/session";
import { LoginPage } from "./session/login-page";
import { SessionContext } from "./session/session-context";

/** Signed in: the pages over a client bearing the token; signed out (or refused): the login. */
export function App() {
  const [session, setSession] = useState<Session | null>(storedSession);
  const signOut = () => {
    forgetToken();
    setSession(null);
  };
  const client = useMemo(() => (session ? createClient(session.token, signOut) : null), [session]);
  if (!session || !client) return <LoginPage onSignIn={setSession} />;
  return (
    <SessionContext.Provider value={session}>
      <Provider value={client}>
        <Layout onSignOut={signOut} />
      </Provider>
    </SessionContext.Provider>
  );
}
