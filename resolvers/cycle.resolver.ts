import { IsOptional, Matches, Max, MaxLength, Min } from "class-validator";
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { Act } from "../entities/act.entity";
import { CycleTransition } from "../entities/cycle-transition.entity";
import { ActKind, CycleStatus, ReviewDecision, Role } from "../entities/enums";
import { EvaluationCycle } from "../entities/evaluation-cycle.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { Review } from "../entities/review.entity";
import { LocalDate } from "../entities/scalars";
import { READERS } from "../src/auth/auth-checker";
import { Context } from "../src/context";
import { recordAct } from "../src/cycles/acts";
import { moveCycle } from "../src/cycles/move-cycle";
import { recordReview } from "../src/cycles/reviews";
import { UNIT_CODE } from "./types/objective-filter.input";

@InputType({
  description:
    "A decision of the Nucleo di Valutazione for a year: on an objective (a Gestionale: with the directorate it is scored for), a unit's Obiettivi di Direzione, or the Solidale gate",
})
class ReviewInput {
  @Field(() => Int)
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: "objectiveKey must be an objective key such as DIR-EDU-2019-14" })
  objectiveKey?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "A decision on the Solidale gate as a whole (no objective, no unit; decision OVERRIDDEN): whether it is reached",
  })
  gateOpen?: boolean;

  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => Float, { nullable: true, description: "For an override: the score in force, 0 to 1" })
  score?: number;

  @Field(() => String, { nullable: true, description: "Comments (contested) or justification (overridden)" })
  @IsOptional()
  @MaxLength(4000)
  comment?: string;
}

@InputType({ description: "An act a year's evaluation rests on" })
class RecordActInput {
  @Field(() => ActKind, {
    description: "EVALUATION_BOARD_MINUTES (recorded by the Nucleo) or an administrative act (recorded by ADMIN)",
  })
  kind!: ActKind;

  @Field()
  @Matches(/^[0-9A-Za-z/-]{1,16}$/, { message: "number must be the act's number, such as 7" })
  number!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field()
  @MaxLength(1000)
  subject!: string;
}

@Resolver(() => EvaluationCycle)
export class CycleResolver {
  @Authorized(READERS)
  @Query(() => [EvaluationCycle], { description: "The evaluation cycle of each plan year" })
  cycles(@Ctx() { dataSource }: Context): Promise<EvaluationCycle[]> {
    return dataSource.manager.find(EvaluationCycle, { order: { year: "ASC" } });
  }

  @FieldResolver(() => [CycleTransition], { description: "Its moves, oldest first" })
  transitions(@Root() cycle: EvaluationCycle, @Ctx() { dataSource }: Context): Promise<CycleTransition[]> {
    return dataSource.manager.find(CycleTransition, { where: { cycleId: cycle.id }, order: { id: "ASC" } });
  }

  @Authorized(Role.ADMIN, Role.EVALUATION_BOARD)
  @Mutation(() => EvaluationCycle, {
    description:
      "Moves a year's cycle one step: ADMIN sends it to review and closes it; the Nucleo (EVALUATION_BOARD) validates it with its recorded act, which freezes its figures, and by act sends it back to review; reopening a closed year needs a recorded act",
  })
  moveCycle(
    @Arg("year", () => Int) year: number,
    @Arg("to", () => CycleStatus) to: CycleStatus,
    @Arg("actKey", () => String, { nullable: true }) actKey: string | null,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() { dataSource, attainment, caller, preparedEligibility }: Context,
  ): Promise<EvaluationCycle> {
    return moveCycle(
      dataSource,
      attainment,
      caller,
      { year, to, actKey: actKey ?? null, note: note ?? null },
      { prepared: preparedEligibility },
    );
  }

  @Authorized(Role.EVALUATION_BOARD)
  @Mutation(() => Review, {
    description: "The Nucleo validates, contests or overrides an attainment; decisions are kept, never overwritten",
  })
  recordReview(@Arg("input") input: ReviewInput, @Ctx() { dataSource, caller }: Context): Promise<Review> {
    return recordReview(dataSource, caller, {
      year: input.year,
      objectiveKey: input.objectiveKey ?? null,
      unitCode: input.unitCode ?? null,
      gateOpen: input.gateOpen ?? null,
      decision: input.decision,
      score: input.score ?? null,
      comment: input.comment ?? null,
    });
  }
}

@Resolver()
export class ActRecordResolver {
  @Authorized(Role.ADMIN, Role.EVALUATION_BOARD)
  @Mutation(() => Act, {
    description:
      "Records an act that cycle moves and incentive rules cite by key: the Nucleo its minutes, an administrator the rest; recording it again answers it unchanged",
  })
  recordAct(@Arg("input") input: RecordActInput, @Ctx() { dataSource, caller }: Context): Promise<Act> {
    return recordAct(dataSource, caller, input);
  }
}

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => Objective, { nullable: true })
  objective(@Root() review: Review, @Ctx() { loaders }: Context): Promise<Objective | null> | null {
    return review.objectiveId === null ? null : loaders.objective.load(review.objectiveId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  unit(@Root() review: Review, @Ctx() { loaders }: Context): Promise<OrgUnit | null> | null {
    return review.unitId === null ? null : loaders.unit.load(review.unitId);
  }
}
