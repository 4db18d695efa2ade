#include "mqtt_messages.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "json_cmd.h"

namespace mqttnode {
namespace {

struct SensorDef {
  const char *id, *kind, *unit;
  uint8_t decimals;
};
struct ActuatorDef {
  const char *id, *kind;
};

// The same ids as the Uno firmware (catalog.cpp): the twin sees one kind of room node.
const SensorDef SENSORS[SENSOR_COUNT] = {
    {"temp_1", "TEMPERATURE", "C", 2},
    {"humidity_1", "HUMIDITY", "%RH", 2},
    {"pressure_1", "PRESSURE", "hPa", 2},
    {"distance_1", "DISTANCE", "cm", 1},
};
const ActuatorDef ACTUATORS[ACTUATOR_COUNT] = {{"fan_1", "FAN"}, {"heater_1", "HEATER"}, {"dehumidifier_1", "DEHUMIDIFIER"}, {"cooler_1", "COOLER"}};

// Appends to a bounded buffer; once something did not fit, the whole message is void.
struct Out {
  char *buf;
  size_t cap, len;
  bool full;
  void add(const char *fmt, ...) {
    if (full) return;
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(buf + len, cap - len, fmt, args);
    va_end(args);
    if (n < 0 || (size_t)n >= cap - len) {
      full = true;
    } else {
      len += (size_t)n;
    }
  }
  size_t done() const { return full ? 0 : len; }
};

// Command ids are echoed, so they are escaped like any string (json_cmd unescapes them).
void addString(Out &o, const char *s) {
  o.add("\"");
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') o.add("\\%c", c);
    else if (c < 0x20) o.add("\\u%04x", c);
    else o.add("%c", c);
  }
  o.add("\"");
}

void open(Out &o, const char *type, const char *id) {
  o.add("{\"t\":\"%s\"", type);
  if (id != nullptr && id[0] != '\0') {
    o.add(",\"id\":");
    addString(o, id);
  }
}

// Up to 4 decimals, trailing zeros removed ("-0.4", "2", "0.125"), as the Uno prints offsets.
void addTrimmed(Out &o, float v) {
  char tmp[24];
  snprintf(tmp, sizeof tmp, "%.4f", (double)v);
  char *end = tmp + strlen(tmp) - 1;
  while (*end == '0') *end-- = '\0';
  if (*end == '.') *end = '\0';
  if (strcmp(tmp, "-0") == 0) strcpy(tmp, "0");
  o.add("%s", tmp);
}

size_t error(char *out, size_t cap, const char *id, const char *code, const char *msg) {
  Out o{out, cap, 0, false};
  open(o, "err", id);
  o.add(",\"code\":\"%s\",\"msg\":", code);
  addString(o, msg);
  o.add("}");
  return o.done();
}

int8_t find(const char *id, bool sensor) {
  for (uint8_t i = 0; i < (sensor ? SENSOR_COUNT : ACTUATOR_COUNT); i++) {
    if (strcmp(id, sensor ? SENSORS[i].id : ACTUATORS[i].id) == 0) return (int8_t)i;
  }
  return -1;
}

}  // namespace

const char *sensorId(uint8_t i) { return i < SENSOR_COUNT ? SENSORS[i].id : ""; }
const char *actuatorId(uint8_t i) { return i < ACTUATOR_COUNT ? ACTUATORS[i].id : ""; }

size_t renderHello(char *out, size_t cap, const NodeView &v, const char *cmdId) {
  Out o{out, cap, 0, false};
  open(o, "hello", cmdId);
  o.add(",\"v\":1,\"dev\":");
  addString(o, v.deviceId);
  o.add(",\"fw\":\"esp-1.0.0\",\"up\":%lu,\"seq\":%lu,\"ms\":%u,\"se\":%u,\"sensors\":[", (unsigned long)v.up, (unsigned long)v.seq, (unsigned)v.intervalMs, (unsigned)v.sensorErrors);
  for (uint8_t i = 0; i < SENSOR_COUNT; i++) {
    o.add("%s{\"id\":\"%s\",\"kind\":\"%s\",\"unit\":\"%s\",\"off\":", i == 0 ? "" : ",", SENSORS[i].id, SENSORS[i].kind, SENSORS[i].unit);
    addTrimmed(o, v.offsets[i]);
    o.add("}");
  }
  o.add("],\"acts\":[");
  for (uint8_t i = 0; i < ACTUATOR_COUNT; i++) {
    o.add("%s{\"id\":\"%s\",\"kind\":\"%s\",\"state\":\"%s\"}", i == 0 ? "" : ",", ACTUATORS[i].id, ACTUATORS[i].kind, (v.actuatorBits >> i) & 1 ? "ON" : "OFF");
  }
  o.add("]}");
  return o.done();
}

