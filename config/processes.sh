# Process helpers shared by Steward's scripts (sourced, not executed); a sourcing script defines
# log().

# Pids of live processes with an argument that is the given text (with --containing: that
# contains it), a path unique to this data directory, so that a lost or stale pid file never hides
# a process, nor names another one.
pids_with_arg() { # [--containing] text
  local match=-qxF dir pid
  [ "$1" = --containing ] && { match=-qF; shift; }
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" = "$$" ] && continue
    tr '\0' '\n' 2>/dev/null < "$dir/cmdline" | grep "$match" -e "$1" && printf '%s\n' "$pid"
  done
  return 0
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# Waits until none of the given pids lives any more, at most the given seconds.
wait_gone() { # seconds pid...
  local deadline=$((SECONDS + $1)) pid; shift
  while [ "$SECONDS" -lt "$deadline" ]; do
    for pid in "$@"; do alive "$pid" && break; pid=; done
    [ -z "${pid:-}" ] && return 0
    sleep 0.5
  done
  for pid in "$@"; do alive "$pid" && return 1; done
  return 0
}

# Ends processes that did not stop when asked: TERM (and CONT, so that a stopped process sees it),
# then KILL. Fails if one of them still lives.
kill_pids() { # what pid...
  local what=$1; shift
  [ $# -gt 0 ] || return 0
  log "$what (pid $*) still running; sending TERM"
  kill -TERM "$@" 2>/dev/null || true; kill -CONT "$@" 2>/dev/null || true
  wait_gone 10 "$@" && return 0
  log "$what (pid $*) ignored TERM; sending KILL"
  kill -KILL "$@" 2>/dev/null || true
  wait_gone 10 "$@"
}
