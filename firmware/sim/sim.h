// State shared by simnode's parts: the simulated MCU, the room, the link.
#pragma once
#include <stdint.h>

#include "sim_avr.h"
#include "uart_pty.h"

#include "options.h"
#include "plant.h"
#include "rng.h"
#include "scenario.h"

#define ADC_CHANNELS 3  // A0 temperature, A1 humidity, A2 pressure

struct sim_t;

// Notification parameter of one actuator pin.
typedef struct {
  struct sim_t *sim;
  int index;  // A_* index
} actuator_pin_t;

typedef struct sim_t {
  avr_t *avr;
  options_t opt;
  uart_pty_t pty;
  plant_state_t plant;
  rng_t plantRng;   // pressure walk
  rng_t sensorRng;  // per-reading noise and per-conversion dither
  sensor_model_t sensors;
  // board wiring state (board.c)
  double lastConvMs[ADC_CHANNELS];
  double burstValue[ADC_CHANNELS];
  avr_irq_t *adcIrq[ADC_CHANNELS];
  avr_irq_t *echoIrq;
  avr_cycle_count_t trigRise;
  int trigHigh, echoBusy;
  double echoUs;
  actuator_pin_t actuatorPins[A_COUNT];
  // pacing (simnode.c)
  double wallBaseNs, simBaseNs;
  unsigned long long bytesOut, bytesDropped, paceResets;
} sim_t;

static inline double sim_ms(const sim_t *s) { return (double)s->avr->cycle * 1000.0 / s->avr->frequency; }

// One JSON line on stdout (line-buffered, so each line is flushed at once).
void emit(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
// Copies s into out as the contents of a JSON string.
void json_escape(char *out, size_t len, const char *s);
// Prints {"t":"error",...} and exits with code.
void fatal(const sim_t *s, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4), noreturn));

// board.c: what sits between the MCU's pins and the room.
void board_write_device_id(sim_t *s);
void board_write_id_number(sim_t *s);
void board_attach_serial(sim_t *s);
void board_attach_io(sim_t *s);
