import { KpiDirection } from "../../../entities/enums";
import { KpiDefinition, PhaseDefinition, TargetDefinition } from "./scheda";

/** What is wrong with one field of one element, in words a planning officer can act on. */
export interface SchedaProblem {
  key: string;
  field: string;
  message: string;
}

const num = (value: string | null) => (value === null ? null : Number(value));

export function kpiProblems(kpi: KpiDefinition, jobKeys: readonly string[]): SchedaProblem[] {
  const problems: SchedaProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ key: kpi.code, field, message });
  if (!(Number(kpi.weight) >= 0)) problem("weight", `il peso ${kpi.weight} non è un numero maggiore o uguale a 0`);
  if (kpi.source !== "MANUAL" && !jobKeys.includes(kpi.source))
    problem("source", `la fonte "${kpi.source}" non è MANUAL né un job (${jobKeys.join(", ")})`);
  return problems;
}

/** A target's numbers against its KPI's direction: the floor below, the ceiling above, a range not empty. */
export function targetProblems(target: TargetDefinition, direction: KpiDirection): SchedaProblem[] {
  const problems: SchedaProblem[] = [];
  const problem = (field: string, message: string) =>
    problems.push({ key: `${target.kpiCode}/${target.year}`, field, message });
  const [value, bound, low, high, tolerance] = [
    target.value,
    target.bound,
    target.low,
    target.high,
    target.tolerance,
  ].map(num);
  const rangeSet = low !== null || high !== null || tolerance !== null;
  switch (direction) {
    case KpiDirection.HIGHER_IS_BETTER:
      if (value !== null && bound !== null && bound >= value)
        problem(
          "bound",
          `la soglia ${bound} deve essere sotto il target ${value}: l'indicatore cresce verso il target`,
        );
      break;
    case KpiDirection.LOWER_IS_BETTER:
      if (value !== null && bound !== null && bound <= value)
        problem("bound", `il tetto ${bound} deve essere sopra il target ${value}: l'indicatore scende verso il target`);
      break;
    case KpiDirection.RANGE:
      if (low === null || high === null) problem("low", "un indicatore a intervallo vuole il minimo e il massimo");
      else if (low > high) problem("high", `il massimo ${high} è sotto il minimo ${low}`);
      if (tolerance !== null && tolerance < 0) problem("tolerance", `la tolleranza ${tolerance} è negativa`);
      if (target.strict) problem("strict", "un intervallo non può essere stretto (>)");
      break;
    case KpiDirection.MILESTONE:
      if (value !== null || bound !== null || target.strict)
        problem("value", "un indicatore a fasi si misura dalle fasi: non ha target numerico né soglia");
      break;
  }
  if (direction !== KpiDirection.RANGE && rangeSet)
    problem("low", "minimo, massimo e tolleranza valgono solo per un indicatore a intervallo");
  return problems;
}

export function phaseProblems(phase: PhaseDefinition, firstYear: number, lastYear: number): SchedaProblem[] {
  const problems: SchedaProblem[] = [];
  const year = Number(phase.plannedDate.slice(0, 4));
  if (year < firstYear || year > lastYear)
    problems.push({
      key: phase.code,
      field: "plannedDate",
      message: `la data prevista ${phase.plannedDate} è fuori dagli anni del piano ${firstYear}-${lastYear}`,
    });
  if (!(Number(phase.weight) > 0))
    problems.push({ key: phase.code, field: "weight", message: `il peso ${phase.weight} deve essere maggiore di 0` });
  return problems;
}
