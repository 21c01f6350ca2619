import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { Role } from "../entities/enums";
import { PlanChange } from "../entities/plan-change.entity";
import { Context } from "../src/context";
import {
  createObjective,
  removeObjective,
  renameObjective,
  transferObjective,
  updateObjective,
} from "../src/plan/change-objective";
import { parseId } from "../src/pagination";
import {
  ChangeBasisInput,
  CreateObjectiveInput,
  RemoveObjectiveInput,
  RenameObjectiveInput,
  TransferObjectiveInput,
  UpdateObjectiveInput,
} from "./types/plan-change.input";

/** Plan changes, each resting on an act: for administrators only. */
@Resolver()
export class PlanChangeMutations {
  @Authorized(Role.ADMIN)
  @Mutation(() => PlanChange, { description: "Adds an objective to the plan" })
  createObjective(
    @Arg("input") input: CreateObjectiveInput,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<PlanChange> {
    return createObjective(dataSource, caller, {
      ...ChangeBasisInput.basis(input),
      level: input.level,
      title: input.title,
      unitCode: input.unitCode ?? null,
      years: input.years,
      number: input.number ?? null,
      heading: input.heading ?? null,
      collaboratorCodes: input.collaboratorCodes,
      parentKey: input.parentKey ?? null,
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PlanChange, { description: "Moves an objective to another directorate" })
  transferObjective(
    @Arg("input") input: TransferObjectiveInput,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<PlanChange> {
    return transferObjective(dataSource, caller, {
      ...ChangeBasisInput.basis(input),
      objectiveId: parseId("objectiveId", input.objectiveId),
      toUnitCode: input.toUnitCode,
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PlanChange, { description: "Changes an objective's title" })
  renameObjective(
    @Arg("input") input: RenameObjectiveInput,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<PlanChange> {
    return renameObjective(dataSource, caller, {
      ...ChangeBasisInput.basis(input),
      objectiveId: parseId("objectiveId", input.objectiveId),
      newTitle: input.newTitle,
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PlanChange, { description: "Updates an objective's title, years or collaborators" })
  updateObjective(
    @Arg("input") input: UpdateObjectiveInput,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<PlanChange> {
    return updateObjective(dataSource, caller, {
      ...ChangeBasisInput.basis(input),
      objectiveId: parseId("objectiveId", input.objectiveId),
      newTitle: input.newTitle ?? null,
      years: input.years ?? null,
      collaboratorCodes: input.collaboratorCodes ?? null,
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PlanChange, { description: "Removes an objective from the plan; it stays in the history" })
  removeObjective(
    @Arg("input") input: RemoveObjectiveInput,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<PlanChange> {
    return removeObjective(dataSource, caller, {
      ...ChangeBasisInput.basis(input),
      objectiveId: parseId("objectiveId", input.objectiveId),
    });
  }
}
