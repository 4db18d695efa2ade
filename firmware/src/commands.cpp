#include "commands.h"

#include <math.h>

#include "json_cmd.h"

namespace {

const char E_BAD_JSON[] PROGMEM = "BAD_JSON";
const char E_UNKNOWN_TYPE[] PROGMEM = "UNKNOWN_TYPE";
const char E_MISSING_FIELD[] PROGMEM = "MISSING_FIELD";
const char E_UNKNOWN_ACTUATOR[] PROGMEM = "UNKNOWN_ACTUATOR";
const char E_BAD_STATE[] PROGMEM = "BAD_STATE";
const char E_BAD_INTERVAL[] PROGMEM = "BAD_INTERVAL";
const char E_UNKNOWN_SENSOR[] PROGMEM = "UNKNOWN_SENSOR";
const char E_BAD_VALUE[] PROGMEM = "BAD_VALUE";
const char E_LINE_TOO_LONG[] PROGMEM = "LINE_TOO_LONG";

const char M_BAD_JSON[] PROGMEM = "not one JSON object; stopped at byte ";
const char M_UNKNOWN_TYPE[] PROGMEM = "t must be set, interval, cal or status";
const char M_MISSING[] PROGMEM = "missing field: ";
const char M_BAD_ID[] PROGMEM = "id must be a string of 1..16 chars";
const char M_BAD_STATE[] PROGMEM = "state must be ON or OFF";
const char M_BAD_INTERVAL[] PROGMEM = "ms must be an integer 100..60000";
const char M_BAD_OFFSET[] PROGMEM = "off must be a number -1000..1000";
const char M_LINE_TOO_LONG[] PROGMEM = "line longer than 127 bytes discarded";

void sendError(const char *id, PGM_P code, PGM_P msg, const char *detail = nullptr) {
  renderError(Serial, id, code, msg, detail);
}

void sendMissing(const char *id, const char *field) { sendError(id, E_MISSING_FIELD, M_MISSING, field); }

void doSet(NodeState &st, const Command &c) {
  if (c.aState == FIELD_ABSENT) return sendMissing(c.id, "a");
  int8_t a = c.aState == FIELD_OK ? findActuator(c.a) : -1;
  if (a < 0) return renderUnknownId(Serial, c.id, E_UNKNOWN_ACTUATOR, false);
  if (c.stateState == FIELD_ABSENT) return sendMissing(c.id, "state");
  bool on = c.stateState == FIELD_OK && !strcmp(c.state, "ON");
  bool off = c.stateState == FIELD_OK && !strcmp(c.state, "OFF");
  if (!on && !off) return sendError(c.id, E_BAD_STATE, M_BAD_STATE);
  digitalWrite(actuatorInfo((uint8_t)a).pin, on ? HIGH : LOW);
  if (on) st.actuatorBits |= (uint8_t)(1 << a);
  else st.actuatorBits &= (uint8_t) ~(1 << a);
  renderAckState(Serial, c.id, (uint8_t)a, on);
}

void doInterval(NodeState &st, const Command &c) {
  if (c.msState == FIELD_ABSENT) return sendMissing(c.id, "ms");
  bool ok = c.msState == FIELD_OK && c.ms >= INTERVAL_MIN_MS && c.ms <= INTERVAL_MAX_MS && c.ms == floorf(c.ms);
  if (!ok) return sendError(c.id, E_BAD_INTERVAL, M_BAD_INTERVAL);
  st.intervalMs = (uint16_t)c.ms;
  // The new period counts from the start of the current cycle, so a shorter
  // interval takes effect at once and a longer one does not skip a beat.
  st.nextCycleAt = st.lastCycleAt + st.intervalMs;
  renderAckInterval(Serial, c.id, st.intervalMs);
}

void doCal(NodeState &st, const Command &c) {
  if (c.sState == FIELD_ABSENT) return sendMissing(c.id, "s");
  int8_t s = c.sState == FIELD_OK ? findSensor(c.s) : -1;
  if (s < 0) return renderUnknownId(Serial, c.id, E_UNKNOWN_SENSOR, true);
  if (c.offState == FIELD_ABSENT) return sendMissing(c.id, "off");
  if (c.offState != FIELD_OK || fabsf(c.off) > CAL_OFFSET_LIMIT) return sendError(c.id, E_BAD_VALUE, M_BAD_OFFSET);
  // Stored at the 4-decimal resolution the ack and hello report.
  st.offsets[s] = roundf(c.off * 10000.0f) / 10000.0f;
  renderAckCal(Serial, c.id, (uint8_t)s, st.offsets[s]);
}

}  // namespace

void reportLineTooLong() { sendError(nullptr, E_LINE_TOO_LONG, M_LINE_TOO_LONG); }

void handleCommandLine(NodeState &st, const char *line, size_t len) {
  Command c;
  uint8_t errorAt = 0;
  ParseStatus ps = parseCommand(line, len, c, &errorAt);
  if (ps == PARSE_EMPTY) return;
  // An id is echoed only when it was read intact.
  if (c.idState != FIELD_OK) c.id[0] = '\0';
  if (ps == PARSE_BAD_JSON) {
    char at[4];
    utoa(errorAt, at, 10);
    return sendError(c.id, E_BAD_JSON, M_BAD_JSON, at);
  }
  if (c.tState == FIELD_ABSENT) return sendMissing(c.id, "t");
  enum { SET, INTERVAL, CAL, STATUS, UNKNOWN } type = UNKNOWN;
  if (c.tState == FIELD_OK) {
    if (!strcmp(c.t, "set")) type = SET;
    else if (!strcmp(c.t, "interval")) type = INTERVAL;
    else if (!strcmp(c.t, "cal")) type = CAL;
    else if (!strcmp(c.t, "status")) type = STATUS;
  }
  if (type == UNKNOWN) return sendError(c.id, E_UNKNOWN_TYPE, M_UNKNOWN_TYPE);
  if (c.idState == FIELD_WRONG_TYPE || c.idState == FIELD_TOO_LONG || (c.idState == FIELD_OK && !c.id[0]))
    return sendError(nullptr, E_BAD_VALUE, M_BAD_ID);
  if (c.idState == FIELD_ABSENT) return sendMissing(nullptr, "id");
  switch (type) {
    case SET: return doSet(st, c);
    case INTERVAL: return doInterval(st, c);
    case CAL: return doCal(st, c);
    default: return startHello(st, c.id);
  }
}
