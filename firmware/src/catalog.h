// The node's fixed sensors and actuators, as announced in the hello line.
#pragma once
#include <Arduino.h>

enum SensorIndex : uint8_t { SENSOR_TEMP = 0, SENSOR_HUMIDITY, SENSOR_PRESSURE, SENSOR_DISTANCE, SENSOR_COUNT };

struct SensorInfo {
  PGM_P id;
  PGM_P kind;
  PGM_P unit;
  uint8_t decimals;  // decimals printed in reading lines
};

struct ActuatorInfo {
  PGM_P id;
  PGM_P kind;
  uint8_t pin;
};

const uint8_t ACTUATOR_COUNT = 4;

// Copies entry i out of flash.
SensorInfo sensorInfo(uint8_t i);
ActuatorInfo actuatorInfo(uint8_t i);

// Index of the sensor/actuator with this id, or -1.
int8_t findSensor(const char *id);
int8_t findActuator(const char *id);
