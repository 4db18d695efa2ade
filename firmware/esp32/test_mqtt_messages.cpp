// Host unit tests of the MQTT node's messages (mqtt_messages.cpp), built with ASan/UBSan by
// `make -C firmware esp-test`. Ends with "N passed, N failed".
#include <stdio.h>
#include <string.h>

#include "mqtt_messages.h"

using namespace mqttnode;

static int passed = 0, failed = 0;

#define CHECK_EQ(got, want)                                                                   \
  do {                                                                                        \
    if (strcmp((got), (want)) == 0) {                                                         \
      passed++;                                                                               \
    } else {                                                                                  \
      failed++;                                                                               \
      fprintf(stderr, "FAIL %s:%d:\n  got  %s\n  want %s\n", __FILE__, __LINE__, (got), (want)); \
    }                                                                                         \
  } while (0)
#define CHECK(cond)                                                   \
  do {                                                                \
    if (cond) {                                                       \
      passed++;                                                       \
    } else {                                                          \
      failed++;                                                       \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                 \
  } while (0)

static char out[MESSAGE_MAX];

static const char *answer(NodeView &v, const char *command) {
  size_t n = answerCommand(v, command, strlen(command), out, sizeof out);
  out[n] = '\0';
  return out;
}

// `--samples`: prints one message of each kind, one per line, for the twin's decoder to check.
static int samples() {
  NodeView v = {"esp-kitchen", 12345, 17, 1000, 3, 0, {0.25f, 0, 0, -1}};
  renderHello(out, sizeof out, v, nullptr);
  puts(out);
  renderReading(out, sizeof out, 1, 48.125f, 18, 12400);
  puts(out);
  puts(answer(v, "{\"t\":\"set\",\"id\":\"h1\",\"a\":\"fan_1\",\"state\":\"ON\"}"));
  puts(answer(v, "{\"t\":\"status\",\"id\":\"s1\"}"));
  puts(answer(v, "{\"t\":\"set\",\"id\":\"h\\\"2\",\"a\":\"x\",\"state\":\"ON\"}"));
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "--samples") == 0) return samples();
  NodeView v = {"esp-kitchen", 12345, 17, 1000, 0, 0, {0, 0, 0, 0}};

  size_t n = renderHello(out, sizeof out, v, nullptr);
  CHECK_EQ(out,
           "{\"t\":\"hello\",\"v\":1,\"dev\":\"esp-kitchen\",\"fw\":\"esp-1.0.0\",\"up\":12345,\"seq\":17,\"ms\":1000,\"se\":0,\"sensors\":["
           "{\"id\":\"temp_1\",\"kind\":\"TEMPERATURE\",\"unit\":\"C\",\"off\":0},{\"id\":\"humidity_1\",\"kind\":\"HUMIDITY\",\"unit\":\"%RH\",\"off\":0},"
           "{\"id\":\"pressure_1\",\"kind\":\"PRESSURE\",\"unit\":\"hPa\",\"off\":0},{\"id\":\"distance_1\",\"kind\":\"DISTANCE\",\"unit\":\"cm\",\"off\":0}],"
           "\"acts\":[{\"id\":\"fan_1\",\"kind\":\"FAN\",\"state\":\"OFF\"},{\"id\":\"heater_1\",\"kind\":\"HEATER\",\"state\":\"OFF\"},"
           "{\"id\":\"dehumidifier_1\",\"kind\":\"DEHUMIDIFIER\",\"state\":\"OFF\"},{\"id\":\"cooler_1\",\"kind\":\"COOLER\",\"state\":\"OFF\"}]}");
  CHECK(n == strlen(out) && n < 1024);
  CHECK(renderHello(out, 100, v, nullptr) == 0);  // does not fit: nothing half-written is published

  renderReading(out, sizeof out, 0, 23.506f, 1234, 123456);
  CHECK_EQ(out, "{\"t\":\"r\",\"s\":\"temp_1\",\"v\":23.51,\"n\":1234,\"up\":123456}");
  renderReading(out, sizeof out, 3, 120.04f, 1235, 123460);
  CHECK_EQ(out, "{\"t\":\"r\",\"s\":\"distance_1\",\"v\":120.0,\"n\":1235,\"up\":123460}");

  CHECK_EQ(answer(v, "{\"t\":\"set\",\"id\":\"h1\",\"a\":\"heater_1\",\"state\":\"ON\"}"), "{\"t\":\"ack\",\"id\":\"h1\",\"a\":\"heater_1\",\"state\":\"ON\"}");
  CHECK(v.actuatorBits == 2);
  CHECK_EQ(answer(v, "{\"t\":\"interval\",\"id\":\"h2\",\"ms\":500}"), "{\"t\":\"ack\",\"id\":\"h2\",\"ms\":500}");
  CHECK(v.intervalMs == 500);
  CHECK_EQ(answer(v, "{\"t\":\"cal\",\"id\":\"h3\",\"s\":\"temp_1\",\"off\":-0.4}"), "{\"t\":\"ack\",\"id\":\"h3\",\"s\":\"temp_1\",\"off\":-0.4}");
  const char *hello = answer(v, "{\"t\":\"status\",\"id\":\"s0\"}");
  const char *prefix = "{\"t\":\"hello\",\"id\":\"s0\",\"v\":1,";
  CHECK(strncmp(hello, prefix, strlen(prefix)) == 0);
  CHECK(strstr(hello, "{\"id\":\"temp_1\",\"kind\":\"TEMPERATURE\",\"unit\":\"C\",\"off\":-0.4}") != nullptr);
  CHECK(strstr(hello, "{\"id\":\"heater_1\",\"kind\":\"HEATER\",\"state\":\"ON\"}") != nullptr);

  CHECK_EQ(answer(v, "not json"), "{\"t\":\"err\",\"code\":\"BAD_JSON\",\"msg\":\"not one JSON object\"}");
  CHECK_EQ(answer(v, "{\"t\":\"set\",\"id\":\"h4\",\"a\":\"lamp_1\",\"state\":\"ON\"}"),
           "{\"t\":\"err\",\"id\":\"h4\",\"code\":\"UNKNOWN_ACTUATOR\",\"msg\":\"a must be fan_1, heater_1, dehumidifier_1 or cooler_1\"}");
  CHECK_EQ(answer(v, "{\"t\":\"interval\",\"id\":\"h5\",\"ms\":50}"), "{\"t\":\"err\",\"id\":\"h5\",\"code\":\"BAD_INTERVAL\",\"msg\":\"ms must be an integer 100..60000\"}");
  CHECK_EQ(answer(v, "{\"t\":\"reboot\",\"id\":\"h6\"}"), "{\"t\":\"err\",\"id\":\"h6\",\"code\":\"UNKNOWN_TYPE\",\"msg\":\"t must be set, interval, cal or status\"}");
  CHECK_EQ(answer(v, "{\"t\":\"set\",\"a\":\"fan_1\",\"state\":\"ON\"}"), "{\"t\":\"err\",\"code\":\"BAD_VALUE\",\"msg\":\"id must be a string of 1..16 chars\"}");
  CHECK(answerCommand(v, "   ", 3, out, sizeof out) == 0);
  char longLine[200];
  memset(longLine, 'x', sizeof longLine);
  CHECK(answerCommand(v, longLine, sizeof longLine, out, sizeof out) > 0 && strstr(out, "LINE_TOO_LONG") != nullptr);

  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
