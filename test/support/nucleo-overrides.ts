import { DataSource } from "typeorm";
import { ReviewDecision, Role } from "../../entities/enums";
import { recordReview } from "../../src/cycles/reviews";

const NUCLEO = { subject: "nucleo.presidente", roles: [Role.EVALUATION_BOARD], units: [] };

/**
 * The Nucleo's overrides that give a year known figures without KPI values: every Solidale reached
 * (the gate open) and EDU scored 0.7 × 0.7 + 0.3 × 0.9 = 0.76 (Direzione 0.7, each Gestionale 0.9).
 */
export async function overrideEduTo076(dataSource: DataSource, year = 2019): Promise<void> {
  const override = (objectiveKey: string | null, unitCode: string | null, score: number) =>
    recordReview(dataSource, NUCLEO, {
      year,
      objectiveKey,
      unitCode,
      gateOpen: null,
      decision: ReviewDecision.OVERRIDDEN,
      score,
      comment: "Punteggio fissato dal Nucleo per la prova",
    });
  for (const key of ["SOL-SOLIDALE", "SOL-ATTRATTIVA", "SOL-DIGITALE", "SOL-AMBIENTE"]) await override(key, null, 1);
  for (const key of ["GES-ANTICORRUZIONE", "GES-PROGRAMMAZIONE", "GES-DIGITALIZZAZIONE", "GES-ERP"])
    await override(key, "EDU", 0.9);
  await override(null, "EDU", 0.7);
}
