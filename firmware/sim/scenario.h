// Fault scenarios (--scenario): what the node's sensors report deviates
// from the true plant state, or its serial output goes quiet.
//   drift:SENSOR:RATE[@START[:DUR]]   reading += RATE * (minutes since START)
//   stuck:SENSOR[@START[:DUR]]        reading frozen at its value at START
//   spike:SENSOR:DELTA@START          one reading (the first at/after START) += DELTA
//   noise:SENSOR:SIGMA[@START[:DUR]]  reading noise sigma becomes SIGMA
//   dropout@START:DUR                 device -> host bytes are not delivered
//   noecho[@START[:DUR]]              ultrasonic echo never returns (timeouts)
// START and DUR are simulated minutes (decimals allowed); no DUR = until exit.
#pragma once
#include <stddef.h>

#include "plant.h"
#include "rng.h"

typedef enum { SC_DRIFT, SC_STUCK, SC_SPIKE, SC_NOISE, SC_DROPOUT, SC_NOECHO } sc_kind_t;

typedef struct {
  sc_kind_t kind;
  int sensor;       // S_* index, -1 for dropout/noecho
  double value;     // rate, delta or sigma
  double startMin;
  double durMin;    // < 0: no end
  int phase;        // 0 not started, 1 active, 2 over (for event lines)
  int fired;        // spike already applied
} scenario_t;

extern const char *const SCENARIO_KIND_NAMES[];

// Parses one spec; on failure returns -1 and writes a message to err.
int scenario_parse(const char *spec, scenario_t *out, char *err, size_t errLen);
int scenario_active(const scenario_t *sc, double simMin);

// Per-sensor reporting model: turns the plant's truth into what the sensor
// reports for one reading, applying noise and the scenarios.
typedef void (*sc_event_fn)(void *ctx, const scenario_t *sc, const char *phase, double simMs);

typedef struct {
  int stuck;
  double stuckValue;
} sensor_chan_t;

typedef struct {
  scenario_t *sc;
  int count;
  sensor_chan_t ch[S_COUNT];
  const plant_params_t *params;
  const plant_state_t *plant;
  rng_t *rng;
  sc_event_fn onEvent;
  void *eventCtx;
} sensor_model_t;

// The value one reading of `sensor` shows at simMs (sensor units).
double sensor_model_reading(sensor_model_t *m, int sensor, double simMs);
// True while the sensor output is frozen (the ADC then sees no dither either).
int sensor_model_stuck(const sensor_model_t *m, int sensor);
// True while a scenario of this kind is active.
int sensor_model_kind_active(const sensor_model_t *m, sc_kind_t kind, double simMs);
// Emits start/end events for scenarios whose phase changed.
void sensor_model_poll(sensor_model_t *m, double simMs);
