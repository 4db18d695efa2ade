#include "device_id.h"

#include <avr/eeprom.h>
#include <string.h>

namespace {

bool validIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

}  // namespace

void loadDeviceId(char *out) {
  const uint8_t *base = (const uint8_t *)EEPROM_ID_ADDR;
  if (eeprom_read_byte(base) == EEPROM_ID_MAGIC) {
    uint8_t n = 0;
    for (; n <= DEVICE_ID_MAX; n++) {
      char c = (char)eeprom_read_byte(base + 1 + n);
      if (c == '\0') break;
      if (n == DEVICE_ID_MAX || !validIdChar(c)) {
        n = 0;
        break;
      }
      out[n] = c;
    }
    if (n > 0) {
      out[n] = '\0';
      return;
    }
  }
  strcpy(out, DEVICE_ID_DEFAULT);
}

uint8_t loadIdNumber() {
  const uint8_t *base = (const uint8_t *)EEPROM_NUM_ADDR;
  if (eeprom_read_byte(base) != EEPROM_NUM_MAGIC) return 1;
  uint8_t n = eeprom_read_byte(base + 1);
  return n >= 1 && n <= ID_NUMBER_MAX ? n : 1;
}
