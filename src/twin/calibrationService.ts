import type { Command } from "../domain/command.js";
import type { CommandService, Issuer } from "../commands/commandService.js";
import { CALIBRATION_RANGE } from "../protocol/messages.js";
import { InvalidInputError, NotFoundError } from "../errors.js";
import type { Logger } from "../log.js";
import type { CalibrationRecord, CalibrationStore } from "../store/calibrationStore.js";
import type { DeviceStore } from "../store/deviceStore.js";

const DAY_MS = 86_400_000;
/** How long a CALIBRATE command may take, retries included. */
const DELIVERY_TIMEOUT_MS = 5_000;
/** The firmware keeps 4 decimals of an offset: closer than this is "the same offset". */
const SAME_OFFSET = 1e-4;

/** Who asks for a calibration and, optionally, the key that makes a repeat of the request return the first answer. */
export interface CalibrationRequest {
  readonly issuedBy: string | null;
  readonly idempotencyKey?: string | null;
  readonly reason?: string | null;
  /** Set for a rule's calibration; null or missing for a person's. */
  readonly ruleId?: string | null;
}

/**
 * Calibrations: sent to the sensor's device as a CALIBRATE command (the command lifecycle's
 * idempotency, rate limit, ack and retries), then recorded in the graph with the command that
 * carried it. A device that is away, or does not answer in time, gets the offset in force when
 * it next says hello (again as a command).
 */
export class CalibrationService {
  constructor(
    private readonly store: CalibrationStore,
    private readonly devices: Pick<DeviceStore, "deviceOfSensor">,
    private readonly commands: Pick<CommandService, "calibrate">,
    private readonly isConnected: (deviceId: string) => boolean,
    private readonly sensorExists: (sensorId: string) => Promise<boolean>,
    private readonly clock: () => number,
    private readonly log: Logger,
  ) {}

  /** Sends a calibration to the sensor's device and records it; a device that refuses it records nothing. */
  async record(sensorId: string, offset: number, validDays: number, request: CalibrationRequest | string | null): Promise<CalibrationRecord> {
    const asked: CalibrationRequest = typeof request === "string" || request === null ? { issuedBy: request } : request;
    if (!Number.isFinite(offset) || offset < CALIBRATION_RANGE.min || offset > CALIBRATION_RANGE.max) {
      throw new InvalidInputError(`offset must be a number from ${CALIBRATION_RANGE.min} to ${CALIBRATION_RANGE.max}, got ${offset}`);
    }
    if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650) throw new InvalidInputError(`validDays must be a whole number of days from 1 to 3650, got ${validDays}`);
    if (!(await this.sensorExists(sensorId))) throw new NotFoundError(`no sensor with sensorId "${sensorId}"`);
    const deviceId = await this.devices.deviceOfSensor(sensorId);
    const command = deviceId !== null && this.isConnected(deviceId) ? await this.send(deviceId, sensorId, offset, asked) : null;
    if (command?.status === "FAILED") {
      throw new InvalidInputError(`device ${deviceId} refused the calibration of ${sensorId} (command ${command.commandId}: ${command.error ?? "no reason given"}); nothing was recorded`);
    }
    if (command === null) this.log.info(`calibration of ${sensorId} recorded; its device is not connected and gets it at its next hello`);
    else if (command.status !== "ACKED")
      this.log.warn(`device ${deviceId} did not take the calibration of ${sensorId} (${command.status}); it is re-sent at its next hello`, { commandId: command.commandId });
    const now = this.clock();
    const delivery = command === null ? null : { commandId: command.commandId, appliedAtMs: command.status === "ACKED" ? (command.ackedAt ?? now) : null };
    return this.store.record(sensorId, offset, now + validDays * DAY_MS, command?.createdAt ?? now, asked.issuedBy, delivery);
  }

  /** After a hello: re-sends offsets the device does not apply (it rebooted, or was offline). */
  async onDeviceRegistered(deviceId: string, sensors: ReadonlyArray<{ readonly sensorId: string; readonly offset: number | null }>): Promise<void> {
    for (const sensor of sensors) {
      const latest = await this.store.latest(sensor.sensorId);
      if (latest === null || (sensor.offset !== null && Math.abs(sensor.offset - latest.offset) < SAME_OFFSET)) continue;
      this.log.info(`re-applying ${sensor.sensorId}'s calibration offset ${latest.offset} to ${deviceId}`);
      try {
        const command = await this.send(deviceId, sensor.sensorId, latest.offset, { issuedBy: `calibration:${latest.calibrationId}`, reason: "re-applied at the device's hello" });
        if (command.status === "ACKED") await this.store.markApplied(latest.calibrationId, command.ackedAt ?? this.clock());
        else this.log.warn(`device ${deviceId} did not take the calibration of ${sensor.sensorId} (${command.status}); retried at its next hello`, { commandId: command.commandId });
      } catch (error) {
        this.log.warn(`re-applying ${sensor.sensorId}'s calibration to ${deviceId} failed; retried at its next hello`, { error });
      }
    }
  }

  private send(deviceId: string, sensorId: string, offset: number, asked: CalibrationRequest): Promise<Command> {
    const issuer: Issuer = { issuedBy: asked.issuedBy ?? "anonymous", ruleId: asked.ruleId ?? null, manual: asked.ruleId == null };
    const reason = asked.reason ?? `calibration offset ${offset} for ${sensorId}`;
    return this.commands.calibrate({ sensorId, deviceId, offset, idempotencyKey: asked.idempotencyKey ?? null, timeoutMs: DELIVERY_TIMEOUT_MS, reason }, issuer);
  }
}
