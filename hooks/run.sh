#!/bin/sh
# chokepoint's git hook runner: `run.sh pre-commit`, `run.sh pre-merge-commit`
# or `run.sh commit-msg FILE`.
#
# Git started from a GUI client often has no shell PATH, so `node` may not be
# found by name. Only shell builtins are used until node is found, and every
# failure exits non-zero with a message: a hook that cannot run must block the
# commit loudly, never pass it silently.
#
# Whatever runs as "node" (CHOKEPOINT_NODE, PATH, the recorded one) must prove
# it ran chokepoint: the CLI writes `chokepoint-verdict NONCE CODE` to fd 3
# when CHOKEPOINT_HOOK_NONCE is set, and the hook passes only on a verdict
# carrying this run's nonce. `CHOKEPOINT_NODE=/bin/true` blocks the commit.

hook=$1
shift

case $0 in
  */*) here=${0%/*} ;;
  *) here=. ;;
esac
pkg=$here/..
cli=$pkg/bundle/cli/launch.js

fail() {
  echo "chokepoint: the $hook hook cannot run: $1" >&2
  echo "chokepoint: fix it, run \`chokepoint uninstall\`, or (unrecorded) commit with --no-verify" >&2
  exit 1
}

# The pre-commit check leaves a marker in the git directory when it let
# findings through with a reason; without one there is nothing to record,
# so skip starting node on every commit just to learn that.
if [ "$hook" = commit-msg ]; then
  git_dir=$(git rev-parse --absolute-git-dir 2>/dev/null)
  if [ -n "$git_dir" ] && [ ! -f "$git_dir/chokepoint/bypass" ]; then exit 0; fi
fi

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
  pre-commit | pre-merge-commit) set -- check --staged ;;
  commit-msg) set -- hook commit-msg "$1" ;;
  *) fail "unknown hook name '$hook'" ;;
esac

nonce=$(od -An -N12 -tx1 /dev/urandom 2>/dev/null | tr -d ' \n')
[ -n "$nonce" ] || nonce="$$.$(date +%s%N 2>/dev/null)"
CHOKEPOINT_HOOK_NONCE=$nonce
export CHOKEPOINT_HOOK_NONCE
# fd 3 carries the verdict into $(...); the report keeps the hook's stdout (fd 4).
exec 4>&1
verdict=$("$node_bin" "$cli" "$@" 3>&1 1>&4 4>&-)
code=$?
exec 4>&-
case $verdict in
  "chokepoint-verdict $nonce $code") exit "$code" ;;
esac
fail "$node_bin exited with code $code without chokepoint's verdict: it is not node running chokepoint (check CHOKEPOINT_NODE), or chokepoint crashed"
