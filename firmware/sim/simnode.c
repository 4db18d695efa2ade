// simnode: runs the node firmware in simavr and closes the loop with a
// simulated room. The firmware's UART0 is a pty (path printed first on
// stdout); the room's sensors feed the ADC and the HC-SR04 echo pin; the
// actuator pins drive the room model (board.c). Paced to real time, or
// --speed N times faster.
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "avr_extint.h"
#include "sim_elf.h"
#include "sim_time.h"

#include "sim.h"

#define MCU "atmega328p"
#define FREQ 16000000UL
#define SUPPLY_MV 5000
#define PLANT_STEP_US 10000
#define PACE_STEP_US 1000
#define PACE_RESET_NS 250e6  // behind by more than this: stop trying to catch up

static volatile sig_atomic_t stopSignal = 0;
static int stopDuration = 0;
static int verboseLog = 0;

static double mono_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

void emit(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
  // Whoever read our stdout is gone (e.g. a killed test runner): do not
  // linger as an orphan burning CPU.
  if (ferror(stdout) && errno == EPIPE) stopSignal = SIGPIPE;
}

void json_escape(char *out, size_t len, const char *s) {
  size_t n = 0;
  for (; *s && n + 7 < len; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') n += (size_t)snprintf(out + n, len - n, "\\%c", c);
    else if (c < 0x20) n += (size_t)snprintf(out + n, len - n, "\\u%04x", c);
    else out[n++] = (char)c;
  }
  out[n] = '\0';
}

void fatal(const sim_t *s, int code, const char *fmt, ...) {
  char msg[512], esc[1100];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  json_escape(esc, sizeof esc, msg);
  emit("{\"t\":\"error\",\"simMs\":%.0f,\"msg\":\"%s\"}", s->avr ? sim_ms(s) : 0.0, esc);
  fflush(stdout);
  _exit(code);
}

// simavr logs to stdout by default; stdout is reserved for JSON here.
static void logger(avr_t *avr, const int level, const char *fmt, va_list ap) {
  int limit = avr ? avr->log : (verboseLog ? LOG_TRACE : LOG_ERROR);
  if (level > limit) return;
  fputs("simavr: ", stderr);
  vfprintf(stderr, fmt, ap);
}

// Pacing happens in pace_timer; simavr's own sleep would usleep() as well.
static void no_sleep(avr_t *avr, avr_cycle_count_t howLong) {
  (void)avr;
  (void)howLong;
}

static void on_scenario_event(void *ctx, const scenario_t *sc, const char *phase, double simMs) {
  (void)ctx;
  char sensor[40] = "";
  if (sc->sensor >= 0) snprintf(sensor, sizeof sensor, ",\"s\":\"%s\"", SENSOR_IDS[sc->sensor]);
  emit("{\"t\":\"scenario\",\"simMs\":%.0f,\"kind\":\"%s\"%s,\"value\":%g,\"phase\":\"%s\"}", simMs,
       SCENARIO_KIND_NAMES[sc->kind], sensor, sc->value, phase);
}

// ---- timers ---------------------------------------------------------------

static avr_cycle_count_t plant_timer(avr_t *avr, avr_cycle_count_t when, void *param) {
  sim_t *s = param;
  plant_step(&s->plant, &s->opt.plant, PLANT_STEP_US / 60e6, &s->plantRng);
  double now = sim_ms(s);
  sensor_model_poll(&s->sensors, now);
  if (s->opt.durationS > 0 && now >= s->opt.durationS * 1000.0) stopDuration = 1;
  return when + avr_usec_to_cycles(avr, PLANT_STEP_US);
}

static avr_cycle_count_t trace_timer(avr_t *avr, avr_cycle_count_t when, void *param) {
  sim_t *s = param;
  emit("{\"t\":\"plant\",\"simMs\":%.0f,\"T\":%.3f,\"H\":%.2f,\"P\":%.2f,\"D\":%.1f,\"fan\":%d,\"heater\":%d,"
       "\"dehumidifier\":%d,\"cooler\":%d}",
       sim_ms(s), s->plant.T, s->plant.H, s->plant.P, s->opt.plant.distance, s->plant.act[A_FAN],
       s->plant.act[A_HEATER], s->plant.act[A_DEHUM], s->plant.act[A_COOLER]);
  return when + (avr_cycle_count_t)(s->opt.traceMs * (avr->frequency / 1000.0));
}

