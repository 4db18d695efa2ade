// The board around the simulated ATmega328P: sensor voltages into the ADC,
// the HC-SR04 on D7/D8, actuator outputs on D2..D5, the device id in EEPROM,
// and UART0 on a pty.
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "avr_adc.h"
#include "avr_eeprom.h"
#include "avr_ioport.h"
#include "avr_uart.h"
#include "sim_time.h"

#include "sim.h"

#define SUPPLY_MV 5000
#define ADMUX_ADDR 0x7C       // data-space address of ADMUX on the 328P
#define BURST_GAP_MS 30.0     // a pause this long on a channel starts a new reading
#define ECHO_DELAY_US 400     // HC-SR04: trigger fall -> echo rise (8-cycle burst)
#define ECHO_NONE_US 38000.0  // HC-SR04 echo width when nothing returns
#define US_PER_CM 58.0
#define EEPROM_ID_MAGIC 0xD7  // must match firmware/src/config.h
#define EEPROM_NUM_MAGIC 0xD8
#define EEPROM_NUM_ADDR 17

// ---- analog sensors -> ADC ------------------------------------------------

static double sensor_mv(int sensor, double value) {
  switch (sensor) {
    case S_TEMP: return lm35_mv(value);
    case S_HUM: return hih4030_mv(value, SUPPLY_MV);
    default: return mpx4115_mv(value, SUPPLY_MV);
  }
}

// Called when the firmware starts a conversion. simavr converts integer mV
// with code = mV * 1023 / Vref, while the real ADC gives floor(V * 1024 / Vref)
// and the firmware decodes with 1024; so the code a real chip would return
// (with Gaussian analog noise as dither) is computed here and the smallest
// mV value that simavr maps to exactly that code is injected.
static void adc_trigger_hook(struct avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  sim_t *s = param;
  union {
    avr_adc_mux_t mux;
    uint32_t v;
  } e = {.v = value};
  if (e.mux.kind != ADC_MUX_SINGLE || e.mux.src >= ADC_CHANNELS) return;
  int ch = e.mux.src, sensor = ch;
  double now = sim_ms(s);
  if (now - s->lastConvMs[ch] > BURST_GAP_MS) s->burstValue[ch] = sensor_model_reading(&s->sensors, sensor, now);
  s->lastConvMs[ch] = now;

  uint32_t vref;
  switch (s->avr->data[ADMUX_ADDR] >> 6) {
    case 1: vref = s->avr->avcc; break;
    case 3: vref = 1100; break;
    default: vref = s->avr->aref; break;
  }
  double x = sensor_mv(sensor, s->burstValue[ch]) * 1024.0 / vref;
  if (!sensor_model_stuck(&s->sensors, sensor)) x += rng_gauss(&s->sensorRng) * s->opt.plant.adcNoiseLsb;
  double code = floor(x);
  if (code < 0) code = 0;
  if (code > 1023) code = 1023;
  uint32_t mv = ((uint32_t)code * vref + 1022) / 1023;
  avr_raise_irq(s->adcIrq[ch], mv);
}

// ---- HC-SR04 --------------------------------------------------------------

static avr_cycle_count_t echo_end(avr_t *avr, avr_cycle_count_t when, void *param) {
  (void)avr;
  (void)when;
  sim_t *s = param;
  avr_raise_irq(s->echoIrq, 0);
  s->echoBusy = 0;
  return 0;
}

static avr_cycle_count_t echo_start(avr_t *avr, avr_cycle_count_t when, void *param) {
  (void)when;
  sim_t *s = param;
  avr_raise_irq(s->echoIrq, 1);
  avr_cycle_timer_register(avr, (avr_cycle_count_t)(s->echoUs * (avr->frequency / 1e6)), echo_end, s);
  return 0;
}

static void trigger_hook(struct avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  sim_t *s = param;
  if (value & 1) {
    s->trigRise = s->avr->cycle;
    s->trigHigh = 1;
    return;
  }
  if (!s->trigHigh) return;
  s->trigHigh = 0;
  double widthUs = (double)(s->avr->cycle - s->trigRise) * 1e6 / s->avr->frequency;
  if (widthUs < 8 || s->echoBusy) return;  // too short, or still ranging: ignored like the module
  double now = sim_ms(s);
  double cm = sensor_model_reading(&s->sensors, S_DIST, now);
  s->echoUs = sensor_model_kind_active(&s->sensors, SC_NOECHO, now) ? ECHO_NONE_US : fmax(cm, 2.0) * US_PER_CM;
  if (s->echoUs > ECHO_NONE_US) s->echoUs = ECHO_NONE_US;
  s->echoBusy = 1;
  avr_cycle_timer_register_usec(s->avr, ECHO_DELAY_US, echo_start, s);
}

// ---- actuators ------------------------------------------------------------

static void actuator_hook(struct avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  const actuator_pin_t *pin = param;
  sim_t *s = pin->sim;
  int i = pin->index;
  int on = value & 1;
  if (s->plant.act[i] == on) return;
  s->plant.act[i] = on;
  emit("{\"t\":\"act\",\"simMs\":%.0f,\"a\":\"%s\",\"state\":\"%s\"}", sim_ms(s), ACTUATOR_IDS[i], on ? "ON" : "OFF");
}

