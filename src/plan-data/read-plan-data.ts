import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../project-root";
import { PlanData, planDataSchema } from "./plan-data.schema";

export const MILAN_PLAN_FILE = join(projectRoot(), "data", "milano-piano-obiettivi-2019-2021.json");

export class PlanDataError extends Error {}

/** Reads and checks a plan data file: a bad entry is reported by its path in the file. */
export function readPlanData(file: string = MILAN_PLAN_FILE): PlanData {
  const parsed = planDataSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new PlanDataError(`${file} is not valid plan data: ${problems.join("; ")}`);
  }
  checkReferences(parsed.data, file);
  return parsed.data;
}

/** Every code a record names must exist in the file, so the import never half-links. */
function checkReferences(data: PlanData, file: string): void {
  const units = new Set(data.units.map((u) => u.code));
  const objectives = new Set(data.objectives.map((o) => o.key));
  const acts = new Set(data.acts.map((a) => a.key));
  const problems: string[] = [];
  const expect = (set: Set<string>, value: string | null, where: string) => {
    if (value !== null && !set.has(value)) problems.push(`${where} names unknown "${value}"`);
  };
  data.units.forEach((u, i) => {
    expect(units, u.parent, `units.${i}.parent`);
    expect(units, u.predecessor, `units.${i}.predecessor`);
  });
  data.objectives.forEach((o, i) => {
    expect(units, o.owner, `objectives.${i}.owner`);
    expect(objectives, o.parent, `objectives.${i}.parent`);
    o.collaborators.forEach((c, j) => expect(units, c, `objectives.${i}.collaborators.${j}`));
  });
  data.kpis.forEach((k, i) => {
    expect(objectives, k.objective, `kpis.${i}.objective`);
    k.targets.forEach((t, j) => expect(acts, t.act, `kpis.${i}.targets.${j}.act`));
  });
  data.changes.forEach((c, i) => {
    expect(acts, c.act, `changes.${i}.act`);
    expect(objectives, c.objective, `changes.${i}.objective`);
    expect(units, c.from, `changes.${i}.from`);
    expect(units, c.to, `changes.${i}.to`);
  });
  if (problems.length > 0) throw new PlanDataError(`${file}: ${problems.slice(0, 10).join("; ")}`);
}
