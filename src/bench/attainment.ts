import { graphql } from "graphql";
import { DataSource } from "typeorm";
import { Role } from "../../entities/enums";
import { loadConfig } from "../config";
import { YearDataCache } from "../attainment/year-data-cache";
import { PreparedEligibility } from "../incentives/prepared-eligibility";
import { watchTransactions } from "../embedded-transactions";
import { Context, requestReaders } from "../context";
import { createSchema } from "../schema";

const WHOLE_PLAN = `query ($year: Int!) { attainment(year: $year) {
  gate { open score objectives { status score } }
  units { unit { code } direzione { status score objectives { status score } } gestionale { status score objectives { status score } } }
} }`;

/**
 * The whole plan's attainment for a year computed afresh, as a dashboard asks for it: the gate,
 * and every directorate's Obiettivi di Direzione and Gestionali, from nothing cached.
 */
export async function recomputeAttainment(
  dataSource: DataSource,
  year: number,
): Promise<{ units: number; objectiveScores: number; scored: number }> {
  const schema = await createSchema();
  const contextValue: Context = {
    config: loadConfig({ DATABASE_URL: "mysql://bench", JOB_SCHEDULER: "off" }),
    dataSource,
    preparedEligibility: new PreparedEligibility(watchTransactions(dataSource)),
    ...requestReaders(dataSource, new YearDataCache(dataSource)),
    caller: { subject: "bench", roles: [Role.ADMIN], units: [] },
    log: { subject: "bench", role: Role.ADMIN },
    deadline: Infinity,
  };
  const result = await graphql({ schema, source: WHOLE_PLAN, variableValues: { year }, contextValue });
  if (result.errors) throw new Error(`attainment failed: ${result.errors.map((e) => e.message).join("; ")}`);
  type Summary = { objectives: Array<{ status: string }> };
  const { units } = (result.data as { attainment: { units: Array<{ direzione: Summary; gestionale: Summary }> } })
    .attainment;
  const scores = units.flatMap((u) => [...u.direzione.objectives, ...u.gestionale.objectives]);
  return {
    units: units.length,
    objectiveScores: scores.length,
    scored: scores.filter((o) => o.status === "SCORED").length,
  };
}
