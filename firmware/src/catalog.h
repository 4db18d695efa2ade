// The node's fixed sensors and actuators, as announced in the hello line.
// Their ids are a base name and the node's id number: temp_1, fan_1 on node 1,
// temp_2, fan_2 on node 2 (the number is in EEPROM, see device_id.h), so several
// nodes on one twin never claim the same sensor.
#pragma once
#include <Arduino.h>

enum SensorIndex : uint8_t { SENSOR_TEMP = 0, SENSOR_HUMIDITY, SENSOR_PRESSURE, SENSOR_DISTANCE, SENSOR_COUNT };

struct SensorInfo {
  PGM_P id;  // base name; the wire id is id "_" idNumber()
  PGM_P kind;
  PGM_P unit;
  uint8_t decimals;  // decimals printed in reading lines
};

struct ActuatorInfo {
  PGM_P id;  // base name, as for sensors
  PGM_P kind;
  uint8_t pin;
};

const uint8_t ACTUATOR_COUNT = 4;

// Copies entry i out of flash.
SensorInfo sensorInfo(uint8_t i);
ActuatorInfo actuatorInfo(uint8_t i);

// The number that ends every id (1..ID_NUMBER_MAX); set once at start-up.
uint8_t idNumber();
void setIdNumber(uint8_t n);

// Index of the sensor/actuator with this wire id (base "_" number), or -1.
int8_t findSensor(const char *id);
int8_t findActuator(const char *id);
