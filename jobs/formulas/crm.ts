import { dayNumber, fromDayNumber } from "../../src/dates";
import { daysBetween, DayCount } from "./calendar";

/**
 * CRM response (salute del sistema di relazioni), DESIGN.md §3: over the contacts registered in a
 * period, per channel and overall. A response counts only when a person gave it (an automatic
 * acknowledgement does not); the clock stops while waiting for the citizen.
 */
export interface CrmContact {
  contactId: string;
  channel: string;
  createdOn: string;
  requiresResponse: boolean;
  /** The first response by a person; null while unanswered (or answered only automatically). */
  firstHumanResponseOn: string | null;
  resolvedOn: string | null;
  /** Days the clock was paused waiting for the citizen, as calendar days (when the source gives no `pause`). */
  pausedDays: number;
  /** When the source gives it, the pause itself (both days included): its days are counted as the service level counts. */
  pause: { from: string; to: string } | null;
}

export interface CrmSettings {
  /** The service level in days (default 30, the general term of L. 241/1990). */
  serviceLevelDays: number;
  dayCount: DayCount;
  /** The channels the CRM is meant to unify; channels unified = those of them with contacts. */
  configuredChannels: readonly string[];
}

export interface CrmFigures {
  contacts: number;
  requiringResponse: number;
  answered: number;
  /** answered / requiring, as a percentage; null when none required one. */
  responseRate: number | null;
  medianResponseDays: number | null;
  p90ResponseDays: number | null;
  /** Unanswered at the cut-off but still within the service level: neither a success nor a failure yet. */
  pending: number;
  answeredWithin: number;
  /** answeredWithin over the contacts requiring a response less the pending ones, as a percentage. */
  withinServiceLevel: number | null;
  resolutionRate: number | null;
  medianResolutionDays: number | null;
}

/**
 * Durations in whole days, kept as a count per day: the nearest-rank percentiles stay exact while
 * memory grows with the longest duration, not with the number of contacts.
 */
export class DayHistogram {
  private counts = new Float64Array(64);
  length = 0;

