#include "options.h"

#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
  O_ELF = 1000, O_DEVICE_ID, O_ID_NUMBER, O_SEED, O_PLANT_SEED, O_SPEED, O_TRACE_MS, O_DURATION, O_VERBOSE, O_SCENARIO, O_HELP,
  O_T0, O_TAMB, O_TAU, O_HEATER_GAIN, O_FAN_GAIN, O_COOLER_GAIN,
  O_H0, O_HAMB, O_TAU_H, O_MOISTURE_GAIN, O_DEHUM_GAIN, O_FAN_H_GAIN,
  O_P0, O_P_WALK, O_P_TAU, O_DISTANCE,
  O_NOISE_T, O_NOISE_H, O_NOISE_P, O_NOISE_D, O_ADC_NOISE,
};

static const struct option LONG_OPTS[] = {
    {"elf", required_argument, 0, O_ELF},
    {"device-id", required_argument, 0, O_DEVICE_ID},
    {"id-number", required_argument, 0, O_ID_NUMBER},
    {"seed", required_argument, 0, O_SEED},
    {"plant-seed", required_argument, 0, O_PLANT_SEED},
    {"speed", required_argument, 0, O_SPEED},
    {"trace-ms", required_argument, 0, O_TRACE_MS},
    {"duration", required_argument, 0, O_DURATION},
    {"verbose", no_argument, 0, O_VERBOSE},
    {"scenario", required_argument, 0, O_SCENARIO},
    {"help", no_argument, 0, O_HELP},
    {"t0", required_argument, 0, O_T0},
    {"tamb", required_argument, 0, O_TAMB},
    {"tau", required_argument, 0, O_TAU},
    {"heater-gain", required_argument, 0, O_HEATER_GAIN},
    {"fan-gain", required_argument, 0, O_FAN_GAIN},
    {"cooler-gain", required_argument, 0, O_COOLER_GAIN},
    {"h0", required_argument, 0, O_H0},
    {"hamb", required_argument, 0, O_HAMB},
    {"tau-h", required_argument, 0, O_TAU_H},
    {"moisture-gain", required_argument, 0, O_MOISTURE_GAIN},
    {"dehum-gain", required_argument, 0, O_DEHUM_GAIN},
    {"fan-h-gain", required_argument, 0, O_FAN_H_GAIN},
    {"p0", required_argument, 0, O_P0},
    {"p-walk", required_argument, 0, O_P_WALK},
    {"p-tau", required_argument, 0, O_P_TAU},
    {"distance", required_argument, 0, O_DISTANCE},
    {"noise-t", required_argument, 0, O_NOISE_T},
    {"noise-h", required_argument, 0, O_NOISE_H},
    {"noise-p", required_argument, 0, O_NOISE_P},
    {"noise-d", required_argument, 0, O_NOISE_D},
    {"adc-noise", required_argument, 0, O_ADC_NOISE},
    {0, 0, 0, 0},
};

