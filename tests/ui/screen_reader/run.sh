#!/usr/bin/env bash
# Read the app through its accessibility tree, as a screen reader does. Run inside a private
# D-Bus session (the test does: dbus-run-session -- bash run.sh OUT.json DATA_DIR PYTHON):
# starts a virtual X display and the AT-SPI bus, runs drive.py on them with PYTHON (the
# app's venv), and stops both by their process ids. Exits non-zero when either cannot start.
set -u
out=$1 data=$2 py=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
launcher=/usr/libexec/at-spi-bus-launcher
[ -x "$launcher" ] || launcher=$(command -v at-spi-bus-launcher || true)

# the virtual display: Xvfb picks a free display number and writes it to fd 3
Xvfb -displayfd 3 -screen 0 1400x950x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb=$!
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
if [ ! -s "$work/display" ]; then
  echo "run.sh: Xvfb did not start: $(cat "$work/xvfb.log")" >&2
  kill "$xvfb" 2>/dev/null; exit 3
fi
export DISPLAY=":$(tr -d '[:space:]' < "$work/display")"

# the accessibility bus, before the app (Qt registers with it when it starts)
"$launcher" --launch-immediately 2>"$work/bus.log" &
bus=$!
sleep 1
if ! kill -0 "$bus" 2>/dev/null; then
  echo "run.sh: the AT-SPI bus did not start: $(cat "$work/bus.log")" >&2
  kill "$xvfb" 2>/dev/null; exit 4
fi

QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 "$py" "$here/drive.py" "$out" "$data"
status=$?
kill "$bus" "$xvfb" 2>/dev/null
wait "$bus" "$xvfb" 2>/dev/null
rm -rf "$work"
exit $status
