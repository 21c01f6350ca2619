import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { Role } from "../entities/enums";
import { jobKeys } from "../jobs/registry";
import { Context } from "../src/context";
import { importPlan } from "../src/plan-import/import-plan";
import { summaryLines } from "../src/plan-import/summary";
import { ImportSchedeInput, SchedeImport } from "./types/plan-import.types";

/** The planning office's workbook, imported by act, all or nothing: for administrators only. */
@Resolver()
export class PlanImportMutations {
  @Authorized(Role.ADMIN)
  @Mutation(() => SchedeImport, {
    description:
      "Imports the schede (and new units and objectives) from the planning office's workbook, all or nothing; refused with INVALID_INPUT and extensions.problems (sheet, row, column, message) naming every problem",
  })
  async importSchede(@Arg("input") input: ImportSchedeInput, @Ctx() context: Context): Promise<SchedeImport> {
    const summary = await importPlan(
      context.dataSource,
      context.caller,
      [{ name: input.fileName, content: Buffer.from(input.contentBase64, "base64") }],
      {
        basis: {
          act: { ...input.act, subject: input.act.subject ?? null },
          reason: input.reason,
          effectiveDate: input.effectiveDate ?? null,
          annexPage: null,
          note: input.note ?? null,
        },
        dryRun: input.dryRun,
        jobKeys: jobKeys(context.config),
      },
    );
    return { ...summary, summary: summaryLines(summary) };
  }
}
