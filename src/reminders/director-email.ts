import { DataSource } from "typeorm";
import { PersonEmail } from "../../entities/person-email.entity";
import { Person } from "../../entities/person.entity";
import { recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { EMAIL_ADDRESS } from "../email-address";
import { invalidInput, notFound } from "../errors";

/** Records where a director's reminders go: a new address adds a row, the earlier ones stay (audited). */
export async function recordDirectorEmail(
  dataSource: DataSource,
  caller: Caller,
  personKey: string,
  email: string,
  now: Date = new Date(),
): Promise<string> {
  const address = email.trim();
  if (address.length > 254 || !EMAIL_ADDRESS.test(address))
    throw invalidInput("email", `"${email}" is not an e-mail address such as nome.cognome@comune.milano.it`);
  return dataSource.transaction(async (manager) => {
    const person = await manager.findOneBy(Person, { key: personKey });
    if (!person) throw notFound(`The person "${personKey}"`);
    const inserted = await manager.insert(PersonEmail, {
      personId: person.id,
      email: address,
      recordedBy: caller.subject ?? "anonymous",
      recordedAt: now,
    });
    await recordAudit(
      manager,
      {
        actor: caller.subject ?? "anonymous",
        role: caller.roles.join(",") || null,
        action: "recordDirectorEmail",
        entityType: "PersonEmail",
        entityId: String(inserted.identifiers[0].id),
        before: null,
        after: { personKey, email: address },
      },
      now,
    );
    return address;
  });
}
