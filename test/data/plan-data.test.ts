import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HealthGroup, ObjectiveLevel, ObjectiveStatus, OrgUnitKind, PlanChangeKind, PlanChangeSource } from "../../entities/enums";
import { readPlanData } from "../../src/plan-data/read-plan-data";
import { ownerOnDate } from "../../src/plan/ownership";
import { projectRoot } from "../../src/project-root";

/**
 * Checks the plan data file against the seed text it was extracted from. The expected counts are
 * typed here by hand from the seed's annex pages, independently of the extraction.
 */
const SEED = join(projectRoot(), "..", "shared", "seed", "delibera-2187-2019-piano-obiettivi.txt");
const seedLines = readFileSync(SEED, "utf8").split("\n");
const data = readPlanData();

const BOILERPLATE = /^(La presente copia|negli Archivi|82\/2005|Il corrispondente documento|Milano$)/;
const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** The seed's text from a line on, without blank lines and page footers, as one line. */
function seedTextFrom(line: number, lines = 60): string {
  return normalise(seedLines.slice(line - 1, line - 1 + lines).map((l) => l.trim()).filter((l) => l && !BOILERPLATE.test(l)).join(" "));
}

// Annex 2, "Obiettivi di Direzione": numbered objectives per directorate page, 2019 and 2020 columns.
const EXPECTED_PER_UNIT: Record<string, [number, number]> = {
  GAB: [14, 8], DG: [6, 3], DO: [13, 3], DSAGMP: [5, 1], SG: [8, 2], PCC: [3, 1], IA: [3, 1], AVV: [6, 2],
  BIL: [15, 3], CASA: [7, 4], CUA: [8, 3], CULT: [8, 5], DEM: [7, 4], EUL: [8, 2], EDU: [18, 4], DSIR: [5, 0],
  MOB: [9, 6], ORU: [11, 3], PS: [12, 3], QM: [9, 2], SCPS: [17, 3], SU: [12, 3], SIAD: [12, 3], TEC: [12, 2],
  TA: [5, 0], URB: [14, 3],
};

const active = data.objectives.filter((o) => o.status === ObjectiveStatus.ACTIVE);
const byLevel = (level: ObjectiveLevel) => active.filter((o) => o.level === level);

