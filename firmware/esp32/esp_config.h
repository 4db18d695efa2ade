// Build-time settings of the MQTT node: edit them (or pass -D...) before building.
#pragma once

// WiFi network.
#ifndef WIFI_SSID
#define WIFI_SSID "my-network"
#endif
#ifndef WIFI_PASSWORD
#define WIFI_PASSWORD "my-password"
#endif

// The broker the twin listens on (its MQTT_URL) and this node's login there.
#ifndef MQTT_HOST
#define MQTT_HOST "192.168.1.10"
#endif
#ifndef MQTT_PORT
#define MQTT_PORT 1883
#endif
#ifndef MQTT_USER
#define MQTT_USER ""  // empty: anonymous
#endif
#ifndef MQTT_PASS
#define MQTT_PASS ""
#endif
// The twin's MQTT_TOPIC_PREFIX; the node uses <prefix>/<DEVICE_ID>/up and .../down.
#ifndef MQTT_PREFIX
#define MQTT_PREFIX "twin"
#endif

// Unique per node: the topic level and the hello's "dev" (1..15 of [A-Za-z0-9._-]).
#ifndef DEVICE_ID
#define DEVICE_ID "esp-1"
#endif

// Pins. ESP32: any ADC1 pins (ADC2 is unusable while WiFi runs). ESP8266 has one ADC (A0):
// temperature only there; humidity and pressure send no reading (counted in "se").
#if defined(ARDUINO_ARCH_ESP32)
#define PIN_TEMP 34
#define PIN_HUMIDITY 35
#define PIN_PRESSURE 32
#define PIN_TRIG 25
#define PIN_ECHO 26
#define ADC_FULL_SCALE 4095.0f
#define ADC_MV 3300.0f
static const int ACTUATOR_PINS[4] = {16, 17, 18, 19};  // fan, heater, dehumidifier, cooler
#else  // ESP8266
#define PIN_TEMP A0
#define PIN_HUMIDITY -1
#define PIN_PRESSURE -1
#define PIN_TRIG 14  // D5
#define PIN_ECHO 12  // D6
#define ADC_FULL_SCALE 1023.0f
#define ADC_MV 1000.0f
static const int ACTUATOR_PINS[4] = {5, 4, 0, 2};  // D1, D2, D3, D4
#endif
