#include "ultrasonic.h"

#include "config.h"

namespace {

// Written by the ISR only; read by poll() with interrupts off.
volatile uint32_t echoRiseUs;
volatile uint32_t echoWidthUs;
volatile uint8_t echoEdges;  // 0 none, 1 rise seen, 2 pulse complete

}  // namespace

ISR(PCINT0_vect) {
  uint32_t now = micros();
  if (PINB & _BV(PB0)) {
    echoRiseUs = now;
    echoEdges = 1;
  } else if (echoEdges == 1) {
    echoWidthUs = now - echoRiseUs;
    echoEdges = 2;
  }
}

void Ultrasonic::begin() {
  pinMode(PIN_TRIG, OUTPUT);
  digitalWrite(PIN_TRIG, LOW);
  pinMode(PIN_ECHO, INPUT);
  PCMSK0 |= _BV(PCINT0);
  PCICR |= _BV(PCIE0);
}

bool Ultrasonic::trigger() {
  if (PINB & _BV(PB0)) return false;
  noInterrupts();
  echoEdges = 0;
  interrupts();
  digitalWrite(PIN_TRIG, HIGH);
  delayMicroseconds(10);
  digitalWrite(PIN_TRIG, LOW);
  triggeredAt_ = micros();
  waiting_ = true;
  return true;
}

Ultrasonic::Result Ultrasonic::poll(float *cm) {
  if (!waiting_) return PENDING;
  noInterrupts();
  uint8_t edges = echoEdges;
  uint32_t width = echoWidthUs;
  interrupts();
  if (edges == 2) {
    waiting_ = false;
    if (width > ECHO_MAX_US) return FAILED;
    *cm = (float)width / ECHO_US_PER_CM;
    return MEASURED;
  }
  if ((uint32_t)(micros() - triggeredAt_) > ECHO_TIMEOUT_US) {
    waiting_ = false;
    return FAILED;
  }
  return PENDING;
}
