import { describe, expect, it } from "vitest";
import { planMaintenance, type PlanRequest, type PlannedVisit } from "../../../src/analytics/plan/maintenancePlan.js";
import type { SensorOutlook } from "../../../src/analytics/plan/maintenanceTasks.js";
import { scheduleVisits, type Job } from "../../../src/analytics/plan/schedule.js";
import { parseWorkingHours, workingWindows } from "../../../src/analytics/plan/workingHours.js";
import type { Maintenance } from "../../../src/analytics/predict/maintenance.js";
import { SeededRandom } from "../../../src/analytics/random.js";
import { InvalidInputError } from "../../../src/errors.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2026, 11, 7, 0, 0); // a Monday, midnight UTC
const request = (over: Partial<PlanRequest> = {}): PlanRequest => ({ fromMs: FROM, days: 10, technicians: 2, hoursPerVisit: 2, workingHours: "08:00-17:00", ...over });

const maintenanceIn = (hours: number): Maintenance => ({
  currentStability: 70,
  degradationRatePerHour: 0.5,
  degradationStdError: 0.05,
  hoursUntilMaintenance: hours,
  status: hours > 24 ? "SCHEDULE_SOON" : "URGENT",
  recommendedAction: hours < 72 ? "RECALIBRATE" : "MONITOR",
  calibrationValidUntil: null,
  calibrationHoursLeft: null,
  reasons: [`stability falling 0.5 ± 0.05 %/h over 24 h, at 70 % now`],
  hourly: [],
});

/** A sensor due for recalibration `dueHours` after FROM with the given 24 h failure risk. */
const outlook = (sensorId: string, locationId: string | null, dueHours: number, risk: number): SensorOutlook => ({
  sensorId,
  locationId,
  asOfMs: FROM,
  maintenance: maintenanceIn(dueHours),
  calibrationValidUntilMs: null,
  failure: { probability: risk, healthStatus: "HEALTHY", drivers: ["unstable within 24 h"] },
});

const lateItems = (visits: readonly PlannedVisit[]) => visits.flatMap((v) => v.items.filter((i) => v.endMs > i.dueByMs).map((i) => i.sensorId));

describe("working hours", () => {
  it("parses HH:MM-HH:MM and refuses none, or what is not on the clock", () => {
    expect(parseWorkingHours("08:00-17:00")).toEqual({ startMinute: 480, endMinute: 1020, text: "08:00-17:00" });
    expect(() => parseWorkingHours("08:00-08:00")).toThrow(/leaves no working time: the end must be after the start/);
    expect(() => parseWorkingHours("")).toThrow(InvalidInputError);
    expect(() => parseWorkingHours("8-5")).toThrow(/must be "HH:MM-HH:MM", e.g. "08:00-17:00"; got "8-5"/);
    expect(() => parseWorkingHours("08:00-25:00")).toThrow(/not on the clock/);
  });

  it("places local hours in UTC by the site's time zone, daylight saving included", () => {
    const hours = parseWorkingHours("08:00-17:00");
    const winter = workingWindows(hours, "Europe/Helsinki", FROM, FROM + DAY);
    expect(winter).toEqual([{ startMs: FROM + 6 * HOUR, endMs: FROM + 15 * HOUR }]); // UTC+2
    const summerDay = Date.UTC(2026, 6, 1);
    expect(workingWindows(hours, "Europe/Helsinki", summerDay, summerDay + DAY)).toEqual([{ startMs: summerDay + 5 * HOUR, endMs: summerDay + 14 * HOUR }]);
    expect(workingWindows(hours, null, FROM, FROM + 2 * DAY)).toEqual([
      { startMs: FROM + 8 * HOUR, endMs: FROM + 17 * HOUR },
      { startMs: FROM + DAY + 8 * HOUR, endMs: FROM + DAY + 17 * HOUR },
    ]);
    // New York's working day starts at 13:00 UTC, so a window seen from Europe's midnight is the previous local day's remainder too.
    const ny = workingWindows(hours, "America/New_York", FROM + 15 * HOUR, FROM + DAY);
    expect(ny).toEqual([{ startMs: FROM + 15 * HOUR, endMs: FROM + 22 * HOUR }]);
  });
});

