import { FormEvent, useState } from "react";
import { keepToken, Session, sessionFrom } from "./session";

/** Sign-in by pasting a bearer token (from the administrator, or `npm run token`). */
export function LoginPage({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionFrom(token);
    if (typeof session === "string") {
      setProblem(session);
      return;
    }
    keepToken(session.token);
    onSignIn(session);
  };
  return (
    <main className="login">
      <h1>Traguardo · Piano degli Obiettivi</h1>
      <form onSubmit={submit} noValidate>
        <label htmlFor="token">Token di accesso</label>
        <p id="token-help" className="help">
          Incolla il token ricevuto, oppure generane uno con <code>npm run -s token -- --role VIEWER</code>. Resta solo
          in questa scheda del browser.
        </p>
        <textarea
          id="token"
          name="token"
          rows={5}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby={problem ? "token-help token-problem" : "token-help"}
          aria-invalid={problem ? true : undefined}
          required
        />
        {problem && (
          <p id="token-problem" className="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit">Entra</button>
      </form>
    </main>
  );
}
