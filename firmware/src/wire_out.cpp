#include "wire_out.h"

namespace {

void printP(Print &p, PGM_P s) { p.print(reinterpret_cast<const __FlashStringHelper *>(s)); }

// A sensor's or actuator's wire id: its base name, "_", the node's id number.
void printId(Print &p, PGM_P base) {
  printP(p, base);
  p.write('_');
  p.print(idNumber());
}

void openLine(Print &p, PGM_P type, const char *id) {
  p.print(F("{\"t\":\""));
  printP(p, type);
  p.write('"');
  if (id && id[0]) {
    p.print(F(",\"id\":"));
    printJsonString(p, id);
  }
}

const char T_HELLO[] PROGMEM = "hello";
const char T_READING[] PROGMEM = "r";
const char T_ACK[] PROGMEM = "ack";
const char T_ERR[] PROGMEM = "err";

const uint16_t POW10[] = {1, 10, 100, 1000, 10000};

// Rounds v * 10^decimals to an integer; magnitudes are clamped so the
// result always fits (no sensor or offset comes near the limit).
long scaled(float v, uint8_t decimals) {
  float s = v * POW10[decimals];
  if (s > 2.0e9f) s = 2.0e9f;
  if (s < -2.0e9f) s = -2.0e9f;
  return (long)(s + (s >= 0 ? 0.5f : -0.5f));
}

}  // namespace

void printJsonBody(Print &p, const char *s) {
  for (; *s; s++) {
    uint8_t c = (uint8_t)*s;
    if (c == '"' || c == '\\') {
      p.write('\\');
      p.write(c);
    } else if (c < 0x20) {
      p.print(F("\\u00"));
      p.write("0123456789abcdef"[c >> 4]);
      p.write("0123456789abcdef"[c & 15]);
    } else {
      p.write(c);
    }
  }
}

void printJsonString(Print &p, const char *s) {
  p.write('"');
  printJsonBody(p, s);
  p.write('"');
}

void printFixed(Print &p, float v, uint8_t decimals) {
  long r = scaled(v, decimals);
  if (r < 0) {
    p.write('-');
    r = -r;
  }
  unsigned long ur = (unsigned long)r;
  p.print(ur / POW10[decimals]);
  if (decimals == 0) return;
  p.write('.');
  unsigned long frac = ur % POW10[decimals];
  for (uint16_t div = POW10[decimals] / 10; div > 0; div /= 10) {
    p.write('0' + (uint8_t)(frac / div));
    frac %= div;
  }
}

void printTrimmed(Print &p, float v) {
  long r = scaled(v, 4);
  if (r < 0) {
    p.write('-');
    r = -r;
  }
  unsigned long ur = (unsigned long)r;
  p.print(ur / 10000UL);
  unsigned long frac = ur % 10000UL;
  if (frac == 0) return;
  p.write('.');
  for (unsigned long div = 1000; div > 0 && frac > 0; div /= 10) {
    p.write('0' + (uint8_t)(frac / div));
    frac %= div;
  }
}

void renderHello(Print &p, const HelloSnapshot &h) {
  openLine(p, T_HELLO, h.cmdId);
  p.print(F(",\"v\":"));
  p.print(PROTOCOL_VERSION);
  p.print(F(",\"dev\":"));
  printJsonString(p, h.deviceId);
  p.print(F(",\"fw\":\"" FW_VERSION "\",\"up\":"));
  p.print(h.up);
  p.print(F(",\"seq\":"));
  p.print(h.seq);
  p.print(F(",\"ms\":"));
  p.print(h.intervalMs);
  p.print(F(",\"se\":"));
  p.print(h.sensorErrors);
  p.print(F(",\"sensors\":["));
  for (uint8_t i = 0; i < SENSOR_COUNT; i++) {
    SensorInfo s = sensorInfo(i);
    if (i) p.write(',');
    p.print(F("{\"id\":\""));
    printId(p, s.id);
    p.print(F("\",\"kind\":\""));
    printP(p, s.kind);
    p.print(F("\",\"unit\":\""));
    printP(p, s.unit);
    p.print(F("\",\"off\":"));
    printTrimmed(p, h.offsets[i]);
    p.write('}');
  }
  p.print(F("],\"acts\":["));
  for (uint8_t i = 0; i < ACTUATOR_COUNT; i++) {
    ActuatorInfo a = actuatorInfo(i);
    if (i) p.write(',');
    p.print(F("{\"id\":\""));
    printId(p, a.id);
    p.print(F("\",\"kind\":\""));
    printP(p, a.kind);
    p.print(F("\",\"state\":\""));
    p.print((h.actuatorBits >> i) & 1 ? F("ON") : F("OFF"));
    p.print(F("\"}"));
  }
  p.print(F("]}\n"));
}

void renderReading(Print &p, uint8_t sensor, float value, uint32_t n, uint32_t up) {
  SensorInfo s = sensorInfo(sensor);
  openLine(p, T_READING, nullptr);
  p.print(F(",\"s\":\""));
  printId(p, s.id);
  p.print(F("\",\"v\":"));
  printFixed(p, value, s.decimals);
  p.print(F(",\"n\":"));
  p.print(n);
  p.print(F(",\"up\":"));
  p.print(up);
  p.print(F("}\n"));
}

void renderAckState(Print &p, const char *id, uint8_t actuator, bool on) {
  openLine(p, T_ACK, id);
  p.print(F(",\"a\":\""));
  printId(p, actuatorInfo(actuator).id);
  p.print(on ? F("\",\"state\":\"ON\"}\n") : F("\",\"state\":\"OFF\"}\n"));
}

void renderAckInterval(Print &p, const char *id, uint16_t ms) {
  openLine(p, T_ACK, id);
  p.print(F(",\"ms\":"));
  p.print(ms);
  p.print(F("}\n"));
}

void renderAckCal(Print &p, const char *id, uint8_t sensor, float off) {
  openLine(p, T_ACK, id);
  p.print(F(",\"s\":\""));
  printId(p, sensorInfo(sensor).id);
  p.print(F("\",\"off\":"));
  printTrimmed(p, off);
  p.print(F("}\n"));
}

void renderUnknownId(Print &p, const char *id, PGM_P code, bool sensor) {
  openLine(p, T_ERR, id);
  p.print(F(",\"code\":\""));
  printP(p, code);
  p.print(sensor ? F("\",\"msg\":\"s must be ") : F("\",\"msg\":\"a must be "));
  uint8_t n = sensor ? (uint8_t)SENSOR_COUNT : ACTUATOR_COUNT;
  for (uint8_t i = 0; i < n; i++) {
    if (i) p.print(i == n - 1 ? F(" or ") : F(", "));
    printId(p, sensor ? sensorInfo(i).id : actuatorInfo(i).id);
  }
  p.print(F("\"}\n"));
}

void renderError(Print &p, const char *id, PGM_P code, PGM_P msg, const char *detail) {
  openLine(p, T_ERR, id);
  p.print(F(",\"code\":\""));
  printP(p, code);
  p.print(F("\",\"msg\":\""));
  printP(p, msg);
  if (detail) printJsonBody(p, detail);
  p.print(F("\"}\n"));
}