size_t renderReading(char *out, size_t cap, uint8_t sensor, float value, uint32_t n, uint32_t up) {
  if (sensor >= SENSOR_COUNT || !isfinite(value)) return 0;
  Out o{out, cap, 0, false};
  o.add("{\"t\":\"r\",\"s\":\"%s\",\"v\":%.*f,\"n\":%lu,\"up\":%lu}", SENSORS[sensor].id, (int)SENSORS[sensor].decimals, (double)value, (unsigned long)n, (unsigned long)up);
  return o.done();
}

size_t answerCommand(NodeView &v, const char *payload, size_t len, char *out, size_t cap) {
  if (len > RX_LINE_MAX) return error(out, cap, nullptr, "LINE_TOO_LONG", "line longer than 127 bytes discarded");
  Command c;
  uint8_t at = 0;
  ParseStatus status = parseCommand(payload, len, c, &at);
  if (status == PARSE_EMPTY) return 0;
  if (status == PARSE_BAD_JSON) return error(out, cap, nullptr, "BAD_JSON", "not one JSON object");
  if (c.idState != FIELD_OK || c.id[0] == '\0') return error(out, cap, nullptr, "BAD_VALUE", "id must be a string of 1..16 chars");
  const char *id = c.id;
  if (c.tState == FIELD_OK && strcmp(c.t, "status") == 0) return renderHello(out, cap, v, id);
  Out o{out, cap, 0, false};
  if (c.tState == FIELD_OK && strcmp(c.t, "set") == 0) {
    int8_t a = c.aState == FIELD_OK ? find(c.a, false) : -1;
    if (a < 0) return error(out, cap, id, "UNKNOWN_ACTUATOR", "a must be fan_1, heater_1, dehumidifier_1 or cooler_1");
    bool on = c.stateState == FIELD_OK && strcmp(c.state, "ON") == 0;
    bool off = c.stateState == FIELD_OK && strcmp(c.state, "OFF") == 0;
    if (!on && !off) return error(out, cap, id, "BAD_STATE", "state must be ON or OFF");
    v.actuatorBits = on ? (uint8_t)(v.actuatorBits | (1u << a)) : (uint8_t)(v.actuatorBits & ~(1u << a));
    open(o, "ack", id);
    o.add(",\"a\":\"%s\",\"state\":\"%s\"}", ACTUATORS[a].id, on ? "ON" : "OFF");
    return o.done();
  }
  if (c.tState == FIELD_OK && strcmp(c.t, "interval") == 0) {
    bool ok = c.msState == FIELD_OK && c.ms >= INTERVAL_MIN_MS && c.ms <= INTERVAL_MAX_MS && c.ms == floorf(c.ms);
    if (!ok) return error(out, cap, id, "BAD_INTERVAL", "ms must be an integer 100..60000");
    v.intervalMs = (uint16_t)c.ms;
    open(o, "ack", id);
    o.add(",\"ms\":%u}", (unsigned)v.intervalMs);
    return o.done();
  }
  if (c.tState == FIELD_OK && strcmp(c.t, "cal") == 0) {
    int8_t s = c.sState == FIELD_OK ? find(c.s, true) : -1;
    if (s < 0) return error(out, cap, id, "UNKNOWN_SENSOR", "s must be temp_1, humidity_1, pressure_1 or distance_1");
    if (c.offState != FIELD_OK || !isfinite(c.off) || fabsf(c.off) > CAL_OFFSET_LIMIT) return error(out, cap, id, "BAD_VALUE", "off must be a number -1000..1000");
    v.offsets[s] = c.off;
    open(o, "ack", id);
    o.add(",\"s\":\"%s\",\"off\":", SENSORS[s].id);
    addTrimmed(o, c.off);
    o.add("}");
    return o.done();
  }
  return error(out, cap, id, "UNKNOWN_TYPE", "t must be set, interval, cal or status");
}

}  // namespace mqttnode
