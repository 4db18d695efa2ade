// Room sensor node: samples four sensors every interval, drives four
// actuators, and speaks the line protocol of PROTOCOL.md at 115200 8N1.
// Each loop() pass does a little of everything and never waits on a sensor,
// so commands are answered within a few ms at any point of a cycle.
#include <Arduino.h>
#include <avr/sleep.h>
#include <avr/wdt.h>

#include "catalog.h"
#include "commands.h"
#include "config.h"
#include "device_id.h"
#include "node_state.h"
#include "sampler.h"
#include "transfer.h"
#include "ultrasonic.h"
#include "wire_out.h"

namespace {

NodeState st;
Sampler sampler;
Ultrasonic ranger;
bool cycleActive = false;

char rxLine[RX_LINE_MAX + 1];
uint8_t rxLen = 0;
bool rxDiscarding = false;  // inside an over-long line: drop until '\n'

void countSensorError() {
  if (st.sensorErrors < 0xFFFF) st.sensorErrors++;
}

void queueReading(uint8_t sensor, float value) {
  st.pending[sensor] = value + st.offsets[sensor];
  st.pendingAt[sensor] = millis();
  st.pendingMask |= (uint8_t)(1 << sensor);
}

// Reads at most one complete line per call; bytes stay in the RX ring
// buffer (256 bytes, see Makefile) until then.
void serviceRx() {
  while (Serial.available() > 0) {
    char c = (char)Serial.read();
    if (c == '\r') continue;
    if (c == '\n') {
      bool handle = !rxDiscarding;
      rxDiscarding = false;
      uint8_t len = rxLen;
      rxLen = 0;
      if (handle) {
        handleCommandLine(st, rxLine, len);
        return;
      }
      continue;
    }
    if (rxDiscarding) continue;
    if (rxLen >= RX_LINE_MAX) {
      rxDiscarding = true;
      rxLen = 0;
      reportLineTooLong();
      return;
    }
    rxLine[rxLen++] = c;
  }
}

// Sends the next slice of the hello line. Each call re-renders the line up
// to the end of the slice, so slices are kept large (HELLO_MIN_SLICE).
void serviceHello() {
  uint16_t left = st.hello.total - st.hello.sent;
  uint16_t room = (uint16_t)Serial.availableForWrite();
  if (room < left && room < HELLO_MIN_SLICE) return;
  WindowPrint w(Serial, st.hello.sent, room);
  renderHello(w, st.hello.snap);
  st.hello.sent = w.pos;
  if (st.hello.sent >= st.hello.total) st.hello.active = false;
}

void startCycle(uint32_t now) {
  cycleActive = true;
  st.lastCycleAt = now;
  st.nextCycleAt += st.intervalMs;
  if ((int32_t)(now - st.nextCycleAt) >= 0) st.nextCycleAt = now + st.intervalMs;
  sampler.start();
  if (!ranger.trigger()) countSensorError();
}

void collectResults() {
  float code;
  if (sampler.take(0, &code)) queueReading(SENSOR_TEMP, lm35Celsius(code, VREF_INTERNAL_MV));
  if (sampler.take(1, &code)) queueReading(SENSOR_HUMIDITY, hih4030Rh(code));
  if (sampler.take(2, &code)) queueReading(SENSOR_PRESSURE, mpx4115Hpa(code));
  float cm;
  switch (ranger.poll(&cm)) {
    case Ultrasonic::MEASURED: queueReading(SENSOR_DISTANCE, cm); break;
    case Ultrasonic::FAILED: countSensorError(); break;
    default: break;
  }
  if (cycleActive && !sampler.busy() && !ranger.waiting()) cycleActive = false;
}

// Sends queued readings while leaving TX_ACK_RESERVE bytes of TX buffer free.
void emitReadings() {
  for (uint8_t i = 0; i < SENSOR_COUNT && st.pendingMask; i++) {
    if (!(st.pendingMask & (1 << i))) continue;
    CountingPrint len;
    renderReading(len, i, st.pending[i], st.seq + 1, st.pendingAt[i]);
    if ((size_t)Serial.availableForWrite() < len.count + TX_ACK_RESERVE) return;
    renderReading(Serial, i, st.pending[i], st.seq + 1, st.pendingAt[i]);
    st.seq++;
    st.pendingMask &= (uint8_t) ~(1 << i);
  }
}

// Idle sleep keeps timers, UART, pin-change and ADC running and wakes on any
// interrupt (at the latest the 1 ms timer0 tick). It saves power on a board
// and lets the simulator skip idle time instead of emulating a busy loop.
void idleSleep() {
  set_sleep_mode(SLEEP_MODE_IDLE);
  noInterrupts();
  bool rxWaiting = !st.hello.active && Serial.available() > 0;
  if (!rxWaiting) {
    sleep_enable();
    interrupts();
    sleep_cpu();
    sleep_disable();
  }
  interrupts();
}

}  // namespace

// After a watchdog reset the watchdog stays enabled at its shortest timeout
// (16 ms). Optiboot switches it off, but without a bootloader (ISP-flashed
// board, simulator) the node would reset again before setup(): switch it off
// before the C runtime starts.
void disableWatchdogAtReset() __attribute__((naked, used, section(".init3")));
void disableWatchdogAtReset() {
  MCUSR = 0;
  wdt_disable();
}

void startHello(NodeState &s, const char *cmdId) {
  HelloSnapshot &h = s.hello.snap;
  strncpy(h.cmdId, cmdId ? cmdId : "", sizeof h.cmdId - 1);
  h.cmdId[sizeof h.cmdId - 1] = '\0';
  h.deviceId = s.deviceId;
  h.up = millis();
  h.seq = s.seq;
  h.intervalMs = s.intervalMs;
  h.sensorErrors = s.sensorErrors;
  h.actuatorBits = s.actuatorBits;
  for (uint8_t i = 0; i < SENSOR_COUNT; i++) h.offsets[i] = s.offsets[i];
  CountingPrint len;
  renderHello(len, h);
  s.hello.total = (uint16_t)len.count;
  s.hello.sent = 0;
  s.hello.active = true;
}

void setup() {
  // Timers 1 and 2 only serve PWM and tone(), which the node does not use:
  // stopping them saves a little power, and in simavr their compare-match
  // bookkeeping otherwise fires every few cycles and halves simulation speed.
  TCCR1B = 0;
  TCCR2B = 0;
  for (uint8_t i = 0; i < ACTUATOR_COUNT; i++) {
    uint8_t pin = actuatorInfo(i).pin;
    digitalWrite(pin, LOW);
    pinMode(pin, OUTPUT);
  }
  ranger.begin();
  loadDeviceId(st.deviceId);
  setIdNumber(loadIdNumber());
  Serial.begin(115200);
  startHello(st, nullptr);
  st.nextCycleAt = millis();
  // A hung loop resets the board; the host sees a new hello with a small "up".
  wdt_enable(WDTO_2S);
}

void loop() {
  wdt_reset();
  if (st.hello.active) serviceHello();
  else serviceRx();
  uint32_t now = millis();
  if (!cycleActive && (int32_t)(now - st.nextCycleAt) >= 0) startCycle(now);
  collectResults();
  if (!st.hello.active) emitReadings();
  idleSleep();
}
