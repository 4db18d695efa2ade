import { CALIBRATION_RANGE } from "../protocol/messages.js";
import type { Bridge } from "../bridge/bridge.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { Logger } from "../log.js";
import type { CalibrationRecord, CalibrationStore } from "../store/calibrationStore.js";
import type { DeviceStore } from "../store/deviceStore.js";

const DAY_MS = 86_400_000;
const DELIVERY_TIMEOUT_MS = 2_000;
/** The firmware keeps 4 decimals of an offset: closer than this is "the same offset". */
const SAME_OFFSET = 1e-4;

/**
 * Calibrations: recorded in the graph, then sent to the sensor's device; a device that was
 * offline (or rebooted and lost its RAM offsets) gets the offset in force when it says hello.
 */
export class CalibrationService {
  constructor(
    private readonly store: CalibrationStore,
    private readonly devices: Pick<DeviceStore, "deviceOfSensor">,
    private readonly bridge: Pick<Bridge, "send" | "isConnected">,
    private readonly sensorExists: (sensorId: string) => Promise<boolean>,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {}

  /** Records a calibration and tries to apply it to the device at once. */
  async record(sensorId: string, offset: number, validDays: number, issuedBy: string | null): Promise<CalibrationRecord> {
    if (!Number.isFinite(offset) || offset < CALIBRATION_RANGE.min || offset > CALIBRATION_RANGE.max) {
      throw new InvalidInputError(`offset must be a number from ${CALIBRATION_RANGE.min} to ${CALIBRATION_RANGE.max}, got ${offset}`);
    }
    if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650) throw new InvalidInputError(`validDays must be a whole number of days from 1 to 3650, got ${validDays}`);
    if (!(await this.sensorExists(sensorId))) throw new NotFoundError(`no sensor with sensorId "${sensorId}"`);
    const now = this.clock();
    const record = await this.store.record(sensorId, offset, now + validDays * DAY_MS, now, issuedBy);
    return (await this.deliver(record)) ?? record;
  }

  /** After a hello: re-sends offsets the device does not apply (it rebooted, or was offline). */
  async onDeviceRegistered(deviceId: string, sensors: ReadonlyArray<{ readonly sensorId: string; readonly offset: number | null }>): Promise<void> {
    for (const sensor of sensors) {
      const latest = await this.store.latest(sensor.sensorId);
      if (latest === null || (sensor.offset !== null && Math.abs(sensor.offset - latest.offset) < SAME_OFFSET)) continue;
      this.log.info(`re-applying ${sensor.sensorId}'s calibration offset ${latest.offset} to ${deviceId}`);
      await this.deliver(latest, deviceId);
    }
  }

  private async deliver(record: CalibrationRecord, knownDevice?: string): Promise<CalibrationRecord | null> {
    const deviceId = knownDevice ?? (await this.devices.deviceOfSensor(record.sensorId));
    if (deviceId === null || !this.bridge.isConnected(deviceId)) {
      this.log.info(`calibration of ${record.sensorId} recorded; its device is not connected and gets it at its next hello`);
      return null;
    }
    try {
      await this.bridge.send(deviceId, { t: "cal", s: record.sensorId, off: record.offset }, DELIVERY_TIMEOUT_MS);
      return await this.store.markApplied(record.calibrationId, this.clock());
    } catch (error) {
      this.log.warn(`device ${deviceId} did not take the calibration of ${record.sensorId}; retried at its next hello`, { error });
      return null;
    }
  }
}
