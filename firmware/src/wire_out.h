// Rendering of the device -> host lines (PROTOCOL.md) onto any Print.
// Every line is produced by one render function, so the same function can
// measure a line (CountingPrint) or send a slice of it (WindowPrint).
#pragma once
#include <Arduino.h>

#include "catalog.h"
#include "config.h"

// Counts bytes instead of sending them.
class CountingPrint : public Print {
 public:
  size_t count = 0;
  size_t write(uint8_t) override {
    count++;
    return 1;
  }
};

// Forwards only bytes [from, from + budget) of what is rendered, so a long
// line can be sent in pieces as the TX buffer drains, without a RAM copy.
// Past the window write() returns 0, which makes Print stop each call early.
class WindowPrint : public Print {
 public:
  WindowPrint(Print &out, uint16_t from, uint16_t budget) : out_(out), from_(from), to_(from + budget) {}
  uint16_t pos = 0;  // bytes rendered (skipped or sent) so far
  size_t write(uint8_t c) override {
    if (pos >= to_) return 0;
    if (pos >= from_) out_.write(c);
    pos++;
    return 1;
  }

 private:
  Print &out_;
  uint16_t from_, to_;
};

// Everything the hello line reports, frozen when the hello is requested so
// that repeated partial renders produce identical bytes.
struct HelloSnapshot {
  char cmdId[CMD_ID_MAX + 1];  // empty: unsolicited hello (boot)
  const char *deviceId;
  uint32_t up;
  uint32_t seq;
  uint16_t intervalMs;
  uint16_t sensorErrors;
  uint8_t actuatorBits;
  float offsets[SENSOR_COUNT];
};

// A JSON string's contents without the quotes, escaped.
void printJsonBody(Print &p, const char *s);
void printJsonString(Print &p, const char *s);
void printFixed(Print &p, float v, uint8_t decimals);
// Up to 4 decimals, trailing zeros removed ("-0.4", "2", "0.125").
void printTrimmed(Print &p, float v);

void renderHello(Print &p, const HelloSnapshot &h);
void renderReading(Print &p, uint8_t sensor, float value, uint32_t n, uint32_t up);
void renderAckState(Print &p, const char *id, uint8_t actuator, bool on);
void renderAckInterval(Print &p, const char *id, uint16_t ms);
void renderAckCal(Print &p, const char *id, uint8_t sensor, float off);
// id may be null (omitted). msg is in flash; detail (RAM, may be null) is appended to it.
// An err line for an unknown sensor (sensor) or actuator id, listing this node's ids.
void renderUnknownId(Print &p, const char *id, PGM_P code, bool sensor);
void renderError(Print &p, const char *id, PGM_P code, PGM_P msg, const char *detail);