describe("maintenance plan on a constructed site of 50 sensors", () => {
  it("misses no due date when the capacity allows, though risk would tempt it to", () => {
    // 25 rooms of 2 sensors; 2 technicians × 4 two-hour visits a day (08–16) = 8 visits a day.
    // Each day 4 low-risk rooms are due at 12:00 and 4 high-risk rooms at 16:00: just enough, if
    // the low-risk ones go first. Plain ATC takes the risky ones first and leaves others late.
    const rng = new SeededRandom(3);
    const dueHoursOf = (room: number): number => Math.floor(room / 8) * 24 + (room % 8 < 4 ? 12 : 16);
    const riskOf = (room: number): number => (room % 8 < 4 ? 0.01 + 0.02 * rng.next() : 0.45);
    const risks = Array.from({ length: 25 }, (_, room) => riskOf(room));
    const outlooks = Array.from({ length: 50 }, (_, i) => outlook(`temp_${i}`, `room_${i >> 1}`, dueHoursOf(i >> 1), risks[i >> 1] as number));
    const { visits, unplannedTasks } = planMaintenance(outlooks, new Map(), request());
    expect(unplannedTasks).toBe(0);
    expect(visits).toHaveLength(25);
    expect(visits.flatMap((v) => v.items)).toHaveLength(50);
    expect(lateItems(visits)).toEqual([]);
    for (const v of visits) {
      // One visit per room with both of its sensors, inside 08:00–17:00 UTC.
      expect(v.items.map((i) => Number(i.sensorId.slice(5)) >> 1)).toEqual([Number(v.locationId!.slice(5)), Number(v.locationId!.slice(5))]);
      const startHour = (v.startMs % DAY) / HOUR;
      expect(startHour).toBeGreaterThanOrEqual(8);
      expect(startHour + 2).toBeLessThanOrEqual(17);
    }
    // No technician is in two places at once.
    for (const tech of [1, 2]) {
      const mine = visits.filter((v) => v.technician === tech);
      mine.forEach((v, i) => i > 0 && expect(v.startMs).toBeGreaterThanOrEqual(mine[i - 1]!.endMs));
    }
    // Plain ATC, without the EDD guard, does miss due dates here: the guard is what keeps them.
    const jobs: Job[] = Array.from({ length: 25 }, (_, room) => ({
      key: `room_${room}`,
      windows: workingWindows(parseWorkingHours("08:00-17:00"), null, FROM, FROM + 10 * DAY),
      dueMs: FROM + dueHoursOf(room) * HOUR,
      weight: 2 * (risks[room] as number),
    }));
    const plain = scheduleVisits(jobs, { technicians: 2, durationMs: 2 * HOUR, fromMs: FROM, guard: false });
    expect(plain.placements.filter((p) => p.endMs > p.job.dueMs).length).toBeGreaterThan(0);
    const guarded = scheduleVisits(jobs, { technicians: 2, durationMs: 2 * HOUR, fromMs: FROM });
    expect(guarded.feasible).toBe(true);
    expect(guarded.placements.every((p) => p.endMs <= p.job.dueMs)).toBe(true);
  });

  it("puts the highest-risk sensors first when the capacity does not allow", () => {
    // 50 rooms of one sensor, all overdue; one technician, 3 days: 12 visits.
    const rng = new SeededRandom(11);
    const risks = Array.from({ length: 50 }, () => rng.next());
    const outlooks = risks.map((r, i) => outlook(`temp_${i}`, `room_${i}`, 0, r * 0.49));
    const { visits, unplannedTasks } = planMaintenance(outlooks, new Map(), request({ technicians: 1, days: 3 }));
    expect(visits).toHaveLength(12);
    expect(unplannedTasks).toBe(38);
    const planned = visits.map((v) => v.items[0]!.costOfDelayPerDay as number);
    const highest = [...risks]
      .map((r) => r * 0.49)
      .sort((a, b) => b - a)
      .slice(0, 12);
    expect(planned).toEqual(highest);
    expect(visits[0]!.items[0]!.reason).toMatch(/^stability below 60 % already \(.*\); a day's delay: a 0\.4\d+ chance it fails that day; it is already 0\.4167 d past its due date$/);
  });

  it("orders by risk and due date together when all can be met", () => {
    // Two rooms due the same afternoon and one a week later with a high risk: the risky one waits.
    const outlooks = [outlook("temp_a", "a", 30, 0.05), outlook("temp_b", "b", 30, 0.02), outlook("temp_c", "c", 7 * 24, 0.4)];
    const { visits } = planMaintenance(outlooks, new Map(), request({ technicians: 1 }));
    expect(visits.map((v) => v.locationId)).toEqual(["a", "b", "c"]);
    // A technician never idles while a visit can be made: the risky room follows at once.
    expect(visits[2]!.startMs).toBeLessThan(FROM + 2 * DAY);
  });

  it("refuses zero technicians, no working hours, a visit longer than the day and an unknown time zone", () => {
    const one = [outlook("temp_a", "a", 30, 0.05)];
    expect(() => planMaintenance(one, new Map(), request({ technicians: 0 }))).toThrow("technicians must be a whole number from 1 to 100, got 0: a plan without technicians visits no one");
    expect(() => planMaintenance(one, new Map(), request({ workingHours: "09:00-09:00" }))).toThrow(/leaves no working time/);
    expect(() => planMaintenance(one, new Map(), request({ hoursPerVisit: 10 }))).toThrow("hoursPerVisit must be above 0 and fit in a working day of 9 h (08:00-17:00), got 10");
    expect(() => planMaintenance(one, new Map([["a", "Mars/Olympus"]]), request())).toThrow(/Location a has timeZone "Mars\/Olympus", which|is not an IANA time zone/);
    expect(() => planMaintenance(one, new Map(), request({ days: 0 }))).toThrow(/days must be a whole number from 1 to 90/);
  });
});
