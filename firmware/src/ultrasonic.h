// HC-SR04 driver that never blocks: the echo pulse on D8 is timed by the
// PCINT0 pin-change interrupt, the main loop only polls for the result.
#pragma once
#include <Arduino.h>

class Ultrasonic {
 public:
  enum Result : uint8_t { PENDING, MEASURED, FAILED };

  void begin();
  // Sends the 10 us trigger pulse. False if the echo line is still high
  // (module busy or stuck): no measurement this cycle.
  bool trigger();
  bool waiting() const { return waiting_; }
  // While waiting: PENDING, or MEASURED with *cm set, or FAILED (timeout or
  // out of range). Returns PENDING when not waiting.
  Result poll(float *cm);

 private:
  bool waiting_ = false;
  uint32_t triggeredAt_ = 0;
};
