import { EntityManager } from "typeorm";
import { AuditEvent } from "../../entities/audit-event.entity";
import { Caller } from "../auth/caller";

export interface AuditEntry {
  actor: string;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Appends an audit event in the caller's transaction, so the event and the write stand or fall together. */
export async function recordAudit(manager: EntityManager, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await recordAudits(manager, [entry], at);
}

const CHUNK = 500;

/** Appends many audit events, a few hundred to a statement. */
export async function recordAudits(
  manager: EntityManager,
  entries: AuditEntry[],
  at: Date = new Date(),
): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await manager.insert(
      AuditEvent,
      entries.slice(i, i + CHUNK).map((entry) => ({
        at,
        actor: entry.actor,
        role: entry.role,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: entry.before === null ? null : JSON.stringify(entry.before),
        after: entry.after === null ? null : JSON.stringify(entry.after),
      })),
    );
  }
}

/** Who an audit event names: the token's subject and roles. */
export function auditedCaller(caller: Caller): Pick<AuditEntry, "actor" | "role"> {
  return { actor: caller.subject ?? "anonymous", role: caller.roles.join(",") || null };
}
