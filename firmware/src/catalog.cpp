#include "catalog.h"

#include "config.h"

namespace {

const char S_TEMP[] PROGMEM = "temp";
const char S_HUM[] PROGMEM = "humidity";
const char S_PRES[] PROGMEM = "pressure";
const char S_DIST[] PROGMEM = "distance";
const char K_TEMP[] PROGMEM = "TEMPERATURE";
const char K_HUM[] PROGMEM = "HUMIDITY";
const char K_PRES[] PROGMEM = "PRESSURE";
const char K_DIST[] PROGMEM = "DISTANCE";
const char U_TEMP[] PROGMEM = "C";
const char U_HUM[] PROGMEM = "%RH";
const char U_PRES[] PROGMEM = "hPa";
const char U_DIST[] PROGMEM = "cm";

const SensorInfo SENSORS[SENSOR_COUNT] PROGMEM = {
    {S_TEMP, K_TEMP, U_TEMP, 2},
    {S_HUM, K_HUM, U_HUM, 2},
    {S_PRES, K_PRES, U_PRES, 2},
    {S_DIST, K_DIST, U_DIST, 1},
};

const char A_FAN[] PROGMEM = "fan";
const char A_HEAT[] PROGMEM = "heater";
const char A_DEHUM[] PROGMEM = "dehumidifier";
const char A_COOL[] PROGMEM = "cooler";
const char AK_FAN[] PROGMEM = "FAN";
const char AK_HEAT[] PROGMEM = "HEATER";
const char AK_DEHUM[] PROGMEM = "DEHUMIDIFIER";
const char AK_COOL[] PROGMEM = "COOLER";

const ActuatorInfo ACTUATORS[ACTUATOR_COUNT] PROGMEM = {
    {A_FAN, AK_FAN, PIN_FAN},
    {A_HEAT, AK_HEAT, PIN_HEATER},
    {A_DEHUM, AK_DEHUM, PIN_DEHUMIDIFIER},
    {A_COOL, AK_COOL, PIN_COOLER},
};

uint8_t number = 1;

// True when id is base "_" number, the number in decimal without leading zeros.
bool matchesId(const char *id, PGM_P base) {
  size_t n = strlen_P(base);
  if (strncmp_P(id, base, n) != 0 || id[n] != '_') return false;
  const char *digits = id + n + 1;
  if (digits[0] < '1' || digits[0] > '9') return false;
  uint16_t value = 0;
  for (const char *d = digits; *d; d++) {
    if (*d < '0' || *d > '9' || d - digits >= 2) return false;
    value = value * 10 + (uint16_t)(*d - '0');
  }
  return value == number;
}

}  // namespace

SensorInfo sensorInfo(uint8_t i) {
  SensorInfo info;
  memcpy_P(&info, &SENSORS[i], sizeof info);
  return info;
}

ActuatorInfo actuatorInfo(uint8_t i) {
  ActuatorInfo info;
  memcpy_P(&info, &ACTUATORS[i], sizeof info);
  return info;
}

uint8_t idNumber() { return number; }

void setIdNumber(uint8_t n) { number = n >= 1 && n <= ID_NUMBER_MAX ? n : 1; }

int8_t findSensor(const char *id) {
  for (uint8_t i = 0; i < SENSOR_COUNT; i++)
    if (matchesId(id, sensorInfo(i).id)) return (int8_t)i;
  return -1;
}

int8_t findActuator(const char *id) {
  for (uint8_t i = 0; i < ACTUATOR_COUNT; i++)
    if (matchesId(id, actuatorInfo(i).id)) return (int8_t)i;
  return -1;
}