describe("the Milan plan data", () => {
  it("has the 4 Obiettivi Solidali, the 4 Gestionali and the 14 services of the portfolio", () => {
    expect(byLevel(ObjectiveLevel.SOLIDALE).map((o) => o.title)).toEqual(["Milano più solidale", "Milano più attrattiva", "Milano digitale", "Milano per l’ambiente"]);
    expect(byLevel(ObjectiveLevel.GESTIONALE)).toHaveLength(4);
    expect(byLevel(ObjectiveLevel.PORTFOLIO).map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it("has the health indicators in their three groups, with the four CRM sub-indicators", () => {
    const groups = byLevel(ObjectiveLevel.SALUTE).map((o) => o.healthGroup);
    expect(groups.filter((g) => g === HealthGroup.FINANCIAL)).toHaveLength(5);
    expect(groups.filter((g) => g === HealthGroup.ORGANISATIONAL)).toHaveLength(7);
    expect(groups.filter((g) => g === HealthGroup.RELATIONS)).toHaveLength(1);
    expect(data.kpis.filter((k) => k.objective === "SAL-REL-CRM").map((k) => k.name)).toHaveLength(4);
  });

  it("has every directorate page of the annex with the seed's count of 2019 and 2020 objectives", () => {
    const counts: Record<string, [number, number]> = {};
    for (const o of byLevel(ObjectiveLevel.DIREZIONE)) {
      const [y2019, y2020] = counts[o.owner!] ?? [0, 0];
      counts[o.owner!] = [y2019 + (o.years.includes(2019) ? 1 : 0), y2020 + (o.years.includes(2020) ? 1 : 0)];
    }
    for (const unit of Object.keys(EXPECTED_PER_UNIT)) counts[unit] ??= [0, 0];
    expect(counts).toEqual(EXPECTED_PER_UNIT);
  });

  it("gives each directorate page its director", () => {
    const pages = data.units.filter((u) => u.annexPages && u.kind !== OrgUnitKind.AREA || u.code === "PCC");
    expect(pages.map((u) => u.code).sort()).toEqual(Object.keys(EXPECTED_PER_UNIT).sort());
    for (const unit of pages) expect(unit.head?.name).toBeTruthy();
  });

  it("reproduces each directorate objective's number and title from the seed line it cites", () => {
    for (const o of byLevel(ObjectiveLevel.DIREZIONE)) {
      const text = seedTextFrom(o.seedLine!);
      expect(`${o.key}: ${text.slice(0, 12)}`).toMatch(new RegExp(`^${o.key}: ${o.number}\\.`));
      expect(`${o.key}: ${text.replace(/^\d+\.\s*/, "").slice(0, o.title.length)}`).toBe(`${o.key}: ${o.title}`);
    }
  });

  it("keeps the removed objectives with the title Annex 1 gives them", () => {
    const removed = data.objectives.filter((o) => o.status === ObjectiveStatus.REMOVED);
    expect(removed.length).toBeGreaterThan(0);
    for (const o of removed) expect(seedTextFrom(o.seedLine!).startsWith(`• OD ${o.title}`)).toBe(true);
  });

  it("records every entry of Annex 1 as a change, citing the page the entry stands under", () => {
    const bullets = seedLines.flatMap((line, i) => (i >= 600 && i <= 1250 && /^\s*• OD/.test(line) ? [i + 1] : []));
    const annexChanges = data.changes.filter((c) => c.source === PlanChangeSource.ANNEX);
    const cited = annexChanges.flatMap((c) => c.citations);
    expect(bullets).toHaveLength(100);
    expect(new Set(cited.map((c) => c.seedLine))).toEqual(new Set(bullets));
    for (const citation of cited) {
      const header = seedLines.slice(0, citation.seedLine).reverse().find((l) => /All\.?\s*1\.?\s*[–-]?\s*Pag\.?\s*\d+/i.test(l))!;
      expect(`line ${citation.seedLine}: page ${/Pag\.?\s*(\d+)/i.exec(header)![1]}`).toBe(`line ${citation.seedLine}: page ${citation.page}`);
    }
  });

  it("classifies the changes by the Annex 1 section they stand in", () => {
    const sectionOf = (line: number) => {
      if (line < 975) return "REORGANISATION";
      if (line < 1165) return "RENAMED";
      if (line < 1221) return "CHANGED_PRIORITIES";
      if (line < 1235) return "REGULATORY";
      return "FORM_ONLY";
    };
    for (const change of data.changes.filter((c) => c.source === PlanChangeSource.ANNEX)) {
      const section = sectionOf(change.citations[0].seedLine);
      if (section === "RENAMED") expect([change.kind, change.reason]).toEqual([PlanChangeKind.RENAMED, "REORGANISATION"]);
      else expect(`${change.key} ${change.reason}`).toBe(`${change.key} ${section}`);
    }
  });

  it("derives each objective's owner from its changes, and the current owner matches the plan", () => {
    for (const o of active.filter((x) => x.level === ObjectiveLevel.DIREZIONE)) {
      const history = data.changes.filter((c) => c.objective === o.key).map((c, order) => ({
        kind: c.kind, toUnitId: c.to === null ? null : data.units.findIndex((u) => u.code === c.to), effectiveDate: c.effectiveDate, order,
      }));
      const owner = ownerOnDate(history, "2020-12-31");
      expect(`${o.key} → ${owner === null ? null : data.units[owner].code}`).toBe(`${o.key} → ${o.owner}`);
    }
  });

  it("dates the units the 2019 reorganisation created or renamed", () => {
    const unit = (code: string) => data.units.find((u) => u.code === code)!;
    for (const code of ["TA", "DSAGMP", "DSIR", "QM", "BIL", "MOB", "DEM", "TEC"]) expect(unit(code).validFrom).toBe("2019-09-09");
    for (const [successor, predecessor] of [["MOB", "MAE"], ["BIL", "BE"], ["TEC", "FM"], ["DEM", "PPI"], ["QM", "MUN"]]) {
      expect(unit(successor).predecessor).toBe(predecessor);
      expect(unit(predecessor).validTo).toBe("2019-09-08");
    }
  });

  it("gives the Piano Quartieri targets of the seed: 70% in 2019, 90% in 2020", () => {
    const kpi = data.kpis.find((k) => k.objective === "SOL-SOLIDALE")!;
    expect(kpi.targets.map((t) => [t.year, t.value])).toEqual([[2019, "70"], [2020, "90"]]);
  });

  it("cites seed lines that exist for every ambiguity", () => {
    expect(data.ambiguities.length).toBeGreaterThan(10);
    for (const a of data.ambiguities) expect(seedLines[a.seedLine - 1]?.trim()).toBeTruthy();
  });
});

describe("the plan data's citations", () => {
  const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f’']/g, "").toLowerCase();
  const cites = (line: number, words: string) => {
    const text = fold(seedTextFrom(line, 8));
    return fold(words).split(" ").every((word) => text.includes(word));
  };
  const distinctive = (name: string) => name.replace(/^(Direzione|Area|Specialistica)\s+/g, "").split(/[ ,]+/).filter((w) => w.length > 3).slice(0, 2).join(" ");

  it("cites, for each unit, a seed line that names it", () => {
    for (const unit of data.units) expect(`${unit.code} ${cites(unit.seedLine!, distinctive(unit.name))}`).toBe(`${unit.code} true`);
  });

  it("cites, for each act, the seed line that gives its number or date", () => {
    for (const act of data.acts) {
      const mark = act.number ?? String(Number(act.date.slice(8, 10)));
      expect(`${act.key} ${cites(act.seedLine!, mark)}`).toBe(`${act.key} true`);
    }
  });
});
