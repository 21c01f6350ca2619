import { nextMonitoringDate } from "../../src/reminders/monitoring-calendar";

describe("the monitoring date a reminder is about", () => {
  it("is the next one when it is at most the given days away: 25/09 → 30/09 is 5 days, within 10", () => {
    expect(nextMonitoringDate("2019-09-25", 10)).toBe("2019-09-30");
  });

  it("is none when the next one is further: 15/09 → 30/09 is 15 days, beyond 10", () => {
    expect(nextMonitoringDate("2019-09-15", 10)).toBeNull();
  });

  it("counts the day itself, and the year's end: 31/12 is 0 days from itself; 21/12 → 31/12 is 10 days", () => {
    expect(nextMonitoringDate("2019-12-31", 10)).toBe("2019-12-31");
    expect(nextMonitoringDate("2019-12-21", 10)).toBe("2019-12-31");
    expect(nextMonitoringDate("2019-12-20", 10)).toBeNull();
  });

  it("knows 30 June: 20/06 → 30/06 is 10 days", () => {
    expect(nextMonitoringDate("2019-06-20", 10)).toBe("2019-06-30");
  });
});
