#!/usr/bin/env bash
# npm run setup:system [-- tier…]: installs the Debian packages that every tier of `npm test`
# needs (all tiers without arguments). .ci/run calls this script, so this is the one list; the
# test helper (test/support/requirements.ts) names these tiers in its skip messages.
#   --list [tier…]   print the packages instead of installing them
set -euo pipefail

declare -A packages=(
  [base]="openjdk-17-jdk-headless maven"                                # the embedded Neo4j (jars fetched by Maven)
  [socat]="socat"                                                       # virtual serial port pairs
  [avr]="gcc-avr avr-libc binutils-avr arduino-core-avr simavr libsimavr-dev libsimavrparts1 libelf-dev pkg-config make g++"  # the firmware in the simulator
  [browser]="chromium"                                                  # the dashboard and GraphiQL in a real headless browser (playwright-core)
  [esp]="gcc-xtensa-lx106 picolibc-xtensa-lx106-elf make g++"         # the MQTT node's portable part, compiled for the ESP8266 (firmware/esp32)
  [mosquitto]="mosquitto"                                               # the MQTT broker that MQTT nodes and the twin meet at
  [redis]="redis-server"                                                # the pub/sub that shares subscription events between instances
)
order=(base socat avr browser esp mosquitto redis)

list=false
if [ "${1:-}" = "--list" ]; then list=true; shift; fi
tiers=("$@")
[ ${#tiers[@]} -gt 0 ] || tiers=("${order[@]}")

wanted=()
for tier in "${tiers[@]}"; do
  if [ -z "${packages[$tier]+set}" ]; then
    echo "setup:system: unknown tier '$tier'; the tiers are: ${order[*]}" >&2
    exit 2
  fi
  read -r -a names <<<"${packages[$tier]}"
  wanted+=("${names[@]}")
done

if $list; then printf '%s\n' "${wanted[@]}"; exit 0; fi

if ! command -v apt-get >/dev/null || ! command -v dpkg >/dev/null; then
  echo "setup:system installs Debian packages with apt-get, which this system lacks; install the equivalents of: ${wanted[*]}" >&2
  exit 1
fi

missing=()
for p in "${wanted[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup:system: already installed: ${wanted[*]}"
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
echo "setup:system: installing ${missing[*]}"
as_root apt-get update -q
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
