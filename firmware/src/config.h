// Build-time constants of the room sensor node: pins, limits, versions.
#pragma once

#define FW_VERSION "1.0.0"
#define PROTOCOL_VERSION 1

// Actuator outputs (Arduino digital pin numbers; D2..D5 are PORTD bits 2..5).
#define PIN_FAN 2
#define PIN_HEATER 3
#define PIN_DEHUMIDIFIER 4
#define PIN_COOLER 5

// HC-SR04: trigger out on D7 (PD7), echo in on D8 (PB0 = PCINT0).
#define PIN_TRIG 7
#define PIN_ECHO 8

// Longest command line the node accepts, without the terminating '\n'.
// Longer lines are discarded whole and answered with LINE_TOO_LONG.
#define RX_LINE_MAX 127

// Command ids are echoed verbatim; longer ones are rejected (BAD_VALUE).
#define CMD_ID_MAX 16

#define INTERVAL_DEFAULT_MS 1000
#define INTERVAL_MIN_MS 100
#define INTERVAL_MAX_MS 60000

// Calibration offsets are limited so a typo cannot make a sensor absurd.
#define CAL_OFFSET_LIMIT 1000.0f

// ADC samples averaged per reading. With >= ~0.5 LSB of analog noise acting
// as dither, 64 samples give 3 extra bits: temperature ~0.013 degC/step,
// humidity ~0.02 %RH/step.
#define ADC_OVERSAMPLE 64

// Internal bandgap reference in mV. Nominal 1100; a real board's value is
// 1.0-1.2 V: measure it on AREF and rebuild with -DVREF_INTERNAL_MV=....
#ifndef VREF_INTERNAL_MV
#define VREF_INTERNAL_MV 1100.0f
#endif

// HC-SR04: no completed echo within this time is a timeout; echoes longer
// than ECHO_MAX_US (~450 cm) mean "nothing in range" and count as errors too.
#define ECHO_TIMEOUT_US 40000UL
#define ECHO_MAX_US 26100UL
#define ECHO_US_PER_CM 58.0f

// A reading line is only queued when this many bytes of the serial TX buffer
// stay free afterwards, so a command's ack never waits behind a burst of
// readings.
#define TX_ACK_RESERVE 40

// The hello line (~590 bytes) goes out in slices of at least this many bytes.
#define HELLO_MIN_SLICE 48

// Device id in EEPROM: magic byte at 0, then up to 15 chars, NUL-terminated.
#define EEPROM_ID_MAGIC 0xD7
#define EEPROM_ID_ADDR 0
#define DEVICE_ID_MAX 15
#define DEVICE_ID_DEFAULT "node-1"

// Id number of the sensors and actuators in EEPROM, after the device id: magic
// byte at 17, then one byte 1..ID_NUMBER_MAX. Anything else means 1 (temp_1...).
#define EEPROM_NUM_MAGIC 0xD8
#define EEPROM_NUM_ADDR 17
#define ID_NUMBER_MAX 99
