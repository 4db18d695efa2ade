#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const SCENARIO_KIND_NAMES[] = {"drift", "stuck", "spike", "noise", "dropout", "noecho"};

static int parse_double(const char *s, double *out) {
  char *end;
  if (!*s) return -1;
  *out = strtod(s, &end);
  return *end ? -1 : 0;
}

static int sensor_index(const char *name) {
  for (int i = 0; i < S_COUNT; i++)
    if (!strcmp(name, SENSOR_IDS[i])) return i;
  return -1;
}

int scenario_parse(const char *spec, scenario_t *out, char *err, size_t errLen) {
  char buf[128];
  if (strlen(spec) >= sizeof buf) {
    snprintf(err, errLen, "scenario '%s' is too long", spec);
    return -1;
  }
  strcpy(buf, spec);
  memset(out, 0, sizeof *out);
  out->sensor = -1;
  out->durMin = -1;

  char *when = strchr(buf, '@');
  if (when) {
    *when++ = '\0';
    char *dur = strchr(when, ':');
    if (dur) *dur++ = '\0';
    if (parse_double(when, &out->startMin) || out->startMin < 0 || (dur && (parse_double(dur, &out->durMin) || out->durMin <= 0))) {
      snprintf(err, errLen, "scenario '%s': '@START[:DURATION]' must be minutes, e.g. @2 or @5:2", spec);
      return -1;
    }
  }

  char *fields[3] = {0};
  int n = 0;
  for (char *tok = strtok(buf, ":"); tok; tok = strtok(NULL, ":")) {
    if (n == 3) {
      n = 4;
      break;
    }
    fields[n++] = tok;
  }
  int kind = -1;
  for (int k = 0; k <= SC_NOECHO; k++)
    if (n > 0 && !strcmp(fields[0], SCENARIO_KIND_NAMES[k])) kind = k;
  if (kind < 0) {
    snprintf(err, errLen, "scenario '%s': kind must be drift, stuck, spike, noise, dropout or noecho", spec);
    return -1;
  }
  out->kind = (sc_kind_t)kind;

  int wantSensor = kind != SC_DROPOUT && kind != SC_NOECHO;
  int wantValue = kind == SC_DRIFT || kind == SC_SPIKE || kind == SC_NOISE;
  int wantFields = 1 + wantSensor + wantValue;
  if (n != wantFields) {
    static const char *const usage[] = {"drift:SENSOR:RATE[@START[:DUR]]", "stuck:SENSOR[@START[:DUR]]",
                                        "spike:SENSOR:DELTA@START",        "noise:SENSOR:SIGMA[@START[:DUR]]",
                                        "dropout@START:DUR",               "noecho[@START[:DUR]]"};
    snprintf(err, errLen, "scenario '%s': expected %s", spec, usage[kind]);
    return -1;
  }
  if (wantSensor) {
    out->sensor = sensor_index(fields[1]);
    if (out->sensor < 0) {
      snprintf(err, errLen, "scenario '%s': sensor must be temp_1, humidity_1, pressure_1 or distance_1", spec);
      return -1;
    }
  }
  if (wantValue && parse_double(fields[2], &out->value)) {
    snprintf(err, errLen, "scenario '%s': '%s' is not a number", spec, fields[2]);
    return -1;
  }
  if (kind == SC_NOISE && out->value < 0) {
    snprintf(err, errLen, "scenario '%s': sigma must be >= 0", spec);
    return -1;
  }
  if (kind == SC_SPIKE && !when) {
    snprintf(err, errLen, "scenario '%s': a spike needs @START", spec);
    return -1;
  }
  if (kind == SC_DROPOUT && out->durMin < 0) {
    snprintf(err, errLen, "scenario '%s': a dropout needs @START:DURATION", spec);
    return -1;
  }
  return 0;
}

int scenario_active(const scenario_t *sc, double simMin) {
  if (simMin < sc->startMin) return 0;
  return sc->durMin < 0 || simMin < sc->startMin + sc->durMin;
}

static int applies(const scenario_t *sc, sc_kind_t kind, int sensor, double simMin) {
  return sc->kind == kind && sc->sensor == sensor && scenario_active(sc, simMin);
}

double sensor_model_reading(sensor_model_t *m, int sensor, double simMs) {
  double min = simMs / 60000.0;
  sensor_chan_t *c = &m->ch[sensor];
  int stuckNow = 0;
  for (int i = 0; i < m->count; i++) stuckNow |= applies(&m->sc[i], SC_STUCK, sensor, min);
  if (stuckNow && c->stuck) return c->stuckValue;

  double sigma = m->params->noise[sensor];
  for (int i = 0; i < m->count; i++)
    if (applies(&m->sc[i], SC_NOISE, sensor, min)) sigma = m->sc[i].value;
  double v = plant_truth(m->plant, m->params, sensor) + sigma * rng_gauss(m->rng);
  for (int i = 0; i < m->count; i++) {
    scenario_t *sc = &m->sc[i];
    if (applies(sc, SC_DRIFT, sensor, min)) v += sc->value * (min - sc->startMin);
    if (sc->kind == SC_SPIKE && sc->sensor == sensor && !sc->fired && min >= sc->startMin) {
      v += sc->value;
      sc->fired = 1;
      if (m->onEvent) m->onEvent(m->eventCtx, sc, "fire", simMs);
    }
  }
  c->stuck = stuckNow;
  c->stuckValue = v;
  return v;
}

int sensor_model_stuck(const sensor_model_t *m, int sensor) { return m->ch[sensor].stuck; }

int sensor_model_kind_active(const sensor_model_t *m, sc_kind_t kind, double simMs) {
  for (int i = 0; i < m->count; i++)
    if (m->sc[i].kind == kind && scenario_active(&m->sc[i], simMs / 60000.0)) return 1;
  return 0;
}

void sensor_model_poll(sensor_model_t *m, double simMs) {
  double min = simMs / 60000.0;
  for (int i = 0; i < m->count; i++) {
    scenario_t *sc = &m->sc[i];
    if (sc->kind == SC_SPIKE) continue;  // reported when it fires
    int phase = scenario_active(sc, min) ? 1 : (min >= sc->startMin ? 2 : 0);
    if (phase == sc->phase) continue;
    if (sc->phase == 0 && m->onEvent) m->onEvent(m->eventCtx, sc, "start", simMs);
    if (phase == 2 && m->onEvent) m->onEvent(m->eventCtx, sc, "end", simMs);
    sc->phase = phase;
  }
}
