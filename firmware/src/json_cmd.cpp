#include "json_cmd.h"

#include <string.h>

namespace {

const uint8_t MAX_DEPTH = 8;

struct Cursor {
  const char *p;
  const char *end;
  bool atEnd() const { return p >= end; }
  char peek() const { return p < end ? *p : '\0'; }
};

void skipWs(Cursor &c) {
  while (c.p < c.end && (*c.p == ' ' || *c.p == '\t' || *c.p == '\r' || *c.p == '\n')) c.p++;
}

bool isDigit(char ch) { return ch >= '0' && ch <= '9'; }

int hexVal(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// Reads a JSON string starting at the opening quote. Decoded characters go
// to out (if given) up to cap-1 bytes; *tooLong reports anything dropped.
// Non-ASCII \u escapes decode to '?': ids and names are ASCII by protocol.
bool parseString(Cursor &c, char *out, uint8_t cap, bool *tooLong) {
  c.p++;
  uint8_t n = 0;
  bool over = false;
  while (c.p < c.end) {
    char ch = *c.p++;
    if (ch == '"') {
      if (out) out[n] = '\0';
      if (tooLong) *tooLong = over;
      return true;
    }
    if ((uint8_t)ch < 0x20) return false;
    if (ch == '\\') {
      if (c.atEnd()) return false;
      char e = *c.p++;
      switch (e) {
        case '"': case '\\': case '/': ch = e; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 't': ch = '\t'; break;
        case 'u': {
          if (c.end - c.p < 4) return false;
          uint16_t cp = 0;
          for (uint8_t i = 0; i < 4; i++) {
            int h = hexVal(*c.p++);
            if (h < 0) return false;
            cp = (uint16_t)((cp << 4) | (uint16_t)h);
          }
          ch = (cp > 0 && cp < 0x80) ? (char)cp : '?';
          break;
        }
        default:
          return false;
      }
    }
    if (out) {
      if (n + 1 < cap) out[n++] = ch;
      else over = true;
    }
  }
  return false;
}

// Strict JSON number grammar; keeps 9 significant digits, which is more than
// a float holds.
bool parseNumber(Cursor &c, float *out) {
  bool neg = false;
  if (c.peek() == '-') {
    neg = true;
    c.p++;
  }
  uint32_t mant = 0;
  uint8_t sig = 0;
  int16_t exp10 = 0;
  if (c.peek() == '0') {
    c.p++;
  } else if (isDigit(c.peek())) {
    while (isDigit(c.peek())) {
      uint8_t d = (uint8_t)(*c.p++ - '0');
      if (sig < 9) {
        mant = mant * 10 + d;
        sig++;
      } else {
        exp10++;
      }
    }
  } else {
    return false;
  }
  if (c.peek() == '.') {
    c.p++;
    if (!isDigit(c.peek())) return false;
    while (isDigit(c.peek())) {
      uint8_t d = (uint8_t)(*c.p++ - '0');
      if (sig < 9) {
        mant = mant * 10 + d;
        if (mant) sig++;
        exp10--;
      }
    }
  }
  if (c.peek() == 'e' || c.peek() == 'E') {
    c.p++;
    bool eneg = false;
    if (c.peek() == '+' || c.peek() == '-') eneg = (*c.p++ == '-');
    if (!isDigit(c.peek())) return false;
    int16_t e = 0;
    while (isDigit(c.peek())) {
      if (e < 1000) e = (int16_t)(e * 10 + (*c.p - '0'));
      c.p++;
    }
    exp10 = (int16_t)(eneg ? exp10 - e : exp10 + e);
  }
  float v = (float)mant;
  if (mant != 0) {
    if (exp10 > 38) {
      v = 3.0e38f;  // out of every accepted range; keeps the value finite
    } else if (exp10 < -45) {
      v = 0.0f;
    } else {
      float scale = 1.0f;
      int16_t k = exp10 < 0 ? (int16_t)-exp10 : exp10;
      while (k-- > 0) scale *= 10.0f;
      v = exp10 < 0 ? v / scale : v * scale;
    }
  }
  *out = neg ? -v : v;
  return true;
}

bool matchLiteral(Cursor &c, const char *lit) {
  size_t n = strlen(lit);
  if ((size_t)(c.end - c.p) < n || memcmp(c.p, lit, n) != 0) return false;
  c.p += n;
  return true;
}

bool parseValue(Cursor &c, uint8_t depth);

bool parseContainer(Cursor &c, uint8_t depth, char close) {
  if (depth > MAX_DEPTH) return false;
  c.p++;
  skipWs(c);
  if (c.peek() == close) {
    c.p++;
    return true;
  }
  for (;;) {
    skipWs(c);
    if (close == '}') {
      if (c.peek() != '"' || !parseString(c, nullptr, 0, nullptr)) return false;
      skipWs(c);
      if (c.peek() != ':') return false;
      c.p++;
    }
    if (!parseValue(c, depth)) return false;
    skipWs(c);
    if (c.peek() == ',') {
      c.p++;
      continue;
    }
    if (c.peek() == close) {
      c.p++;
      return true;
    }
    return false;
  }
}

// Validates and discards one value of any type.
bool parseValue(Cursor &c, uint8_t depth) {
  skipWs(c);
  char ch = c.peek();
  if (ch == '"') return parseString(c, nullptr, 0, nullptr);
  if (ch == '{') return parseContainer(c, (uint8_t)(depth + 1), '}');
  if (ch == '[') return parseContainer(c, (uint8_t)(depth + 1), ']');
  if (ch == '-' || isDigit(ch)) {
    float ignored;
    return parseNumber(c, &ignored);
  }
  return matchLiteral(c, "true") || matchLiteral(c, "false") || matchLiteral(c, "null");
}

bool stringField(Cursor &c, char *out, uint8_t cap, FieldState *state) {
  if (c.peek() == '"') {
    bool over = false;
    if (!parseString(c, out, cap, &over)) return false;
    *state = over ? FIELD_TOO_LONG : FIELD_OK;
    return true;
  }
  out[0] = '\0';
  *state = FIELD_WRONG_TYPE;
  return parseValue(c, 1);
}

bool numberField(Cursor &c, float *out, FieldState *state) {
  char ch = c.peek();
  if (ch == '-' || isDigit(ch)) {
    *state = FIELD_OK;
    return parseNumber(c, out);
  }
  *state = FIELD_WRONG_TYPE;
  return parseValue(c, 1);
}

bool parseMember(Cursor &c, Command &cmd) {
  char key[8];
  bool keyTooLong = false;
  if (c.peek() != '"' || !parseString(c, key, sizeof key, &keyTooLong)) return false;
  skipWs(c);
  if (c.peek() != ':') return false;
  c.p++;
  skipWs(c);
  if (keyTooLong) return parseValue(c, 1);
  if (!strcmp(key, "t")) return stringField(c, cmd.t, sizeof cmd.t, &cmd.tState);
  if (!strcmp(key, "id")) return stringField(c, cmd.id, sizeof cmd.id, &cmd.idState);
  if (!strcmp(key, "a")) return stringField(c, cmd.a, sizeof cmd.a, &cmd.aState);
  if (!strcmp(key, "s")) return stringField(c, cmd.s, sizeof cmd.s, &cmd.sState);
  if (!strcmp(key, "state")) return stringField(c, cmd.state, sizeof cmd.state, &cmd.stateState);
  if (!strcmp(key, "ms")) return numberField(c, &cmd.ms, &cmd.msState);
  if (!strcmp(key, "off")) return numberField(c, &cmd.off, &cmd.offState);
  return parseValue(c, 1);
}

}  // namespace

ParseStatus parseCommand(const char *line, size_t len, Command &cmd, uint8_t *errorAt) {
  memset(&cmd, 0, sizeof cmd);
  Cursor c = {line, line + len};
  skipWs(c);
  if (c.atEnd()) return PARSE_EMPTY;
  bool ok = false;
  if (c.peek() == '{') {
    c.p++;
    skipWs(c);
    if (c.peek() == '}') {
      c.p++;
      ok = true;
    } else {
      for (;;) {
        skipWs(c);
        if (!parseMember(c, cmd)) break;
        skipWs(c);
        if (c.peek() == ',') {
          c.p++;
          continue;
        }
        if (c.peek() == '}') {
          c.p++;
          ok = true;
        }
        break;
      }
    }
  }
  if (ok) {
    skipWs(c);
    if (c.atEnd()) return PARSE_OK;
  }
  if (errorAt) {
    size_t at = (size_t)(c.p - line);
    *errorAt = at > 255 ? 255 : (uint8_t)at;
  }
  return PARSE_BAD_JSON;
}
