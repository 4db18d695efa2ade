#include "sampler.h"

#include "config.h"

namespace {

const uint8_t REF_AVCC = _BV(REFS0);
const uint8_t REF_INTERNAL = _BV(REFS1) | _BV(REFS0);
const uint8_t REF_MASK = _BV(REFS1) | _BV(REFS0);

// Conversions thrown away after a channel switch: the first one after a mux
// change is unreliable, and after switching down to the 1.1 V bandgap the
// AREF capacitor needs ~5 ms (48 conversions of 104 us) to settle.
const uint8_t DISCARD_MUX = 2;
const uint8_t DISCARD_TO_INTERNAL = 48;

enum Phase : uint8_t { IDLE, SETTLE, SAMPLE };

// Shared with the ISR.
volatile Phase phase = IDLE;
volatile uint8_t channel;
volatile uint8_t left;   // conversions still to discard (SETTLE) or sum (SAMPLE)
volatile uint16_t sum;   // 64 x 1023 fits in 16 bits
volatile uint16_t sums[Sampler::CHANNELS];
volatile uint8_t ready;  // bit per channel with an untaken result

uint8_t referenceFor(uint8_t ch) { return ch == 0 ? REF_INTERNAL : REF_AVCC; }

// Called with the ADC idle (from start() or the ISR).
void select(uint8_t ch) {
  uint8_t ref = referenceFor(ch);
  bool toInternal = (ADMUX & REF_MASK) != ref && ref == REF_INTERNAL;
  ADMUX = ref | ch;
  channel = ch;
  phase = SETTLE;
  left = toInternal ? DISCARD_TO_INTERNAL : DISCARD_MUX;
}

}  // namespace

ISR(ADC_vect) {
  uint16_t code = ADC;
  if (phase == SETTLE) {
    if (--left == 0) {
      phase = SAMPLE;
      left = ADC_OVERSAMPLE;
      sum = 0;
    }
  } else if (phase == SAMPLE) {
    sum += code;
    if (--left == 0) {
      sums[channel] = sum;
      ready |= (uint8_t)(1 << channel);
      if (channel + 1 >= Sampler::CHANNELS) {
        phase = IDLE;
        return;
      }
      select((uint8_t)(channel + 1));
    }
  } else {
    return;
  }
  ADCSRA |= _BV(ADSC);
}

void Sampler::start() {
  if (phase != IDLE) return;
  select(0);
  ADCSRA |= _BV(ADIE) | _BV(ADSC);
}

bool Sampler::busy() const { return phase != IDLE; }

bool Sampler::take(uint8_t ch, float *code) {
  uint8_t bit = (uint8_t)(1 << ch);
  noInterrupts();
  bool has = ready & bit;
  uint16_t s = sums[ch];
  ready &= (uint8_t)~bit;
  interrupts();
  if (has) *code = (float)s / ADC_OVERSAMPLE + 0.5f;
  return has;
}
