/** One GraphQL request's milliseconds, from sending it to reading its answer; an answer with errors fails, naming `label`. */
export async function timedRequest(endpoint: string, query: string, label: string): Promise<number> {
  const sent = process.hrtime.bigint();
  const answer = (await (
    await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    })
  ).json()) as { errors?: unknown[] };
  if (answer.errors) throw new Error(`${label} failed: ${JSON.stringify(answer.errors).slice(0, 300)}`);
  return +(Number(process.hrtime.bigint() - sent) / 1e6).toFixed(1);
}