void board_attach_io(sim_t *s) {
  for (int ch = 0; ch < ADC_CHANNELS; ch++) {
    s->adcIrq[ch] = avr_io_getirq(s->avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0 + ch);
    s->lastConvMs[ch] = -1e9;
  }
  avr_irq_register_notify(avr_io_getirq(s->avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_OUT_TRIGGER), adc_trigger_hook, s);
  for (int i = 0; i < A_COUNT; i++) {  // fan D2, heater D3, dehumidifier D4, cooler D5
    s->actuatorPins[i] = (actuator_pin_t){.sim = s, .index = i};
    avr_irq_register_notify(avr_io_getirq(s->avr, AVR_IOCTL_IOPORT_GETIRQ('D'), IOPORT_IRQ_PIN2 + i), actuator_hook,
                            &s->actuatorPins[i]);
  }
  avr_irq_register_notify(avr_io_getirq(s->avr, AVR_IOCTL_IOPORT_GETIRQ('D'), IOPORT_IRQ_PIN7), trigger_hook, s);
  s->echoIrq = avr_io_getirq(s->avr, AVR_IOCTL_IOPORT_GETIRQ('B'), IOPORT_IRQ_PIN0);
}

// ---- EEPROM ---------------------------------------------------------------

void board_write_device_id(sim_t *s) {
  if (!s->opt.deviceId[0]) return;
  uint8_t buf[17] = {EEPROM_ID_MAGIC};
  size_t n = strlen(s->opt.deviceId);
  memcpy(buf + 1, s->opt.deviceId, n);
  avr_eeprom_desc_t d = {.ee = buf, .offset = 0, .size = (uint32_t)(n + 2)};
  // simavr 1.6 returns nonzero even when the write succeeded: read it back.
  avr_ioctl(s->avr, AVR_IOCTL_EEPROM_SET, &d);
  avr_eeprom_desc_t back = {.ee = NULL, .offset = 0, .size = d.size};
  avr_ioctl(s->avr, AVR_IOCTL_EEPROM_GET, &back);
  if (!back.ee || memcmp(back.ee, buf, d.size) != 0) fatal(s, 1, "cannot write the device id to EEPROM");
}

void board_write_id_number(sim_t *s) {
  if (!s->opt.idNumber) return;
  uint8_t buf[2] = {EEPROM_NUM_MAGIC, (uint8_t)s->opt.idNumber};
  avr_eeprom_desc_t d = {.ee = buf, .offset = EEPROM_NUM_ADDR, .size = sizeof buf};
  avr_ioctl(s->avr, AVR_IOCTL_EEPROM_SET, &d);
  avr_eeprom_desc_t back = {.ee = NULL, .offset = EEPROM_NUM_ADDR, .size = sizeof buf};
  avr_ioctl(s->avr, AVR_IOCTL_EEPROM_GET, &back);
  if (!back.ee || memcmp(back.ee, buf, sizeof buf) != 0) fatal(s, 1, "cannot write the id number to EEPROM");
}

// ---- serial ---------------------------------------------------------------

// Device -> host bytes pass through here so a dropout can swallow them.
static void uart_out_hook(struct avr_irq_t *irq, uint32_t value, void *param) {
  (void)irq;
  sim_t *s = param;
  if (sensor_model_kind_active(&s->sensors, SC_DROPOUT, sim_ms(s))) {
    s->bytesDropped++;
    return;
  }
  s->bytesOut++;
  avr_raise_irq(s->pty.irq + IRQ_UART_PTY_BYTE_IN, value);
}

// uart_pty prints chatter on stdout; keep stdout for JSON by routing it to
// stderr (--verbose) or /dev/null meanwhile.
static void with_stdout_diverted(sim_t *s, void (*fn)(sim_t *)) {
  fflush(stdout);
  int saved = dup(STDOUT_FILENO);
  int sink = s->opt.verbose ? dup(STDERR_FILENO) : open("/dev/null", O_WRONLY);
  dup2(sink, STDOUT_FILENO);
  close(sink);
  fn(s);
  fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
}

static void pty_init(sim_t *s) { uart_pty_init(s->avr, &s->pty); }

static void pty_connect(sim_t *s) {
  uart_pty_connect(&s->pty, '0');
  // The shared /tmp/simavr-uart0 link is wrong for parallel runs: drop ours.
  char target[128];
  ssize_t n = readlink("/tmp/simavr-uart0", target, sizeof target - 1);
  if (n > 0) {
    target[n] = '\0';
    if (!strcmp(target, s->pty.port[0].slavename)) unlink("/tmp/simavr-uart0");
  }
}

void board_attach_serial(sim_t *s) {
  with_stdout_diverted(s, pty_init);
  if (!s->pty.port[0].s) fatal(s, 1, "cannot create a pty for UART0");
  with_stdout_diverted(s, pty_connect);
  avr_irq_t *src = avr_io_getirq(s->avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT);
  avr_unconnect_irq(src, s->pty.irq + IRQ_UART_PTY_BYTE_IN);
  avr_irq_register_notify(src, uart_out_hook, s);
  // No console echo, and no usleep() when the firmware polls the UART.
  uint32_t flags = 0;
  avr_ioctl(s->avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
  flags &= ~(uint32_t)(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
  avr_ioctl(s->avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
}
