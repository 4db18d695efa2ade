// Command-line options of simnode (all documented in `simnode --help`).
#pragma once
#include "plant.h"
#include "scenario.h"

#define MAX_SCENARIOS 16

typedef struct {
  char elfPath[4096];
  char deviceId[16];     // empty: leave the EEPROM blank (firmware says node-1)
  int idNumber;           // 0: leave the EEPROM blank (ids end in _1)
  unsigned long long seed;
  unsigned long long plantSeed;  // the room's own randomness (pressure walk); default: seed
  int plantSeedSet;
  double speed;          // x real time; 0 = unpaced
  double traceMs;        // 0 = no plant trace lines
  double durationS;      // 0 = run until a signal
  int verbose;
  plant_params_t plant;
  scenario_t scenarios[MAX_SCENARIOS];
  int scenarioCount;
} options_t;

// Fills opt from argv; prints help or an error and exits on bad input.
void options_parse(int argc, char **argv, options_t *opt);
