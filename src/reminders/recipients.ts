import { EntityManager, In } from "typeorm";
import { OrgUnitHead } from "../../entities/org-unit-head.entity";
import { PersonEmail } from "../../entities/person-email.entity";
import { isWithin } from "../dates";

/** Each unit's director on a date and their latest e-mail address (null: none recorded), by unit id. */
export async function directorsOf(
  manager: EntityManager,
  unitIds: readonly number[],
  date: string,
): Promise<Map<number, { personId: number; email: string | null }>> {
  if (unitIds.length === 0) return new Map();
  const heads = (await manager.findBy(OrgUnitHead, { unitId: In([...unitIds]) })).filter((h) =>
    isWithin(date, h.validFrom, h.validTo),
  );
  const emails = heads.length
    ? await manager.find(PersonEmail, {
        where: { personId: In(heads.map((h) => h.personId)) },
        order: { recordedAt: "ASC", id: "ASC" },
      })
    : [];
  const latest = new Map(emails.map((e) => [e.personId, e.email]));
  return new Map(heads.map((h) => [h.unitId, { personId: h.personId, email: latest.get(h.personId) ?? null }]));
}