// A busy firmware would never let simavr idle, so pacing is explicit: every
// simulated ms, sleep while simulated time runs ahead of real time / speed.
// After a long stall (debugger, overloaded host) the reference is reset
// instead of racing to catch up.
static avr_cycle_count_t pace_timer(avr_t *avr, avr_cycle_count_t when, void *param) {
  sim_t *s = param;
  double simNs = (double)when * 1e9 / avr->frequency;
  double target = s->wallBaseNs + (simNs - s->simBaseNs) / s->opt.speed;
  double now = mono_ns();
  if (target > now) {
    double ns = target - now;
    struct timespec ts = {(time_t)(ns / 1e9), (long)fmod(ns, 1e9)};
    nanosleep(&ts, NULL);
  } else if (now - target > PACE_RESET_NS) {
    s->wallBaseNs = now;
    s->simBaseNs = simNs;
    s->paceResets++;
  }
  return when + avr_usec_to_cycles(avr, PACE_STEP_US);
}

// ---- setup ----------------------------------------------------------------

static void load_firmware(sim_t *s) {
  elf_firmware_t fw;
  memset(&fw, 0, sizeof fw);
  if (access(s->opt.elfPath, R_OK) != 0 || elf_read_firmware(s->opt.elfPath, &fw) != 0)
    fatal(s, 1, "cannot read firmware ELF '%s' (build it with: make -C firmware, or pass --elf)", s->opt.elfPath);
  s->avr = avr_make_mcu_by_name(MCU);
  if (!s->avr) fatal(s, 1, "simavr does not know the %s", MCU);
  avr_init(s->avr);
  s->avr->log = s->opt.verbose ? LOG_WARNING : LOG_ERROR;
  // The ELF carries no .mmcu section: set the target by hand.
  snprintf(fw.mmcu, sizeof fw.mmcu, MCU);
  fw.frequency = FREQ;
  avr_load_firmware(s->avr, &fw);
  s->avr->frequency = FREQ;
  s->avr->vcc = s->avr->avcc = s->avr->aref = SUPPLY_MV;
  s->avr->sleep = no_sleep;
  // INT0/INT1 share D2/D3 with the fan and heater outputs. In low-level mode
  // (the reset default, even with the interrupts masked) simavr polls those
  // pins every cycle while they are low, which slows it down ~10x. The
  // firmware does not use them, so plain edge behaviour is equivalent.
  avr_extint_set_strict_lvl_trig(s->avr, 0, 0);
  avr_extint_set_strict_lvl_trig(s->avr, 1, 0);
}

static void emit_config(const sim_t *s) {
  const plant_params_t *p = &s->opt.plant;
  char elf[9000];
  json_escape(elf, sizeof elf, s->opt.elfPath);
  printf("{\"t\":\"config\",\"elf\":\"%s\",\"dev\":\"%s\",\"idNumber\":%d,\"seed\":%llu,\"plantSeed\":%llu,"
         "\"speed\":%g,\"traceMs\":%g,\"duration\":%g,",
         elf, s->opt.deviceId[0] ? s->opt.deviceId : "node-1", s->opt.idNumber ? s->opt.idNumber : 1, s->opt.seed,
         s->opt.plantSeedSet ? s->opt.plantSeed : s->opt.seed, s->opt.speed, s->opt.traceMs, s->opt.durationS);
  printf("\"plant\":{\"t0\":%g,\"tamb\":%g,\"tau\":%g,\"heaterGain\":%g,\"fanGain\":%g,\"coolerGain\":%g,"
         "\"h0\":%g,\"hamb\":%g,\"tauH\":%g,\"moistureGain\":%g,\"dehumGain\":%g,\"fanHGain\":%g,"
         "\"p0\":%g,\"pWalk\":%g,\"pTau\":%g,\"distance\":%g,\"noiseT\":%g,\"noiseH\":%g,\"noiseP\":%g,"
         "\"noiseD\":%g,\"adcNoise\":%g},\"scenarios\":[",
         p->t0, p->tamb, p->tau, p->heaterGain, p->fanGain, p->coolerGain, p->h0, p->hamb, p->tauH, p->moistureGain,
         p->dehumGain, p->fanHGain, p->p0, p->pWalk, p->pTau, p->distance, p->noise[S_TEMP], p->noise[S_HUM],
         p->noise[S_PRES], p->noise[S_DIST], p->adcNoiseLsb);
  for (int i = 0; i < s->opt.scenarioCount; i++) {
    const scenario_t *sc = &s->opt.scenarios[i];
    char sensor[24] = "null";
    if (sc->sensor >= 0) snprintf(sensor, sizeof sensor, "\"%s\"", SENSOR_IDS[sc->sensor]);
    printf("%s{\"kind\":\"%s\",\"s\":%s,\"value\":%g,\"startMin\":%g,\"durMin\":%g}", i ? "," : "",
           SCENARIO_KIND_NAMES[sc->kind], sensor, sc->value, sc->startMin, sc->durMin);
  }
  emit("]}");
}

