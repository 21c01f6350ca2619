import { IsOptional, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { PlanChangeReason } from "../../entities/enums";
import { LocalDate } from "../../entities/scalars";
import { ActInput } from "./plan-change.input";

@InputType({
  description:
    "The planning office's workbook of the schede: one .xlsx, or one CSV named after its sheet (indicatori.csv, fasi.csv, ...). Requests are capped at 100 kB: a larger workbook goes through npm run import:plan",
})
export class ImportSchedeInput {
  @Field({ description: "The file's name: its extension says how to read it" })
  @Matches(/\.(xlsx|csv)$/i, { message: "fileName must end in .xlsx or .csv" })
  @MaxLength(200)
  fileName!: string;

  @Field({ description: "The file's bytes in base64" })
  @Matches(/^[A-Za-z0-9+/\s]*={0,2}\s*$/, { message: "contentBase64 must be base64" })
  contentBase64!: string;

  @Field(() => ActInput, {
    description: "The act that approves the schede; recorded if new (then its subject is needed)",
  })
  @ValidateNested()
  act!: ActInput;

  @Field(() => PlanChangeReason)
  reason!: PlanChangeReason;

  @Field(() => LocalDate, { nullable: true, description: "When the changes take effect; the act's date if left out" })
  effectiveDate?: string;

  @Field(() => String, { nullable: true, description: "A note recorded with every change" })
  @IsOptional()
  @MaxLength(2000)
  note?: string;

  @Field({ defaultValue: false, description: "Check everything and answer what would change, writing nothing" })
  dryRun!: boolean;
}

@ObjectType({ description: "What an import created, changed and removed on one sheet, for one kind of element" })
export class ImportedElementCounts {
  @Field({ description: "The sheet, as the template names it" }) sheet!: string;
  @Field({ description: "The kind of element, in Italian (piano, unità, obiettivi, indicatori, target, fasi)" })
  element!: string;
  @Field(() => Int) created!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) removed!: number;
}

@ObjectType({ description: "What an import of the schede did, or with dryRun would do" })
export class SchedeImport {
  @Field({ description: "True: nothing was written" }) dryRun!: boolean;
  @Field({ description: "The act the changes rest on" }) actKey!: string;
  @Field({ description: "The act was recorded by this import" }) actRecorded!: boolean;
  @Field(() => [ImportedElementCounts]) elements!: ImportedElementCounts[];
  @Field(() => Int, { description: "The plan changes the act records" }) changes!: number;
  @Field(() => [String], { description: "The summary in Italian, a line each" }) summary!: string[];
}
