// Oversampling of the three analog channels (A0 temperature on the internal
// 1.1 V reference, A1 humidity and A2 pressure on AVcc), driven by the ADC
// interrupt: a burst (~25 ms) runs on its own while the main loop serves the
// serial port or sleeps.
#pragma once
#include <Arduino.h>

class Sampler {
 public:
  static const uint8_t CHANNELS = 3;

  // Starts one burst over all channels; ignored while a burst runs.
  void start();
  bool busy() const;
  // Returns true once per finished channel, with the mean code + 0.5 LSB.
  bool take(uint8_t channel, float *code);
};
