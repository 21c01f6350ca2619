import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { canonicalDecimal } from "../entities/columns";
import { Role } from "../entities/enums";
import { PlanChange } from "../entities/plan-change.entity";
import { jobKeys } from "../jobs/registry";
import { Context } from "../src/context";
import { SchedaStatement } from "../src/plan/scheda/apply-scheda";
import { changeScheda } from "../src/plan/scheda/change-scheda";
import { defaultTargetDescription } from "../src/plan/scheda/scheda";
import { ChangeBasisInput } from "./types/plan-change.input";
import { DefineKpiInput, DefinePhaseInput, RemovePhaseInput, SetTargetInput } from "./types/scheda.input";

const decimal = (value: string | undefined | null) => (value == null ? null : canonicalDecimal(value));

/**
 * The schede's detail elements (KPIs, targets, phases), each changed by act: for administrators
 * only. Each answers the plan changes it recorded, none when the act restates what is in force.
 */
@Resolver()
export class SchedaMutations {
  private change(context: Context, input: ChangeBasisInput, statement: Partial<SchedaStatement>) {
    const basis = ChangeBasisInput.basis(input);
    return changeScheda(context.dataSource, context.caller, basis, statement, jobKeys(context.config));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [PlanChange], { description: "Defines a KPI of an objective, or changes it" })
  defineKpi(@Arg("input") input: DefineKpiInput, @Ctx() context: Context): Promise<PlanChange[]> {
    const { objectiveKey, code, name, unit, direction, weight, frequency, source, scoring } = input;
    return this.change(context, input, {
      kpis: [
        { objectiveKey, code, name, unit, direction, weight: canonicalDecimal(weight), frequency, source, scoring },
      ],
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [PlanChange], { description: "Sets a KPI's target for a year, in force from the effective date" })
  setTarget(@Arg("input") input: SetTargetInput, @Ctx() context: Context): Promise<PlanChange[]> {
    const numbers = {
      value: decimal(input.value),
      strict: input.strict,
      low: decimal(input.low),
      high: decimal(input.high),
    };
    return this.change(context, input, {
      targets: [
        {
          ...numbers,
          kpiCode: input.kpiCode,
          year: input.year,
          description: input.description ?? defaultTargetDescription(numbers),
          bound: decimal(input.bound),
          tolerance: decimal(input.tolerance),
        },
      ],
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [PlanChange], { description: "Defines a phase of an objective's cronoprogramma, or changes it" })
  definePhase(@Arg("input") input: DefinePhaseInput, @Ctx() context: Context): Promise<PlanChange[]> {
    const { objectiveKey, code, name, plannedDate, weight } = input;
    return this.change(context, input, {
      phases: [{ objectiveKey, code, name, plannedDate, weight: canonicalDecimal(weight) }],
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [PlanChange], { description: "Takes a phase out of its objective's cronoprogramma" })
  removePhase(@Arg("input") input: RemovePhaseInput, @Ctx() context: Context): Promise<PlanChange[]> {
    return this.change(context, input, { removedPhases: [input.code] });
  }
}
