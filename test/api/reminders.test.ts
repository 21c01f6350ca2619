import pino from "pino";
import { DataSource } from "typeorm";
import { ReminderStatus } from "../../entities/enums";
import { Reminder } from "../../entities/reminder.entity";
import { loadConfig } from "../../src/config";
import { smtpMailer } from "../../src/reminders/mailer";
import { sendReminders } from "../../src/reminders/send-reminders";
import { bearer, RunningApi, startApi } from "../support/api";
import { openWithPlan, testDatabases } from "../support/databases";
import { SmtpInbox, startSmtpInbox } from "../support/smtp-inbox";

const OBJECTIVE = "DIR-SCPS-2019-16";
const ACT = `{ kind: DG_DETERMINATION, number: "910", date: "2019-02-01", subject: "Schede della Direzione SCPS" }`;
/** 25 September 2019, 08:00 in Milan: five days before the 30 September monitoring date. */
const SEPTEMBER_25 = new Date("2019-09-25T08:00:00+02:00");
const SETTINGS = { daysBefore: 10, attempts: 3, dashboardUrl: "https://cruscotto.test/" };

describe.each(testDatabases)("reminders before a monitoring date on $name", (db) => {
  let dataSource: DataSource;
  let api: RunningApi;
  let admin: Record<string, string>;
  let smtp: SmtpInbox;
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
    smtp = await startSmtpInbox();
    const port = smtp.port;
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
    await smtp.close();
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
    // K1 has no 2019 target: the objective would be incomplete, so the unit is asked to propose one.
    expect(scps.items).toContain(
      `${OBJECTIVE} «${line.slice(OBJECTIVE.length + 2, line.indexOf("»"))}»: proporre il target 2019 di K1 «Indicatori monitorati», che la Direzione Generale fissa con atto`,
    );
    const messages = smtp.received.filter((m) => m.to.includes("andrea.zuccotti@comune.test"));
    expect(messages).toHaveLength(1);
    expect(messages[0].text).toContain("proporre il target 2019 di K1 «Indicatori monitorati»");
    expect(messages[0].subject).toBe("Monitoraggio al 30/09/2019: cosa resta da inviare");
    expect(messages[0].text).toContain(`Direzione Servizi Civici, Partecipazione e Sport (SCPS)\n- ${scps.items[0]}`);
    expect(messages[0].text).toContain(`- ${line}`);
    expect(messages[0].text).toContain("Cruscotto: https://cruscotto.test/SCPS");

    const again = await sendReminders(dataSource, SETTINGS, mailer, logger, new Date("2019-09-25T15:00:00+02:00"));
    expect(ofUnit(again, "SCPS", unitIds)).toEqual([]);
    expect(smtp.received.filter((m) => m.to.includes("andrea.zuccotti@comune.test"))).toHaveLength(1);
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

  it("sends a director one message for all the units they head: TA and MOB to Filippo Salucci", async () => {
    const mob = `{ kind: DG_DETERMINATION, number: "911", date: "2019-02-01", subject: "Schede della Direzione MOB" }`;
    for (const mutation of [
      `defineKpi(input: { act: ${mob}, reason: CHANGED_PRIORITIES, objectiveKey: "DIR-MOB-2019-1", code: "M1", name: "Corsie realizzate", unit: COUNT, direction: HIGHER_IS_BETTER, weight: "1" }) { id }`,
      `recordDirectorEmail(personKey: "filippo-salucci", email: "filippo.salucci@comune.test")`,
    ])
      expect((await api.graphql(`mutation { ${mutation} }`, {}, admin)).errors).toBeUndefined();
    const rows = await sendReminders(dataSource, SETTINGS, mailer, logger, new Date("2019-09-25T16:00:00+02:00"));
    expect([...ofUnit(rows, "TA", unitIds), ...ofUnit(rows, "MOB", unitIds)].map((r) => r.status)).toEqual([
      ReminderStatus.SENT,
      ReminderStatus.SENT,
    ]);
    const messages = smtp.received.filter((m) => m.to.includes("filippo.salucci@comune.test"));
    expect(messages).toHaveLength(1);
    expect(messages[0].text).toMatch(/\(TA\)\n- [^]*Cruscotto: https:\/\/cruscotto.test\/TA/);
    expect(messages[0].text).toMatch(/\(MOB\)\n- DIR-MOB-2019-1 [^]*inserire il valore di M1 «Corsie realizzate»/);
    expect(messages[0].text).toContain("Cruscotto: https://cruscotto.test/MOB");
  });

  it("records a smtp.refused recipient as FAILED after each attempt, with the server's answer, and sends at the next run", async () => {
    smtp.refused.add("andrea.zuccotti@comune.test");
    const tried = smtp.rcptAttempts.length;
    const failed = ofUnit(
      await sendReminders(dataSource, SETTINGS, mailer, logger, new Date("2019-09-26T08:00:00+02:00")),
      "SCPS",
      unitIds,
    );
    expect(failed).toMatchObject([{ status: ReminderStatus.FAILED, attempts: 3, day: "2019-09-26" }]);
    expect(failed[0].reason).toMatch(/^Invio non riuscito dopo 3 tentativi: .*550 Mailbox unavailable/);
    expect(smtp.rcptAttempts.slice(tried).filter((a) => a === "andrea.zuccotti@comune.test")).toHaveLength(3);
    expect(logLines.some((l) => l.msg === "reminder not sent: tried again at the next run")).toBe(true);
    smtp.refused.delete("andrea.zuccotti@comune.test");
    const sent = ofUnit(
      await sendReminders(dataSource, SETTINGS, mailer, logger, new Date("2019-09-26T09:00:00+02:00")),
      "SCPS",
      unitIds,
    );
    expect(sent).toMatchObject([{ status: ReminderStatus.SENT, attempts: 1, day: "2019-09-26" }]);
    expect(smtp.received.filter((m) => m.to.includes("andrea.zuccotti@comune.test"))).toHaveLength(2);
  });

  it("records SMTP down as FAILED with the reason, and so retries it at the next run", async () => {
    // A port that answered a moment ago and now refuses: nothing listens there.
    const closed = await startSmtpInbox();
    const port = closed.port;
    await closed.close();
    const down = smtpMailer(loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` }));
    // 28/09 is a new day for SCPS: its director is due another message, which cannot go.
    const rows = ofUnit(
      await sendReminders(dataSource, SETTINGS, down, logger, new Date("2019-09-28T10:00:00+02:00")),
      "SCPS",
      unitIds,
    );
    expect(rows).toMatchObject([{ status: ReminderStatus.FAILED, attempts: 3 }]);
    expect(rows[0].reason).toMatch(/^Invio non riuscito dopo 3 tentativi: .*ECONNREFUSED/);
  });

  it("only lists the reminders when no SMTP is configured, once a day, with a log line saying so", async () => {
    const before = smtp.received.length;
    const listed = ofUnit(
      await sendReminders(dataSource, SETTINGS, null, logger, new Date("2019-09-27T08:00:00+02:00")),
      "SCPS",
      unitIds,
    );
    expect(listed).toMatchObject([
      { status: ReminderStatus.LISTED, recipient: "andrea.zuccotti@comune.test", attempts: 0 },
    ]);
    expect(listed[0].reason).toBe("SMTP non configurato (SMTP_URL): promemoria solo elencato");
    expect(logLines.some((l) => l.msg === "SMTP_URL is not set: reminders listed, not sent")).toBe(true);
    const again = await sendReminders(dataSource, SETTINGS, null, logger, new Date("2019-09-27T12:00:00+02:00"));
    expect(ofUnit(again, "SCPS", unitIds)).toEqual([]);
    expect(smtp.received.length).toBe(before);
  });

  it("lists the reminders in GraphQL for ADMIN only, and refuses a bad address or an unknown person, writing nothing", async () => {
    const query = `{ reminders(day: "2019-09-26") { unit { code } recipient status attempts items reason } }`;
    const { data } = await api.graphql<{
      reminders: Array<{ unit: { code: string }; status: string; attempts: number; items: string[] }>;
    }>(query, {}, admin);
    expect(data!.reminders.filter((r) => r.unit.code === "SCPS").map((r) => [r.status, r.attempts])).toEqual([
      ["FAILED", 3],
      ["SENT", 1],
    ]);
    const viewer = await api.graphql(query, {}, await bearer(["VIEWER"]));
    expect(viewer.errors![0].extensions!.code).toBe("FORBIDDEN");
    const count = () => dataSource.query<Array<{ n: number }>>("SELECT COUNT(*) AS n FROM person_email");
    const before = Number((await count())[0].n);
    const bad = await api.graphql(
      `mutation { recordDirectorEmail(personKey: "andrea-zuccotti", email: "andrea.zuccotti") }`,
      {},
      admin,
    );
    expect(bad.errors![0]).toMatchObject({ extensions: { code: "INVALID_INPUT", field: "email" } });
    const unknown = await api.graphql(
      `mutation { recordDirectorEmail(personKey: "nessuno", email: "nessuno@comune.test") }`,
      {},
      admin,
    );
    expect(unknown.errors![0].extensions!.code).toBe("NOT_FOUND");
    expect(Number((await count())[0].n)).toBe(before);
  });
});
