import { CombinedError } from "urql";
import { apiMessages } from "../graphql/errors";

interface Props {
  fetching: boolean;
  error?: CombinedError;
}

/** What a page says while its data come, or when the API refused them (its message, in a live region). */
export function QueryState({ fetching, error }: Props) {
  if (error) {
    return (
      <div role="alert" className="error">
        {apiMessages(error).map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    );
  }
  return fetching ? (
    <p role="status" className="loading">
      Caricamento…
    </p>
  ) : null;
}
