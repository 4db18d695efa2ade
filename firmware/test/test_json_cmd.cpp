// Host unit tests of the firmware's command parser (src/json_cmd.cpp),
// built with ASan/UBSan by `make -C firmware test`. Ends with
// "N passed, N failed".
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_cmd.h"

static int passed = 0, failed = 0;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (cond) {                                                       \
      passed++;                                                       \
    } else {                                                          \
      failed++;                                                       \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                 \
  } while (0)

static ParseStatus parse(const char *s, Command &c, uint8_t *at = nullptr) {
  // Copy into an exact-size heap buffer so ASan catches any over-read.
  size_t n = strlen(s);
  char *buf = (char *)malloc(n ? n : 1);
  memcpy(buf, s, n);
  uint8_t ignored;
  ParseStatus st = parseCommand(buf, n, c, at ? at : &ignored);
  free(buf);
  return st;
}

static void test_commands() {
  Command c;
  CHECK(parse("{\"t\":\"set\",\"id\":\"c1\",\"a\":\"fan_1\",\"state\":\"ON\"}", c) == PARSE_OK);
  CHECK(!strcmp(c.t, "set") && !strcmp(c.id, "c1") && !strcmp(c.a, "fan_1") && !strcmp(c.state, "ON"));
  CHECK(c.tState == FIELD_OK && c.idState == FIELD_OK && c.aState == FIELD_OK && c.stateState == FIELD_OK);
  CHECK(c.sState == FIELD_ABSENT && c.msState == FIELD_ABSENT && c.offState == FIELD_ABSENT);

  CHECK(parse(" { \"t\" : \"interval\" , \"id\":\"c2\", \"ms\" : 500 } \r", c) == PARSE_OK);
  CHECK(c.msState == FIELD_OK && c.ms == 500.0f);

  CHECK(parse("{\"t\":\"cal\",\"id\":\"c3\",\"s\":\"temp_1\",\"off\":-0.4}", c) == PARSE_OK);
  CHECK(c.offState == FIELD_OK && fabsf(c.off + 0.4f) < 1e-6f && !strcmp(c.s, "temp_1"));

  CHECK(parse("{\"t\":\"status\",\"id\":\"c4\"}", c) == PARSE_OK && !strcmp(c.t, "status"));
  CHECK(parse("{}", c) == PARSE_OK && c.tState == FIELD_ABSENT);
}

static void test_numbers() {
  Command c;
  CHECK(parse("{\"off\":1.5e2}", c) == PARSE_OK && c.off == 150.0f);
  CHECK(parse("{\"off\":-0}", c) == PARSE_OK && c.off == 0.0f);
  CHECK(parse("{\"off\":0.0001}", c) == PARSE_OK && fabsf(c.off - 0.0001f) < 1e-9f);
  CHECK(parse("{\"off\":12345678901234567890}", c) == PARSE_OK && c.off > 1.2e19f && c.off < 1.3e19f);
  CHECK(parse("{\"off\":1e999}", c) == PARSE_OK && isfinite(c.off) && c.off > 1e30f);
  CHECK(parse("{\"off\":1e-999}", c) == PARSE_OK && c.off == 0.0f);
  CHECK(parse("{\"ms\":100.5}", c) == PARSE_OK && c.ms == 100.5f);
  CHECK(parse("{\"off\":01}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"off\":1.}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"off\":.5}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"off\":+1}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"off\":-}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"off\":1e}", c) == PARSE_BAD_JSON);
}

