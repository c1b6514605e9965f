#!/bin/sh
# chokepoint's git hook runner: `run.sh pre-commit`, `run.sh pre-merge-commit`
# or `run.sh commit-msg FILE`.
#
# Git started from a GUI client often has no shell PATH, so `node` may not be
# found by name. Only shell builtins are used until node is found, and every
# failure exits non-zero with a message: a hook that cannot run must block the
# commit loudly, never pass it silently.

hook=$1
shift

case $0 in
  */*) here=${0%/*} ;;
  *) here=. ;;
esac
pkg=$here/..
cli=$pkg/dist/bundle/launch.js

fail() {
  echo "chokepoint: the $hook hook cannot run: $1" >&2
  echo "chokepoint: fix it, run \`chokepoint uninstall\`, or (unrecorded) commit with --no-verify" >&2
  exit 1
}

# Without CHOKEPOINT_BYPASS there is no bypass to record: skip starting node
# on every commit just to learn that.
if [ "$hook" = commit-msg ] && [ -z "${CHOKEPOINT_BYPASS+set}" ]; then exit 0; fi

[ -f "$cli" ] || fail "$cli is missing (chokepoint was removed or not built); reinstall it, e.g. npm install"

node_bin=
if [ -n "$CHOKEPOINT_NODE" ] && [ -x "$CHOKEPOINT_NODE" ]; then
  node_bin=$CHOKEPOINT_NODE
elif command -v node >/dev/null 2>&1; then
  node_bin=node
else
  # `chokepoint install` records the node it ran with in the git directory.
  record=$(git rev-parse --git-common-dir 2>/dev/null)/chokepoint/node
  if [ -f "$record" ]; then
    read -r recorded < "$record"
    [ -x "$recorded" ] && node_bin=$recorded
  fi
  if [ -z "$node_bin" ]; then
    for candidate in /usr/local/bin/node /opt/homebrew/bin/node "$HOME/.volta/bin/node" /usr/bin/node; do
      if [ -x "$candidate" ]; then node_bin=$candidate; break; fi
    done
  fi
fi
[ -n "$node_bin" ] || fail "node was not found on PATH; set CHOKEPOINT_NODE=/path/to/node or run \`chokepoint install\` again"

case $hook in
  pre-commit | pre-merge-commit) exec "$node_bin" "$cli" check --staged ;;
  commit-msg) exec "$node_bin" "$cli" hook commit-msg "$1" ;;
  *) fail "unknown hook name '$hook'" ;;
esac