static void usage(FILE *f, const plant_params_t *d) {
  fprintf(f,
          "usage: simnode [options]\n"
          "Runs the node firmware in simavr (atmega328p, 16 MHz) inside a simulated room.\n"
          "stdout: JSON lines. First {\"t\":\"pty\",\"path\":...} (open it at 115200 8N1), then\n"
          "{\"t\":\"config\",...}, plant traces {\"t\":\"plant\",...}, actuator changes {\"t\":\"act\",...},\n"
          "scenario events {\"t\":\"scenario\",...}, and {\"t\":\"exit\",...} at the end.\n\n"
          "Run:\n"
          "  --elf PATH            firmware ELF (default: node.elf beside this binary)\n"
          "  --device-id ID        id written to the EEPROM, 1..15 of [A-Za-z0-9._-] (default: none -> node-1)\n"
          "  --id-number N         number written to the EEPROM that ends every sensor and actuator id,\n"
          "                        1..99 (default: none -> temp_1, fan_1, ...); give each node on one twin its own\n"
          "  --seed N              PRNG seed of the sensors' noise, and of the room unless --plant-seed (default 1)\n"
          "  --plant-seed N        PRNG seed of the room (its pressure walk): nodes given the same one share a room\n"
          "  --speed X             simulated/real time ratio; 0 = as fast as possible (default 1)\n"
          "  --trace-ms N          plant trace period in simulated ms; 0 = off (default 1000)\n"
          "  --duration S          stop after S simulated seconds (default: run until SIGINT/SIGTERM)\n"
          "  --verbose             simavr warnings on stderr\n"
          "Temperature (degC, minutes):  dT/dt = (tamb - T)/tau + heater*heater-gain - fan*fan-gain - cooler*cooler-gain\n"
          "  --t0 %g  --tamb %g  --tau %g  --heater-gain %g  --fan-gain %g  --cooler-gain %g\n"
          "Humidity (%%RH, minutes):  dH/dt = (hamb - H)/tau-h + moisture-gain - dehum*dehum-gain - fan*fan-h-gain\n"
          "  --h0 %g  --hamb %g  --tau-h %g  --moisture-gain %g  --dehum-gain %g  --fan-h-gain %g\n"
          "Pressure (hPa): mean-reverting random walk  --p0 %g  --p-walk %g (hPa/sqrt(min))  --p-tau %g (min)\n"
          "Distance (cm): constant  --distance %g\n"
          "Noise, sigma per reading in sensor units:  --noise-t %g  --noise-h %g  --noise-p %g  --noise-d %g\n"
          "  --adc-noise %g     sigma per ADC conversion in LSB (the dither that oversampling averages)\n"
          "Scenarios (repeatable; times in simulated minutes; SENSOR = temp_1|humidity_1|pressure_1|distance_1):\n"
          "  --scenario drift:SENSOR:RATE[@START[:DUR]]   reports += RATE units/min since START\n"
          "  --scenario stuck:SENSOR[@START[:DUR]]        reports frozen from START\n"
          "  --scenario spike:SENSOR:DELTA@START          the first reading at/after START is off by DELTA\n"
          "  --scenario noise:SENSOR:SIGMA[@START[:DUR]]  noise sigma becomes SIGMA\n"
          "  --scenario dropout@START:DUR                 device->host bytes dropped for DUR minutes\n"
          "  --scenario noecho[@START[:DUR]]              ultrasonic echo lost (firmware counts errors)\n"
          "  e.g. --scenario drift:temp_1:0.05@2 --scenario stuck:humidity_1@3 --scenario dropout@5:2\n",
          d->t0, d->tamb, d->tau, d->heaterGain, d->fanGain, d->coolerGain, d->h0, d->hamb, d->tauH,
          d->moistureGain, d->dehumGain, d->fanHGain, d->p0, d->pWalk, d->pTau, d->distance, d->noise[S_TEMP],
          d->noise[S_HUM], d->noise[S_PRES], d->noise[S_DIST], d->adcNoiseLsb);
}

static void die(const char *fmt, const char *arg) {
  fprintf(stderr, "simnode: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, " (see simnode --help)\n");
  exit(64);
}

static double number(const char *name, const char *s, double min, double max) {
  char *end;
  double v = strtod(s, &end);
  if (!*s || *end || v < min || v > max) {
    char msg[160];
    snprintf(msg, sizeof msg, "--%s '%%s' must be a number in %g..%g", name, min, max);
    die(msg, s);
  }
  return v;
}

static int valid_device_id(const char *s) {
  size_t n = strlen(s);
  if (n < 1 || n > 15) return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' ||
          *s == '_' || *s == '.'))
      return 0;
  return 1;
}

static void default_elf(char *out, size_t len) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) {
    snprintf(out, len, "node.elf");
    return;
  }
  exe[n] = '\0';
  snprintf(out, len, "%s/node.elf", dirname(exe));
}

