import { ReactNode, useId } from "react";

/** A table of things the Nucleo decides on, computed score beside the one in force. */
export function ReviewTable({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Voce</th>
            <th scope="col">Punteggio calcolato</th>
            <th scope="col">Punteggio in vigore</th>
            <th scope="col">Stato</th>
            <th scope="col">Decisioni</th>
            <th scope="col">Azioni</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
