import { useState } from "react";
import { useFilters } from "../../filters";
import { formatDate } from "../../format/italian";
import { useSession } from "../../session/session-context";
import { downloadRelazione, RelazioneFormat } from "./relazione-download";

const FORMATS: Array<{ format: RelazioneFormat; label: string }> = [
  { format: "html", label: "HTML (da stampare)" },
  { format: "pdf", label: "PDF" },
  { format: "xlsx", label: "XLSX (per le analisi)" },
];

type Outcome =
  { kind: "busy"; format: RelazioneFormat } | { kind: "done"; text: string } | { kind: "failed"; text: string };

/** The Relazione sulla Performance of the year and date chosen in the header, downloaded in each format. */
export function RelazioneDownloads() {
  const { token } = useSession();
  const { year, asOf } = useFilters();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const when = asOf ? `situazione al ${formatDate(asOf)}` : "situazione come nota oggi";
  const download = async (format: RelazioneFormat) => {
    setOutcome({ kind: "busy", format });
    try {
      const fileName = await downloadRelazione(token, year, format, asOf);
      setOutcome({ kind: "done", text: `Relazione ${year} scaricata: ${fileName}.` });
    } catch (error) {
      setOutcome({ kind: "failed", text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section className="card" aria-labelledby="relazione-title">
      <h2 id="relazione-title">Relazione sulla Performance</h2>
      <p>
        Anno {year}, {when}. Un anno validato o chiuso si scarica con i dati congelati alla validazione.
      </p>
      <div className="actions">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="secondary"
            disabled={outcome?.kind === "busy"}
            onClick={() => void download(format)}
          >
            Scarica {label}
          </button>
        ))}
      </div>
      {outcome?.kind === "busy" && <p role="status">Preparazione della Relazione in {outcome.format.toUpperCase()}…</p>}
      {outcome?.kind === "done" && <p role="status">{outcome.text}</p>}
      {outcome?.kind === "failed" && (
        <div role="alert" className="error">
          <p>{outcome.text}</p>
        </div>
      )}
    </section>
  );
}
