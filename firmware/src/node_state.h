// The node's runtime state, shared by the main loop and the command handler.
#pragma once
#include <Arduino.h>

#include "catalog.h"
#include "config.h"
#include "wire_out.h"

// A hello line being sent piecewise as the TX buffer drains.
struct HelloJob {
  bool active = false;
  uint16_t sent = 0;
  uint16_t total = 0;
  HelloSnapshot snap;
};

struct NodeState {
  char deviceId[DEVICE_ID_MAX + 1];
  uint16_t intervalMs = INTERVAL_DEFAULT_MS;
  uint32_t lastCycleAt = 0;
  uint32_t nextCycleAt = 0;
  float offsets[SENSOR_COUNT] = {0, 0, 0, 0};
  uint8_t actuatorBits = 0;     // bit i: actuator i is ON
  uint32_t seq = 0;             // n of the last reading line sent
  uint16_t sensorErrors = 0;    // failed measurements since boot (saturates)
  uint8_t pendingMask = 0;      // bit i: reading for sensor i waiting for TX room
  float pending[SENSOR_COUNT];
  uint32_t pendingAt[SENSOR_COUNT];  // millis() when the value was measured
  HelloJob hello;
};

// Freezes the current state into st.hello and starts sending it.
void startHello(NodeState &st, const char *cmdId);
