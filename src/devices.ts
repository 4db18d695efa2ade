import type { Bridge } from "./bridge/bridge.js";
import { SerialLink } from "./bridge/serialLink.js";
import { SimulatedNode, TOOLCHAIN_HINT, avrToolchainAvailable, buildFirmware } from "./bridge/simulatedNode.js";
import { VirtualDevice } from "./bridge/virtual/virtualDevice.js";
import { VirtualMqttNode } from "./bridge/virtual/virtualMqttNode.js";
import { ConfigError, type Config } from "./config.js";
import type { Logger } from "./log.js";

export interface StartedDevices {
  readonly mode: "sim" | "virtual" | "virtual-mqtt" | "none";
  stop(): Promise<void>;
}

/**
 * Attaches the configured serial ports, and — unless SERIAL_PORTS is set or DEVICE=none — a
 * node to play with: the real firmware in the simulator when the AVR toolchain is installed,
 * else the TypeScript virtual node. DEVICE=virtual-mqtt runs the virtual node as an MQTT node
 * on MQTT_URL's broker instead, which the twin's MQTT bridge then picks up like any other.
 */
export function startDevices(
  config: Pick<Config, "serialPorts" | "serialBaud" | "device" | "simArgs"> & Partial<Pick<Config, "mqtt">>,
  bridge: Bridge,
  projectRoot: string,
  log: Logger,
  /** The simulator was stopped from outside (a signal this twin did not send). */
  onStopped?: (why: string) => void,
): StartedDevices {
  for (const port of config.serialPorts) {
    bridge.attach(port, async () => new SerialLink(port, config.serialBaud));
    log.info(`serial port ${port} at ${config.serialBaud} baud`);
  }
  const toolchain = config.device === "virtual" || config.device === "virtual-mqtt" || config.device === "none" ? false : avrToolchainAvailable();
  const mode = config.device ?? (config.serialPorts.length > 0 ? "none" : toolchain ? "sim" : "virtual");

  if (mode === "sim") {
    if (!toolchain) throw new ConfigError(`DEVICE=sim needs the AVR toolchain; ${TOOLCHAIN_HINT}, or set DEVICE=virtual`);
    log.info("building the firmware and the simulator (make -C firmware)…");
    buildFirmware(projectRoot);
    const sim = new SimulatedNode({ projectRoot, log: log.child("sim"), args: config.simArgs, ...(onStopped === undefined ? {} : { onStopped }) });
    bridge.attach("simulated node", async () => new SerialLink(await sim.ptyPath(), 115_200));
    return { mode, stop: () => sim.stop() };
  }
  if (mode === "virtual") {
    if (config.device === undefined) log.info(`no AVR toolchain: using the TypeScript virtual node instead of the real firmware; ${TOOLCHAIN_HINT}`);
    const device = new VirtualDevice({ deviceId: "virtual-1" });
    bridge.attach(device.name, async () => device);
    return { mode, stop: async () => undefined };
  }
  if (mode === "virtual-mqtt") {
    if (config.mqtt === undefined) throw new ConfigError("DEVICE=virtual-mqtt needs MQTT_URL (the broker the node publishes to)");
    const node = new VirtualMqttNode({ deviceId: "virtual-1", mqtt: config.mqtt, log: log.child("virtual-mqtt") });
    // In the background: with the broker down the twin starts anyway, and the node connects when it is up.
    void node.start();
    log.info(`virtual MQTT node virtual-1 publishing to ${config.mqtt.prefix}/virtual-1/up`);
    return { mode, stop: () => node.stop() };
  }
  return { mode, stop: async () => undefined };
}
