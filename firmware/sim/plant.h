// The room the node sits in: a first-order thermal and humidity model
// driven by the actuators, a pressure random walk and a fixed distance,
// plus the analog transfer functions of the node's sensors.
#pragma once
#include "rng.h"

enum { S_TEMP, S_HUM, S_PRES, S_DIST, S_COUNT };
enum { A_FAN, A_HEATER, A_DEHUM, A_COOLER, A_COUNT };

extern const char *const SENSOR_IDS[S_COUNT];
extern const char *const ACTUATOR_IDS[A_COUNT];
extern const char *const ACTUATOR_TRACE_KEYS[A_COUNT];

typedef struct {
  double t0, tamb, tau;                         // degC, degC, minutes
  double heaterGain, fanGain, coolerGain;       // degC/min while ON
  double h0, hamb, tauH;                        // %RH, %RH, minutes
  double moistureGain, dehumGain, fanHGain;     // %RH/min
  double p0, pWalk, pTau;                       // hPa, hPa/sqrt(min), minutes
  double distance;                              // cm
  double noise[S_COUNT];                        // per-reading sigma, sensor units
  double adcNoiseLsb;                           // per-conversion sigma (dither)
} plant_params_t;

typedef struct {
  double T, H, P;
  int act[A_COUNT];
} plant_state_t;

void plant_defaults(plant_params_t *p);
void plant_init(plant_state_t *s, const plant_params_t *p);
// Advances the model by dtMin minutes (explicit Euler; callers use 10 ms).
void plant_step(plant_state_t *s, const plant_params_t *p, double dtMin, rng_t *rng);
// The true value a sensor would see, in its reporting unit.
double plant_truth(const plant_state_t *s, const plant_params_t *p, int sensor);

// Sensor output voltage (mV) for a physical value, with a 5 V supply.
double lm35_mv(double celsius);
double hih4030_mv(double rh, double supplyMv);
double mpx4115_mv(double hpa, double supplyMv);
