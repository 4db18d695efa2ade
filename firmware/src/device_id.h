// The device id announced in hello lines, stored in EEPROM so several
// boards (or simulated nodes) running the same firmware can be told apart.
#pragma once
#include <stdint.h>

#include "config.h"

// Fills out (DEVICE_ID_MAX + 1 bytes) from EEPROM: magic byte EEPROM_ID_MAGIC
// at EEPROM_ID_ADDR, then 1..15 chars of [A-Za-z0-9._-], NUL-terminated.
// Anything else yields DEVICE_ID_DEFAULT.
void loadDeviceId(char *out);

// The id number that ends the sensor and actuator ids: EEPROM_NUM_MAGIC at
// EEPROM_NUM_ADDR, then one byte 1..ID_NUMBER_MAX. Anything else yields 1.
uint8_t loadIdNumber();