void options_parse(int argc, char **argv, options_t *o) {
  memset(o, 0, sizeof *o);
  default_elf(o->elfPath, sizeof o->elfPath);
  o->seed = 1;
  o->speed = 1;
  o->traceMs = 1000;
  plant_defaults(&o->plant);
  plant_params_t *p = &o->plant;
  const double BIG = 1e9;
  int c;
  while ((c = getopt_long(argc, argv, "h", LONG_OPTS, NULL)) != -1) {
    const char *name = "";
    for (const struct option *lo = LONG_OPTS; lo->name; lo++)
      if (lo->val == c) name = lo->name;
    switch (c) {
      case O_ELF: snprintf(o->elfPath, sizeof o->elfPath, "%s", optarg); break;
      case O_DEVICE_ID:
        if (!valid_device_id(optarg)) die("--device-id '%s' must be 1..15 chars of [A-Za-z0-9._-]", optarg);
        snprintf(o->deviceId, sizeof o->deviceId, "%s", optarg);
        break;
      case O_ID_NUMBER: {
        double n = number(name, optarg, 1, 99);
        if (n != (double)(int)n) die("--id-number '%s' must be a whole number in 1..99", optarg);
        o->idNumber = (int)n;
        break;
      }
      case O_SEED: o->seed = (unsigned long long)number(name, optarg, 0, 1.8e19); break;
      case O_PLANT_SEED:
        o->plantSeed = (unsigned long long)number(name, optarg, 0, 1.8e19);
        o->plantSeedSet = 1;
        break;
      case O_SPEED: o->speed = number(name, optarg, 0, 10000); break;
      case O_TRACE_MS: o->traceMs = number(name, optarg, 0, BIG); break;
      case O_DURATION: o->durationS = number(name, optarg, 0, BIG); break;
      case O_VERBOSE: o->verbose = 1; break;
      case O_SCENARIO: {
        char err[256];
        if (o->scenarioCount == MAX_SCENARIOS) die("at most 16 --scenario options%s", "");
        if (scenario_parse(optarg, &o->scenarios[o->scenarioCount], err, sizeof err)) die("%s", err);
        o->scenarioCount++;
        break;
      }
      case O_T0: p->t0 = number(name, optarg, -50, 150); break;
      case O_TAMB: p->tamb = number(name, optarg, -50, 150); break;
      case O_TAU: p->tau = number(name, optarg, 0.01, BIG); break;
      case O_HEATER_GAIN: p->heaterGain = number(name, optarg, 0, 100); break;
      case O_FAN_GAIN: p->fanGain = number(name, optarg, 0, 100); break;
      case O_COOLER_GAIN: p->coolerGain = number(name, optarg, 0, 100); break;
      case O_H0: p->h0 = number(name, optarg, 0, 100); break;
      case O_HAMB: p->hamb = number(name, optarg, 0, 100); break;
      case O_TAU_H: p->tauH = number(name, optarg, 0.01, BIG); break;
      case O_MOISTURE_GAIN: p->moistureGain = number(name, optarg, -100, 100); break;
      case O_DEHUM_GAIN: p->dehumGain = number(name, optarg, 0, 100); break;
      case O_FAN_H_GAIN: p->fanHGain = number(name, optarg, -100, 100); break;
      case O_P0: p->p0 = number(name, optarg, 500, 1200); break;
      case O_P_WALK: p->pWalk = number(name, optarg, 0, 100); break;
      case O_P_TAU: p->pTau = number(name, optarg, 0.01, BIG); break;
      case O_DISTANCE: p->distance = number(name, optarg, 2, 400); break;
      case O_NOISE_T: p->noise[S_TEMP] = number(name, optarg, 0, 100); break;
      case O_NOISE_H: p->noise[S_HUM] = number(name, optarg, 0, 100); break;
      case O_NOISE_P: p->noise[S_PRES] = number(name, optarg, 0, 100); break;
      case O_NOISE_D: p->noise[S_DIST] = number(name, optarg, 0, 100); break;
      case O_ADC_NOISE: p->adcNoiseLsb = number(name, optarg, 0, 100); break;
      case O_HELP:
      case 'h': {
        plant_params_t d;
        plant_defaults(&d);
        usage(stdout, &d);
        exit(0);
      }
      default: die("unknown option%s", ""); break;
    }
  }
  if (optind < argc) die("unexpected argument '%s'", argv[optind]);
}
