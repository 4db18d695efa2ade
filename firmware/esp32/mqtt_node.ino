// The room node over WiFi: the same protocol v1 messages as the Uno sketch (firmware/src), one
// per MQTT message (docs/mqtt.md). For ESP32 and ESP8266 with the Arduino core and PubSubClient;
// build it as README.md says (`make -C firmware esp-sketch` assembles the sketch folder).
//   <prefix>/<id>/up    hello (retained) on every connect, readings, answers to commands
//   <prefix>/<id>/down  commands from the twin (subscribed at QoS 1)
//   last will           an empty retained message on .../up: the twin marks the node offline,
//                       and the retained hello is cleared
#if defined(ARDUINO_ARCH_ESP32)
#include <WiFi.h>
#else
#include <ESP8266WiFi.h>
#endif
#include <PubSubClient.h>

#include "esp_config.h"
#include "mqtt_messages.h"

using namespace mqttnode;

static WiFiClient net;
static PubSubClient mqtt(net);
static NodeView view = {DEVICE_ID, 0, 0, 1000, 0, 0, {0, 0, 0, 0}};
static char upTopic[64], downTopic[64];
static char message[MESSAGE_MAX];
static uint32_t lastCycleAt = 0, nextConnectAt = 0, connectDelayMs = 500;

static void publishUp(size_t len, bool retained) {
  if (len > 0) mqtt.publish(upTopic, reinterpret_cast<const uint8_t *>(message), len, retained);
}

static void publishHello(const char *cmdId) {
  view.up = millis();
  publishUp(renderHello(message, sizeof message, view, cmdId), true);  // the latest hello stays retained
}

static void applyActuators() {
  for (uint8_t i = 0; i < ACTUATOR_COUNT; i++) digitalWrite(ACTUATOR_PINS[i], (view.actuatorBits >> i) & 1 ? HIGH : LOW);
}

static void onDownlink(char *topic, uint8_t *payload, unsigned int len) {
  (void)topic;
  size_t n = answerCommand(view, reinterpret_cast<const char *>(payload), len, message, sizeof message);
  applyActuators();
  // A status answer is a hello: retained like every hello.
  publishUp(n, n > 10 && strncmp(message, "{\"t\":\"hello\"", 12) == 0);
}

// Sensor voltage -> value: the Uno's parts (LM35, HIH-4030, MPX4115) behind dividers that fit
// the ESP's ADC range; replace with your sensors' transfer functions.
static bool readSensor(uint8_t i, float &value) {
  auto mv = [](int pin) { return analogRead(pin) * ADC_MV / ADC_FULL_SCALE; };
  switch (i) {
    case 0: value = mv(PIN_TEMP) / 10.0f; return true;
    case 1: if (PIN_HUMIDITY < 0) return false; value = (mv(PIN_HUMIDITY) / 3300.0f - 0.16f) / 0.0062f; return true;
    case 2: if (PIN_PRESSURE < 0) return false; value = (mv(PIN_PRESSURE) / 3300.0f + 0.095f) / 0.009f * 10.0f; return true;
    default: {
      digitalWrite(PIN_TRIG, HIGH);
      delayMicroseconds(10);
      digitalWrite(PIN_TRIG, LOW);
      unsigned long us = pulseIn(PIN_ECHO, HIGH, 40000UL);
      if (us == 0 || us > 26100UL) return false;
      value = us / 58.0f;
      return true;
    }
  }
}

static void sampleCycle() {
  for (uint8_t i = 0; i < SENSOR_COUNT; i++) {
    float value;
    if (!readSensor(i, value)) {
      if (view.sensorErrors < 65535) view.sensorErrors++;
      continue;
    }
    view.seq++;
    publishUp(renderReading(message, sizeof message, i, value + view.offsets[i], view.seq, millis()), false);
  }
}

// Reconnects with backoff (0.5 s doubling to 10 s), like the twin's own links.
static void keepConnected() {
  if (mqtt.connected() || millis() < nextConnectAt) return;
  if (WiFi.status() == WL_CONNECTED) {
    const char *user = MQTT_USER[0] ? MQTT_USER : nullptr;
    const char *pass = MQTT_USER[0] ? MQTT_PASS : nullptr;
    // Will: QoS 1, retained, empty (zero-length) payload on the uplink.
    if (mqtt.connect(DEVICE_ID, user, pass, upTopic, 1, true, "")) {
      mqtt.subscribe(downTopic, 1);
      publishHello(nullptr);
      connectDelayMs = 500;
      return;
    }
  }
  nextConnectAt = millis() + connectDelayMs;
  connectDelayMs = connectDelayMs >= 5000 ? 10000 : connectDelayMs * 2;
}

void setup() {
  for (uint8_t i = 0; i < ACTUATOR_COUNT; i++) pinMode(ACTUATOR_PINS[i], OUTPUT);
  applyActuators();  // all OFF after boot, as on the Uno
  pinMode(PIN_TRIG, OUTPUT);
  pinMode(PIN_ECHO, INPUT);
  snprintf(upTopic, sizeof upTopic, "%s/%s/up", MQTT_PREFIX, DEVICE_ID);
  snprintf(downTopic, sizeof downTopic, "%s/%s/down", MQTT_PREFIX, DEVICE_ID);
  WiFi.mode(WIFI_STA);
  WiFi.begin(WIFI_SSID, WIFI_PASSWORD);
  mqtt.setServer(MQTT_HOST, MQTT_PORT);
  mqtt.setCallback(onDownlink);
  mqtt.setBufferSize(MESSAGE_MAX + 64);  // the default 256 bytes cannot carry a hello
}

void loop() {
  keepConnected();
  mqtt.loop();
  if (mqtt.connected() && millis() - lastCycleAt >= view.intervalMs) {
    lastCycleAt = millis();
    sampleCycle();
  }
}
