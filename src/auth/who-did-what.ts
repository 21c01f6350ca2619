import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, isObjectType } from "graphql";
import { Role } from "../../entities/enums";
import { Context } from "../context";

type Row = { id?: unknown };
type Mask = (value: unknown, record: Row) => unknown;

/** The roles that may make a write, for a reader who may know that much and no more. */
const byRole =
  (...roles: Role[]): Mask =>
  (value) =>
    value == null ? null : roles.join(" | ");

/**
 * Who did what, for the callers who may not see names (anonymous and VIEWER: dashboards). A subject
 * is personal data: they see the role that writes such a record, a host and pid nothing, and a
 * run's raw failure (driver text, file paths) only as a sentence that says where its cause is.
 */
const MASKS: Record<string, Record<string, Mask>> = {
  Measurement: { recordedBy: byRole(Role.UNIT_MANAGER, Role.ADMIN) },
  MonitoringReport: { reportedBy: byRole(Role.UNIT_MANAGER, Role.ADMIN) },
  Review: { decidedBy: byRole(Role.EVALUATION_BOARD) },
  CycleTransition: { actor: byRole(Role.ADMIN, Role.EVALUATION_BOARD) },
  IncentiveRuleSet: { createdBy: byRole(Role.ADMIN) },
  AppropriationBase: { recordedBy: byRole(Role.ADMIN) },
  Publication: { recordedBy: byRole(Role.ADMIN) },
  JobRun: {
    // The scheduler is a process, not a person; anything else was started by an administrator.
    triggeredBy: (value) => (value === "scheduler" ? value : Role.ADMIN),
    leaseHolder: () => null,
    error: (value, run) =>
      value == null ? null : `The run failed: its cause is shown to administrators (job run ${String(run.id)})`,
  },
};

/** Whether the caller may see who did what: signed in with a role beyond VIEWER. */
const seesNames = ({ caller }: Context) => caller.roles.some((role) => role !== Role.VIEWER);

export function hideWhoDidWhat(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, masks] of Object.entries(MASKS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`hideWhoDidWhat: no object type ${typeName} in the schema`);
    for (const [fieldName, mask] of Object.entries(masks)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`hideWhoDidWhat: no field ${typeName}.${fieldName} in the schema`);
      field.resolve = masked(field.resolve ?? defaultFieldResolver, mask);
    }
  }
  return schema;
}

/** A subject as this caller may see it, for text that quotes it (an attainment's explanation). */
export function shownWho(context: Context, typeName: string, field: string, value: unknown, record: Row): unknown {
  return seesNames(context) ? value : MASKS[typeName][field](value, record);
}

function masked(resolve: GraphQLFieldResolver<unknown, Context>, mask: Mask): GraphQLFieldResolver<unknown, Context> {
  return async (source, args, context, info) => {
    const value: unknown = await resolve(source, args, context, info);
    return seesNames(context) ? value : mask(value, source as Row);
  };
}