static void on_signal(int sig) { stopSignal = sig; }

static void install_signals(void) {
  signal(SIGPIPE, SIG_IGN);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
}

// A starter killed hard (SIGKILL) cannot stop us, and its stdout pipe fails only at our next
// line, which may be seconds away: ask the kernel for a SIGTERM the moment it dies instead.
static void die_with_parent(void) {
  pid_t parent = getppid();
  if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0) return;
  if (getppid() != parent) stopSignal = SIGTERM;  // it died before the request took effect
}

int main(int argc, char **argv) {
  static sim_t sim;
  sim_t *s = &sim;
  options_parse(argc, argv, &s->opt);
  verboseLog = s->opt.verbose;
  setvbuf(stdout, NULL, _IOLBF, 0);
  install_signals();
  die_with_parent();
  avr_global_logger_set(logger);

  load_firmware(s);
  board_write_device_id(s);
  board_write_id_number(s);
  board_attach_serial(s);
  emit("{\"t\":\"pty\",\"path\":\"%s\"}", s->pty.port[0].slavename);
  emit_config(s);

  rng_seed(&s->plantRng, s->opt.plantSeedSet ? s->opt.plantSeed : s->opt.seed);
  rng_seed(&s->sensorRng, s->opt.seed ^ 0x5EED5EED5EED5EEDULL);
  plant_init(&s->plant, &s->opt.plant);
  s->sensors = (sensor_model_t){.sc = s->opt.scenarios, .count = s->opt.scenarioCount, .params = &s->opt.plant,
                                .plant = &s->plant, .rng = &s->sensorRng, .onEvent = on_scenario_event};
  board_attach_io(s);

  avr_cycle_timer_register_usec(s->avr, PLANT_STEP_US, plant_timer, s);
  if (s->opt.traceMs > 0) avr_cycle_timer_register(s->avr, 1, trace_timer, s);
  if (s->opt.speed > 0) {
    s->wallBaseNs = mono_ns();
    s->simBaseNs = 0;
    avr_cycle_timer_register_usec(s->avr, PACE_STEP_US, pace_timer, s);
  }

  double wall0 = mono_ns();
  int state = cpu_Running;
  while (!stopSignal && !stopDuration) {
    state = avr_run(s->avr);
    if (state == cpu_Done || state == cpu_Crashed) break;
  }
  double wallS = (mono_ns() - wall0) / 1e9;

  int code = 0;
  const char *reason = stopSignal ? "signal" : stopDuration ? "duration" : "crash";
  if (state == cpu_Crashed || state == cpu_Done) {
    emit("{\"t\":\"error\",\"simMs\":%.0f,\"msg\":\"firmware %s at pc=0x%05x\"}", sim_ms(s),
         state == cpu_Crashed ? "crashed" : "halted (sleep with interrupts off)", (unsigned)s->avr->pc);
    if (state == cpu_Done) reason = "halt";
    code = 2;
  }
  emit("{\"t\":\"exit\",\"simMs\":%.0f,\"reason\":\"%s\",\"wallS\":%.3f,\"speed\":%.2f,\"bytesOut\":%llu,"
       "\"bytesDropped\":%llu,\"paceResets\":%llu}",
       sim_ms(s), reason, wallS, wallS > 0 ? sim_ms(s) / 1000.0 / wallS : 0.0, s->bytesOut, s->bytesDropped,
       s->paceResets);
  fflush(stdout);
  // uart_pty_stop() hangs; its thread only waits in select(), so cancel it.
  pthread_cancel(s->pty.thread);
  pthread_join(s->pty.thread, NULL);
  return code;
}
