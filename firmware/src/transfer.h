// Sensor transfer functions: averaged ADC code -> physical value.
// `code` is the mean of the oversampled 10-bit codes plus 0.5 LSB (the ADC
// truncates, so the centre of a code's bin is code + 0.5). Pure functions,
// shared in spirit with the simulator's inverse functions (sim/plant.c).
#pragma once

// LM35: 10 mV/degC, measured against the internal reference.
static inline float lm35Celsius(float code, float vrefMv) { return code * vrefMv / 1024.0f / 10.0f; }

// HIH-4030: Vout = Vs * (0.0062 * RH + 0.16); ratiometric against AVcc = Vs.
static inline float hih4030Rh(float code) { return (code / 1024.0f - 0.16f) / 0.0062f; }

// MPX4115: Vout = Vs * (0.009 * P_kPa - 0.095); ratiometric; result in hPa.
static inline float mpx4115Hpa(float code) { return (code / 1024.0f + 0.095f) / 0.009f * 10.0f; }
