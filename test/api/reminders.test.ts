import { AddressInfo } from "node:net";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { DataSource } from "typeorm";
import { ReminderStatus } from "../../entities/enums";
import { Reminder } from "../../entities/reminder.entity";
import { loadConfig } from "../../src/config";
import { smtpMailer } from "../../src/reminders/mailer";
import { sendReminders } from "../../src/reminders/send-reminders";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";

const OBJECTIVE = "DIR-SCPS-2019-16";
const ACT = `{ kind: DG_DETERMINATION, number: "910", date: "2019-02-01", subject: "Schede della Direzione SCPS" }`;
/** 25 September 2019, 08:00 in Milan: five days before the 30 September monitoring date. */
const SEPTEMBER_25 = new Date("2019-09-25T08:00:00+02:00");
const SETTINGS = { daysBefore: 10, attempts: 3, dashboardUrl: "https://cruscotto.test/" };

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A message's body as written: quoted-printable undone, UTF-8 read. */
function bodyOf(raw: string): string {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4).replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body.slice(i + 1, i + 3);
    if (body[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n");
}

describe.each(testDatabases)("reminders before a monitoring date on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let smtp: SMTPServer;
  const received: Received[] = [];
  const refused = new Set<string>();
  const rcptAttempts: string[] = [];
  const logLines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: "info" },
    { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  let mailer: ReturnType<typeof smtpMailer>;
  const ofUnit = (rows: Reminder[], code: string, unitIds: Map<string, number>) =>
    rows.filter((r) => r.unitId === unitIds.get(code));
  let unitIds: Map<string, number>;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        rcptAttempts.push(address.address);
        if (refused.has(address.address))
          return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: /^Subject: (.*)$/m.exec(raw)![1].trim(),
            text: bodyOf(raw),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    mailer = smtpMailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, REMINDER_FROM: "traguardo@comune.test" }));

    dataSource = await openWithPlan(db);
    api = await startApi(dataSource);
    admin = await bearer(["ADMIN"], [], "ufficio.pianificazione");
    // SCPS's objective: a value (K1) and two phases due by 30/09 (F1 on 31/03, F2 on 15/06), none reported.
    const mutations = [
      `defineKpi(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "K1", name: "Indicatori monitorati", unit: PERCENT, direction: HIGHER_IS_BETTER, weight: "1" }) { id }`,
      `definePhase(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "F1", name: "Analisi", plannedDate: "2019-03-31", weight: "1" }) { id }`,
      `definePhase(input: { act: ${ACT}, reason: CHANGED_PRIORITIES, objectiveKey: "${OBJECTIVE}", code: "F2", name: "Prototipo", plannedDate: "2019-06-15", weight: "1" }) { id }`,
      `recordDirectorEmail(personKey: "andrea-zuccotti", email: "andrea.zuccotti@comune.test")`,
    ];
    for (const mutation of mutations)
      expect((await api.graphql(`mutation { ${mutation} }`, {}, admin)).errors).toBeUndefined();
    const units = await dataSource.query<Array<{ id: number; code: string }>>("SELECT id, code FROM org_unit");
    unitIds = new Map(units.map((u) => [u.code, Number(u.id)]));
  });
  afterAll(async () => {
    await api.close();
    await db.close(dataSource);
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it("sends SCPS's director one message listing what the unit owes for 30/09 with its dashboard link, once a day", async () => {
    const rows = await sendReminders(dataSource, SETTINGS, mailer, logger, SEPTEMBER_25);
    const [scps] = ofUnit(rows, "SCPS", unitIds);
    expect(scps).toMatchObject({
      day: "2019-09-25",
      monitoringDate: "2019-09-30",
      recipient: "andrea.zuccotti@comune.test",
      status: ReminderStatus.SENT,
      attempts: 1,
      reason: null,
    });
    const line = scps.items.find((item) => item.startsWith(OBJECTIVE))!;
    expect(line).toMatch(
      /: riportare l'avanzamento delle fasi F1 «Analisi» \(prevista il 31\/03\/2019\), F2 «Prototipo» \(prevista il 15\/06\/2019\); inserire il valore di K1 «Indicatori monitorati»$/,
    );
    const messages = received.filter((m) => m.to.includes("andrea.zuccotti@comune.test"));
    expect(messages).toHaveLength(1);
    expect(messages[0].subject).toBe("Monitoraggio al 30/09/2019: cosa resta da inviare");
    expect(messages[0].text).toContain(`Direzione Servizi Civici, Partecipazione e Sport (SCPS)\n- ${scps.items[0]}`);
    expect(messages[0].text).toContain(`- ${line}`);
    expect(messages[0].text).toContain("Cruscotto: https://cruscotto.test/SCPS");

    const again = await sendReminders(dataSource, SETTINGS, mailer, logger, new Date("2019-09-25T15:00:00+02:00"));
    expect(ofUnit(again, "SCPS", unitIds)).toEqual([]);
    expect(received.filter((m) => m.to.includes("andrea.zuccotti@comune.test"))).toHaveLength(1);
  });

  it("records a unit whose director has no address, and lists it with that reason", async () => {
    const rows = await dataSource.manager.findBy(Reminder, { day: "2019-09-25", status: ReminderStatus.NO_RECIPIENT });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.recipient === null && r.attempts === 0)).toBe(true);
    expect(rows[0].reason).toMatch(
      /^Nessun (indirizzo e-mail registrato per chi dirige l'unità|direttore in carica il 25\/09\/2019)$/,
    );
    expect(ofUnit(rows, "SCPS", unitIds)).toEqual([]);
  });
});
