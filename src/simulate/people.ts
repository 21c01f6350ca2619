import { pick, seededRandom } from "./random";

/**
 * GENERATED, NOT REAL DATA: the staff of a city administration spread over its directorates: a
 * few managers and POs per directorate, mostly staff, some part-timers, some who moved on the day
 * of the 2019 reorganisation, and an assessment each.
 */
export function generatePeople(units: readonly string[], employees: number, year: number, seed = 2019) {
  const random = seededRandom(seed * 31 + employees);
  const rows = {
    employees: ["matricola;nome;categoria"],
    assignments: ["matricola;unita;dal;al;quota"],
    assessments: ["matricola;anno;punteggio"],
  };
  for (let n = 1; n <= employees; n += 1) {
    const code = `GEN${String(n).padStart(6, "0")}`;
    const roll = random();
    const category = roll < 0.02 ? "DIRIGENTE" : roll < 0.1 ? "PO" : "DIPENDENTE";
    rows.employees.push(`${code};Dipendente generato ${n};${category}`);
    const unit = pick(random, units);
    const share = random() < 0.12 ? "0,5" : "1";
    if (random() < 0.05) {
      rows.assignments.push(`${code};${unit};01/01/${year};08/09/${year};${share}`);
      rows.assignments.push(`${code};${pick(random, units)};09/09/${year};;${share}`);
    } else {
      rows.assignments.push(`${code};${unit};01/01/${year};;${share}`);
    }
    rows.assessments.push(`${code};${year};${Math.round(55 + random() * 45)}`);
  }
  return {
    employees: rows.employees.join("\n"),
    assignments: rows.assignments.join("\n"),
    assessments: rows.assessments.join("\n"),
  };
}
