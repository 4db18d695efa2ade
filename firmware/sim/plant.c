#include "plant.h"

#include <math.h>

const char *const SENSOR_IDS[S_COUNT] = {"temp_1", "humidity_1", "pressure_1", "distance_1"};
const char *const ACTUATOR_IDS[A_COUNT] = {"fan_1", "heater_1", "dehumidifier_1", "cooler_1"};
const char *const ACTUATOR_TRACE_KEYS[A_COUNT] = {"fan", "heater", "dehumidifier", "cooler"};

void plant_defaults(plant_params_t *p) {
  p->t0 = 21.0;
  p->tamb = 21.0;
  p->tau = 30.0;
  p->heaterGain = 0.5;
  p->fanGain = 0.3;
  p->coolerGain = 0.6;
  p->h0 = 50.0;
  p->hamb = 45.0;
  p->tauH = 20.0;
  p->moistureGain = 0.25;
  p->dehumGain = 1.0;
  p->fanHGain = 0.1;
  p->p0 = 1013.25;
  p->pWalk = 0.1;
  p->pTau = 30.0;
  p->distance = 120.0;
  p->noise[S_TEMP] = 0.05;
  p->noise[S_HUM] = 0.2;
  p->noise[S_PRES] = 0.1;
  p->noise[S_DIST] = 0.3;
  p->adcNoiseLsb = 0.7;
}

void plant_init(plant_state_t *s, const plant_params_t *p) {
  s->T = p->t0;
  s->H = p->h0;
  s->P = p->p0;
  for (int i = 0; i < A_COUNT; i++) s->act[i] = 0;
}

void plant_step(plant_state_t *s, const plant_params_t *p, double dtMin, rng_t *rng) {
  double dT = (p->tamb - s->T) / p->tau + p->heaterGain * s->act[A_HEATER] - p->fanGain * s->act[A_FAN] -
              p->coolerGain * s->act[A_COOLER];
  double dH = (p->hamb - s->H) / p->tauH + p->moistureGain - p->dehumGain * s->act[A_DEHUM] -
              p->fanHGain * s->act[A_FAN];
  s->T += dT * dtMin;
  s->H += dH * dtMin;
  if (s->H < 0) s->H = 0;
  if (s->H > 100) s->H = 100;
  // Ornstein-Uhlenbeck walk: wanders, but stays near p0.
  s->P += (p->p0 - s->P) / p->pTau * dtMin + p->pWalk * sqrt(dtMin) * rng_gauss(rng);
}

double plant_truth(const plant_state_t *s, const plant_params_t *p, int sensor) {
  switch (sensor) {
    case S_TEMP: return s->T;
    case S_HUM: return s->H;
    case S_PRES: return s->P;
    default: return p->distance;
  }
}

double lm35_mv(double celsius) { return celsius > 0 ? celsius * 10.0 : 0.0; }

double hih4030_mv(double rh, double supplyMv) { return supplyMv * (0.0062 * rh + 0.16); }

double mpx4115_mv(double hpa, double supplyMv) { return supplyMv * (0.009 * (hpa / 10.0) - 0.095); }