  push(days: number): void {
    if (!Number.isInteger(days) || days < 0)
      throw new RangeError(`a duration must be a whole number of days at least 0, not ${days}`);
    if (days >= this.counts.length) {
      const grown = new Float64Array(Math.max(days + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[days] += 1;
    this.length += 1;
  }

  /** Adds another histogram's counts, as if its durations had been pushed here. */
  absorb(other: DayHistogram): void {
    if (other.counts.length > this.counts.length) {
      const grown = new Float64Array(other.counts.length);
      grown.set(this.counts);
      this.counts = grown;
    }
    for (let days = 0; days < other.counts.length; days += 1) this.counts[days] += other.counts[days];
    this.length += other.length;
  }

  /** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
  percentile(p: number): number | null {
    if (this.length === 0) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.length));
    let seen = 0;
    for (let days = 0; days < this.counts.length; days += 1) {
      seen += this.counts[days];
      if (seen >= rank) return days;
    }
    return null;
  }
}

class ChannelTally {
  contacts = 0;
  requiring = 0;
  answered = 0;
  within = 0;
  pending = 0;
  resolved = 0;
  readonly responseDays = new DayHistogram();
  readonly resolutionDays = new DayHistogram();

  /** A contact that required a response: its response (-1: none by a person) and resolution (-1: none) in days. */
  countRequiring(responseDays: number, within: boolean, pending: boolean, resolutionDays: number): void {
    this.contacts += 1;
    this.requiring += 1;
    if (responseDays >= 0) {
      this.answered += 1;
      this.responseDays.push(responseDays);
      if (within) this.within += 1;
    } else if (pending) {
      this.pending += 1;
    }
    if (resolutionDays >= 0) {
      this.resolved += 1;
      this.resolutionDays.push(resolutionDays);
    }
  }

  absorb(other: ChannelTally): void {
    this.contacts += other.contacts;
    this.requiring += other.requiring;
    this.answered += other.answered;
    this.within += other.within;
    this.pending += other.pending;
    this.resolved += other.resolved;
    this.responseDays.absorb(other.responseDays);
    this.resolutionDays.absorb(other.resolutionDays);
  }

  figures(): CrmFigures {
    const share = (n: number) => (this.requiring === 0 ? null : (100 * n) / this.requiring);
    return {
      contacts: this.contacts,
      requiringResponse: this.requiring,
      answered: this.answered,
      responseRate: share(this.answered),
      medianResponseDays: this.responseDays.percentile(50),
      p90ResponseDays: this.responseDays.percentile(90),
      pending: this.pending,
      answeredWithin: this.within,
      withinServiceLevel:
        this.requiring === this.pending ? null : (100 * this.within) / (this.requiring - this.pending),
      resolutionRate: share(this.resolved),
      medianResolutionDays: this.resolutionDays.percentile(50),
    };
  }
}

/**
 * Folds contacts one at a time; keeps per channel only counts and day histograms, so memory stays
 * flat. Two accumulators of the same cut-off add up (absorb): a year is the sum of its quarters.
 */
export class CrmAccumulator {
  private readonly channels = new Map<string, ChannelTally>();
  private readonly all = new ChannelTally();

  private readonly asOfDay: number;

  /** `asOf`: the run's cut-off, the day the source is known to (today). */
  constructor(
    private readonly settings: CrmSettings,
    private readonly asOf: string,
  ) {
    this.asOfDay = dayNumber(asOf);
  }

  add(contact: CrmContact): void {
    let channel = this.channels.get(contact.channel);
    if (!channel) this.channels.set(contact.channel, (channel = new ChannelTally()));
    if (!contact.requiresResponse) {
      this.all.contacts += 1;
      channel.contacts += 1;
      return;
    }
    // Worked out once for the contact, counted in the whole and in its channel.
    const created = dayNumber(contact.createdOn);
    const answeredOn = contact.firstHumanResponseOn;
    const responseDays = answeredOn ? this.elapsed(contact, created, answeredOn, dayNumber(answeredOn)) : -1;
    // Unanswered but still within the service level: judged by a later run, once answered or past its deadline.
    const pending =
      !answeredOn && this.elapsed(contact, created, this.asOf, this.asOfDay) <= this.settings.serviceLevelDays;
    const resolvedOn = contact.resolvedOn;
    const resolutionDays = resolvedOn ? this.elapsed(contact, created, resolvedOn, dayNumber(resolvedOn)) : -1;
    const within = responseDays >= 0 && responseDays <= this.settings.serviceLevelDays;
    this.all.countRequiring(responseDays, within, pending, resolutionDays);
    channel.countRequiring(responseDays, within, pending, resolutionDays);
  }

  /**
   * Days from registration to `end` with the clock's pause taken out. A pause given as a period
   * loses only its days that the count counts (working days skip its weekends and holidays) and
   * that fall after registration and by `end`; a bare `pausedDays` is calendar days.
   */
  private elapsed(contact: CrmContact, created: number, end: string, endDay: number): number {
    const count = this.settings.dayCount;
    // The common case, by arithmetic on day numbers alone (`created`, `endDay`): millions of contacts a run.
    if (count === "CALENDAR" && !contact.pause) return Math.max(0, endDay - created - contact.pausedDays);
    let paused = contact.pausedDays;
    if (contact.pause) {
      // daysBetween counts the days after its first date: start the day before the pause, or at registration.
      const before = fromDayNumber(Math.max(dayNumber(contact.pause.from) - 1, created));
      const last = contact.pause.to < end ? contact.pause.to : end;
      paused = Math.max(0, daysBetween(before, last, count));
    }
    return Math.max(0, daysBetween(contact.createdOn, end, count) - paused);
  }

  /** Adds the contacts another accumulator of the same run folded (its settings and cut-off), as if folded here. */
  absorb(other: CrmAccumulator): void {
    this.all.absorb(other.all);
    for (const [name, tally] of other.channels) {
      let channel = this.channels.get(name);
      if (!channel) this.channels.set(name, (channel = new ChannelTally()));
      channel.absorb(tally);
    }
  }

  /** Overall figures, with the channels unified: configured channels that had contacts. */
  overall(): CrmFigures & { channelsUnified: number; channelsConfigured: number } {
    const unified = this.settings.configuredChannels.filter((c) => (this.channels.get(c)?.contacts ?? 0) > 0).length;
    return {
      ...this.all.figures(),
      channelsUnified: unified,
      channelsConfigured: this.settings.configuredChannels.length,
    };
  }

  byChannel(): Map<string, CrmFigures> {
    return new Map([...this.channels].map(([channel, tally]) => [channel, tally.figures()]));
  }
}
