// Parser for the host's command lines: one small flat JSON object per line.
// Plain C++ (no Arduino headers) so it is unit-tested on the host as well.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "config.h"

// What the parser found for one known key.
enum FieldState : uint8_t {
  FIELD_ABSENT = 0,
  FIELD_OK,          // present with the expected JSON type (and it fit)
  FIELD_WRONG_TYPE,  // present, but e.g. a number where a string belongs
  FIELD_TOO_LONG,    // a string longer than its buffer (value truncated)
};

// The keys a host command may carry. Unknown keys are parsed and ignored.
struct Command {
  char t[10];
  char id[CMD_ID_MAX + 1];
  char a[16];
  char s[16];
  char state[4];
  float ms;
  float off;
  FieldState tState, idState, aState, sState, stateState, msState, offState;
};

enum ParseStatus : uint8_t {
  PARSE_OK = 0,
  PARSE_EMPTY,     // only whitespace: ignored without an answer
  PARSE_BAD_JSON,  // not one well-formed JSON object
};

// Parses `len` bytes of `line` (no terminator needed) into `cmd`.
// On PARSE_BAD_JSON, *errorAt is the byte offset where parsing stopped.
// Bounded work: never reads outside the line, nesting limited to 8 levels.
ParseStatus parseCommand(const char *line, size_t len, Command &cmd, uint8_t *errorAt);
