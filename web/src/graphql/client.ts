import { cacheExchange, Client, fetchExchange } from "urql";

/**
 * The one GraphQL client: same origin, the session's bearer token on every request. The document
 * cache answers a page visited again at once; pages that write ask again with network-only.
 */
export function createClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: "/graphql",
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    // A page visited again shows what it had at once and asks again behind it: other users write too.
    requestPolicy: "cache-and-network",
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
}
