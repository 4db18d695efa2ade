// Protocol v1 messages of the MQTT node (firmware/PROTOCOL.md, docs/mqtt.md): rendered into a
// buffer, one message per MQTT payload, and the host's commands answered. Plain C++ (no Arduino
// or WiFi headers), so it is unit-tested on the host and cross-compiled with Debian's
// xtensa-lx106 gcc; the sketch (mqtt_node.ino) only adds WiFi, MQTT and the pins.
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace mqttnode {

const uint8_t SENSOR_COUNT = 4;
const uint8_t ACTUATOR_COUNT = 4;
// A hello is ~560 bytes; the host accepts messages up to 1024.
const size_t MESSAGE_MAX = 1024;

// What the node is and does right now: the hello reports it, commands change it.
struct NodeView {
  const char *deviceId;
  uint32_t up;         // millis()
  uint32_t seq;        // n of the last reading published, 0 before the first
  uint16_t intervalMs;
  uint16_t sensorErrors;
  uint8_t actuatorBits;  // bit i: actuator i is ON
  float offsets[SENSOR_COUNT];
};

const char *sensorId(uint8_t i);
const char *actuatorId(uint8_t i);

// Each returns the length written (no terminator counted), 0 if it does not fit in cap.
// cmdId null or empty: the boot hello (published retained on every MQTT connect).
size_t renderHello(char *out, size_t cap, const NodeView &v, const char *cmdId);
// `value` is the calibrated value; rendered with the sensor's decimals.
size_t renderReading(char *out, size_t cap, uint8_t sensor, float value, uint32_t n, uint32_t up);

// Answers one downlink payload (a command): applies it to `v` and renders its one answer (ack,
// hello for status, or err). Returns the answer's length; 0 for a blank payload (no answer).
size_t answerCommand(NodeView &v, const char *payload, size_t len, char *out, size_t cap);

}  // namespace mqttnode