static void test_types_and_lengths() {
  Command c;
  CHECK(parse("{\"t\":\"set\",\"ms\":\"500\",\"state\":true,\"id\":7}", c) == PARSE_OK);
  CHECK(c.msState == FIELD_WRONG_TYPE && c.stateState == FIELD_WRONG_TYPE && c.idState == FIELD_WRONG_TYPE);
  CHECK(parse("{\"id\":\"12345678901234567\"}", c) == PARSE_OK && c.idState == FIELD_TOO_LONG);
  CHECK(parse("{\"id\":\"1234567890123456\"}", c) == PARSE_OK && c.idState == FIELD_OK && strlen(c.id) == 16);
  CHECK(parse("{\"state\":\"ONN\"}", c) == PARSE_OK && c.stateState == FIELD_OK);
  CHECK(parse("{\"state\":\"OFFF\"}", c) == PARSE_OK && c.stateState == FIELD_TOO_LONG);
  CHECK(parse("{\"id\":\"a\\\"b\\\\c\\u0041\\u00e9\"}", c) == PARSE_OK && !strcmp(c.id, "a\"b\\cA?"));
  CHECK(parse("{\"t\":\"x\",\"t\":\"set\"}", c) == PARSE_OK && !strcmp(c.t, "set"));
  CHECK(parse("{\"verylongkeyname\":{\"a\":[1,2,{\"b\":null}],\"c\":false},\"t\":\"status\"}", c) == PARSE_OK);
  CHECK(!strcmp(c.t, "status"));
}

static void test_rejects() {
  Command c;
  uint8_t at = 0;
  CHECK(parse("", c) == PARSE_EMPTY);
  CHECK(parse("  \t ", c) == PARSE_EMPTY);
  CHECK(parse("hello", c, &at) == PARSE_BAD_JSON && at == 0);
  CHECK(parse("{", c) == PARSE_BAD_JSON);
  CHECK(parse("[1]", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\":\"set\"", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\":\"set\",}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\" \"set\"}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\":\"se\nt\"}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\":\"set\\x\"}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\":\"\\u12\"}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\":tru}", c) == PARSE_BAD_JSON);
  CHECK(parse("{\"t\":\"set\"} x", c, &at) == PARSE_BAD_JSON && at == 12);
  CHECK(parse("{\"t\":\"set\"}{}", c) == PARSE_BAD_JSON);
  // The id is kept when it was read before the error, so the answer can echo it.
  CHECK(parse("{\"id\":\"c9\",\"t\":", c) == PARSE_BAD_JSON && c.idState == FIELD_OK && !strcmp(c.id, "c9"));
  CHECK(parse("{\"a\":[[[[[[[[[[1]]]]]]]]]]}", c) == PARSE_BAD_JSON);  // deeper than 8
  CHECK(parse("{\"a\":[[[[[[[1]]]]]]]}", c) == PARSE_OK);
}

// Random and mutated input must never crash, hang or read out of bounds.
static void test_fuzz() {
  const char *seeds[] = {"{\"t\":\"set\",\"id\":\"c1\",\"a\":\"fan_1\",\"state\":\"ON\"}",
                         "{\"t\":\"cal\",\"id\":\"c3\",\"s\":\"temp_1\",\"off\":-0.4e1}",
                         "{\"x\":[1,{\"y\":\"\\u0041\"},true,null]}"};
  const char alphabet[] = "{}[]\":,\\ -0123456789.eEtrufalsn\x01\xff";
  srand(12345);
  Command c;
  int survived = 0;
  for (int i = 0; i < 200000; i++) {
    char buf[RX_LINE_MAX + 1];
    size_t n;
    if (i % 2) {
      n = (size_t)(rand() % (RX_LINE_MAX + 1));
      for (size_t k = 0; k < n; k++) buf[k] = alphabet[rand() % (sizeof alphabet - 1)];
    } else {
      const char *s = seeds[rand() % 3];
      n = strlen(s);
      memcpy(buf, s, n);
      for (int m = rand() % 4; m >= 0; m--) buf[rand() % n] = alphabet[rand() % (sizeof alphabet - 1)];
      n = (size_t)(rand() % (int)(n + 1));
    }
    buf[n] = '\0';
    Command out;
    uint8_t at;
    char *heap = (char *)malloc(n ? n : 1);
    memcpy(heap, buf, n);
    ParseStatus st = parseCommand(heap, n, out, &at);
    free(heap);
    if (st <= PARSE_BAD_JSON && strlen(out.id) <= CMD_ID_MAX && strlen(out.t) < sizeof out.t) survived++;
  }
  (void)c;
  CHECK(survived == 200000);
}

int main() {
  test_commands();
  test_numbers();
  test_types_and_lengths();
  test_rejects();
  test_fuzz();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
