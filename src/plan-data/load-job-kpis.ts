import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DataSource } from "typeorm";
import { z } from "zod";
import { Kpi } from "../../entities/kpi.entity";
import { Objective } from "../../entities/objective.entity";
import { projectRoot } from "../project-root";
import { idsByKey, insertMissing } from "./insert-missing";
import { planDataSchema } from "./plan-data.schema";

export const JOB_KPIS_FILE = join(projectRoot(), "data", "job-kpis.json");

const fileSchema = z.object({ note: z.string(), kpis: planDataSchema.shape.kpis });

/** Adds the job-fed KPI definitions that are missing, linked to the plan's objectives by key. */
export async function loadJobKpis(dataSource: DataSource, file: string = JOB_KPIS_FILE): Promise<number> {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    throw new Error(
      `${file} is not valid: ${parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ")}`,
    );
  }
  return dataSource.transaction(async (manager) => {
    const objectives = await idsByKey(
      manager,
      Objective,
      "key",
      parsed.data.kpis.map((k) => k.objective),
    );
    const unknown = parsed.data.kpis.filter((k) => !objectives.has(k.objective));
    if (unknown.length)
      throw new Error(`${file}: no objective ${unknown.map((k) => k.objective).join(", ")} in the plan`);
    const rows = parsed.data.kpis.map(({ targets: _targets, seedLine: _line, objective, ...k }) => ({
      ...k,
      objectiveId: objectives.get(objective)!,
    }));
    return (await insertMissing(manager, Kpi, "code", rows)).inserted;
  });
}
