import { createHash } from "node:crypto";
import { ObjectiveDue } from "../monitoring/monitoring-due";
import { italianDate } from "../report/italian-format";

/** One line per objective, in Italian, of what a unit still owes on it for a monitoring date. */
export function owedItems(due: readonly ObjectiveDue[]): string[] {
  return [...due]
    .sort((a, b) => a.objective.position - b.objective.position || a.objective.key.localeCompare(b.objective.key))
    .map((d) => {
      const owed = [
        ...(d.missingPhases.length
          ? [
              `riportare l'avanzamento delle fasi ${d.missingPhases
                .map((p) => `${p.code} «${p.name}» (prevista il ${italianDate(p.plannedDate)})`)
                .join(", ")}`,
            ]
          : []),
        ...(d.missingValues.length
          ? [`inserire il valore di ${d.missingValues.map((k) => `${k.code} «${k.name}»`).join(", ")}`]
          : []),
        ...(d.missingReason ? ["indicare il motivo dello scostamento e l'azione correttiva"] : []),
      ];
      return `${d.objective.key} «${d.objective.title}»: ${owed.join("; ")}`;
    });
}

/** A digest of the items: the same list is one reminder a day, a changed list a new one. */
export const fingerprintOf = (items: readonly string[]) =>
  createHash("sha256").update(JSON.stringify(items)).digest("hex");
